import Link from "next/link";

/** The first step when the wizard starts from FranceConnect: who FranceConnect identified, and what is left to do. */
export function FranceConnectNotice({ identity }: { identity: { civility?: string; firstNames?: string; usageName?: string } }) {
  const identified = identity.civility === "MADAME" ? "identifiée" : "identifié";
  return (
    <div className="mb-6 rounded-md border-2 border-[#000091] bg-blue-50 p-4">
      <p className="mb-2 font-semibold">
        Vous êtes {identified} avec FranceConnect : {identity.firstNames} {identity.usageName}.
      </p>
      <p className="mb-2 text-sm">
        Vos nom, prénoms, date et lieu de naissance viennent de FranceConnect : vous n&apos;avez pas à les saisir. Il vous reste à compléter
        votre adresse et vos moyens de contact. Vous n&apos;aurez pas de mot de passe à créer : vous vous connecterez avec FranceConnect.
      </p>
      <p className="text-sm">
        Vous avez déjà un compte avec un identifiant et un mot de passe ?{" "}
        <Link href="/connexion" className="link">
          Connectez-vous avec vos identifiants
        </Link>
        , puis associez FranceConnect à votre compte depuis votre espace.
      </p>
    </div>
  );
}
