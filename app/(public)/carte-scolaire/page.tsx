import type { Metadata } from "next";
import { AddressSearch } from "@/lib/school-enrolment/components/AddressSearch";

export const metadata: Metadata = { title: "Carte scolaire" };

/** Static: no database read here (the street list comes from /api/carte-scolaire/voies when typing). */
export default function CarteScolairePage() {
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="page-title">Carte scolaire</h1>
      <p>
        Chaque adresse de la commune dépend d&apos;une école maternelle et d&apos;une école élémentaire publiques. Tapez votre adresse pour
        connaître les vôtres et leurs coordonnées. Pour inscrire votre enfant, rendez-vous ensuite dans votre Espace Famille, rubrique «
        Inscription scolaire ».
      </p>
      <AddressSearch />
    </div>
  );
}
