import type { TownConfig } from "@/lib/platform/town/types";

/** Changes whenever a key of donnees.json changes meaning, so a program reading exports can tell. */
export const EXPORT_FORMAT = "espace-famille/export-v1";

/** README.txt, in French, inside every export: what each file is and what each key of donnees.json means. */
export function exportReadme(town: Pick<TownConfig, "name" | "portalName" | "legal">): string {
  return `MES DONNÉES PERSONNELLES – ${town.portalName} (${town.name})
${"=".repeat(60)}

Cette archive contient tout ce que le portail ${town.portalName} conserve sur vous et sur votre
famille au moment du téléchargement (droit d'accès et droit à la portabilité, articles 15 et 20
du RGPD). Responsable du traitement : ${town.legal.dataController}.
Délégué à la protection des données : ${town.legal.dpoContact}.

CONTENU DE L'ARCHIVE
--------------------
README.txt      ce fichier.
donnees.json    vos données, lisibles par un programme (format JSON, encodage UTF-8).
fichiers/       vos documents (pièces justificatives, photo), tels que vous les avez déposés.
                Chaque nom commence par la fin de l'identifiant du document, pour les distinguer.

Le fichier donnees.json s'ouvre avec un éditeur de texte ou un navigateur. Les dates sont au
format international (AAAA-MM-JJ, ou AAAA-MM-JJTHH:MM:SS.sssZ en temps universel).

CLÉS DE donnees.json
--------------------
format          version du format de ce fichier (${EXPORT_FORMAT}).
generatedAt     date et heure du téléchargement.
portal          le portail, la commune, le responsable du traitement et le contact du délégué.
account         votre compte personnel : identifiant (login), adresse électronique (email), état
                (status), dates de création, d'activation et de dernière connexion, identité
                (civility, usageName = nom d'usage, birthName = nom de naissance, firstNames,
                birthDate, codes INSEE du pays, du département et de la commune de naissance),
                adresse (address), téléphones (phone, mobile, au format international), moyen de
                contact préféré (preferredContact), acceptation des CGU (cguAcceptedAt, cguVersion),
                hasPassword (vrai si vous avez un mot de passe ; le mot de passe n'est jamais
                conservé en clair et n'est pas exporté), photoDocumentId (votre photo, voir documents).
franceConnect   les identités FranceConnect liées à votre compte : sub (l'identifiant que
                FranceConnect donne au portail pour vous), linkedAt, lastLoginAt. Aucun jeton.
demarches       vos démarches : reference, kind (FAMILY_DECLARATION = déclaration de la famille),
                status (DRAFT brouillon, SUBMITTED envoyée, IN_REVIEW en cours d'examen,
                NEEDS_CORRECTION à compléter, ACCEPTED acceptée, REFUSED refusée), dates, motif de
                refus (refusalReason), data (tout ce que vous avez saisi), history (l'historique :
                at, type, fromStatus, toStatus, by = « vous », « services » ou « portail »,
                message et remarks = les messages échangés), documents (pièces jointes).
family          le dossier de votre famille tenu par la Ville, s'il existe : numéro (dossierNumber),
                état, members (représentants HOLDER et CO_REPRESENTATIVE, enfants CHILD, contacts
                CONTACT, avec toutes les informations enregistrées ; isYou indique votre fiche ;
                parentalLinks = qualité et autorité parentale de chaque représentant pour un
                enfant), documents du dossier que vous avez déposés, invoices (factures et paiements, montants
                en centimes d'euro).
documents       vos documents : kind (LIVRET_FAMILLE, JUSTIFICATIF_DOMICILE, JUGEMENT, PHOTO, AUTRE),
                fileName, mediaType, size (octets), sha256 (empreinte, pour vérifier le fichier),
                createdAt, deletedAt (supprimé de votre espace), ownedByYou (faux pour un document du
                dossier familial déposé par l'autre représentant), file (chemin dans l'archive, ou
                null ; fileUnavailable = le fichier n'a pas pu être relu, contactez-nous).
notifications   les messages des services affichés sur votre accueil (title, body, link, dates).
signInAttempts  les tentatives liées à votre compte encore conservées : connexion, demandes de
                lien, confirmation de fermeture (scope, at, succeeded, ipAddress), gardées pour
                protéger votre compte puis effacées.
activity        vos actions enregistrées dans le journal du portail (at, action, cible, adresse
                IP, navigateur).

VOS DROITS
----------
Vous pouvez demander la rectification de données inexactes, la limitation d'un traitement ou
vous y opposer, et fermer votre compte depuis la page « Mes données personnelles » de votre
espace. Contact : ${town.legal.dpoContact}. Réclamation : Commission nationale de
l'informatique et des libertés (CNIL), https://www.cnil.fr/fr/plaintes.
`;
}
