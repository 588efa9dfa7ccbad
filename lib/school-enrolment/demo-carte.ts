/**
 * A FICTITIOUS carte scolaire that looks like Carbon-Blanc's, for the demo and the tests: the schools, their
 * addresses, directors and phone numbers (ARCEP's range reserved for fiction, 05 36 49 …) are invented, the
 * street names are common French ones. Written exactly as a town would import it (see the README's columns).
 */
export const DEMO_SCHOOLS_CSV = [
  "code;nom;type;adresse;telephone;courriel;directeur;capacite",
  "MAT-TILLEULS;École maternelle Les Tilleuls;maternelle;4 allée des Tilleuls, 33560 Carbon-Blanc;05 36 49 10 01;maternelle.tilleuls@example.org;Mme Claire Dupuy;PS=56,MS=56,GS=56",
  "MAT-PARC;École maternelle du Parc;maternelle;1 rue du Parc, 33560 Carbon-Blanc;05 36 49 10 02;maternelle.parc@example.org;M. Olivier Lacoste;PS=28,MS=28,GS=28",
  "ELE-JAURES;École élémentaire Jean-Jaurès;élémentaire;18 rue Jean-Jaurès, 33560 Carbon-Blanc;05 36 49 10 03;elementaire.jaures@example.org;Mme Sophie Bernard;CP=50,CE1=50,CE2=50,CM1=50,CM2=50",
  "ELE-PASTEUR;École élémentaire Louis-Pasteur;élémentaire;7 avenue Pasteur, 33560 Carbon-Blanc;05 36 49 10 04;elementaire.pasteur@example.org;M. Thierry Moreau;CP=25,CE1=25,CE2=25,CM1=25,CM2=25",
].join("\r\n");

export const DEMO_SECTORS_CSV = [
  "voie;parite;numero_debut;numero_fin;maternelle;elementaire",
  "Allée des Tilleuls;;;;MAT-TILLEULS;ELE-JAURES",
  "Rue Jean-Jaurès;impair;1;59;MAT-TILLEULS;ELE-JAURES",
  "Rue Jean-Jaurès;impair;61;;MAT-PARC;ELE-PASTEUR",
  "Rue Jean-Jaurès;pair;2;40;MAT-TILLEULS;ELE-JAURES",
  "Rue Jean-Jaurès;pair;42;;MAT-PARC;ELE-PASTEUR",
  "Avenue de la Libération;pair;;;MAT-TILLEULS;ELE-JAURES",
  "Avenue de la Libération;impair;;;MAT-PARC;ELE-PASTEUR",
  "Avenue du Général-de-Gaulle;;;99;MAT-TILLEULS;ELE-JAURES",
  "Avenue du Général-de-Gaulle;;100;;MAT-PARC;ELE-PASTEUR",
  "Rue du Parc;;;;MAT-PARC;ELE-PASTEUR",
  "Avenue Pasteur;;;;MAT-PARC;ELE-PASTEUR",
  "Chemin de Labarde;;;;MAT-PARC;ELE-PASTEUR",
  "Rue Victor-Hugo;;;;MAT-TILLEULS;ELE-JAURES",
  "Place de la Mairie;;;;MAT-TILLEULS;ELE-JAURES",
  "Rue des Écoles;;;;MAT-TILLEULS;ELE-JAURES",
  "Impasse des Vignes;;;;MAT-PARC;ELE-PASTEUR",
  "Rue de la République;;;;MAT-TILLEULS;ELE-JAURES",
].join("\r\n");
