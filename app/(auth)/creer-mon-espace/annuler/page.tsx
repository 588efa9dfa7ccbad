import type { Metadata } from "next";
import Link from "next/link";
import { cancelSignup } from "@/lib/account/actions";
import { loadSignupDraft } from "@/lib/account/draft";
import { firstIncompleteStep, stepPath } from "@/lib/account/signup-steps";

export const metadata: Metadata = { title: "Annuler la création de mon compte" };

/** ANNULER asks for confirmation (here, without JavaScript), then deletes the draft. */
export default async function CancelSignupPage() {
  const draft = await loadSignupDraft();
  const resume = draft ? stepPath(firstIncompleteStep(draft.data)) : "/creer-mon-espace";
  return (
    <div className="card mx-auto max-w-xl">
      <h1 className="page-title mb-4">Annuler la création de mon compte</h1>
      <p className="mb-6">
        Voulez-vous vraiment annuler la création de votre compte personnel ? Toutes les informations saisies seront effacées.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <form action={cancelSignup}>
          <button type="submit" className="btn-danger w-full sm:w-auto">
            Oui, tout effacer
          </button>
        </form>
        <Link href={resume} className="btn-secondary">
          Non, reprendre ma saisie
        </Link>
      </div>
    </div>
  );
}
