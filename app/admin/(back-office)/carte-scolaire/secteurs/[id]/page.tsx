import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FormSelect, FormText } from "@/components/forms/ActionForm";
import { updateSectorAction } from "@/lib/school-enrolment/actions";
import { listSectorsForStaff } from "@/lib/school-enrolment/carte-edit";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Modifier une ligne de la carte scolaire" };

const PARITY = [
  { value: "pair", label: "Numéros pairs" },
  { value: "impair", label: "Numéros impairs" },
];

export default async function SectorEditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sector = (await listSectorsForStaff(await staffCaller())).find((row) => row.id === id);
  if (!sector) notFound();
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <p>
        <Link href="/admin/carte-scolaire" className="link">
          Retour à la carte scolaire
        </Link>
      </p>
      <h1 className="page-title">Modifier : {sector.street}</h1>
      <ActionForm action={updateSectorAction} submitLabel="Enregistrer la ligne">
        <input type="hidden" name="id" value={sector.id} />
        <FormText name="voie" label="Voie" required defaultValue={sector.street} />
        <FormSelect
          name="parite"
          label="Parité (vide : tous les numéros)"
          options={PARITY}
          defaultValue={sector.parity === "EVEN" ? "pair" : sector.parity === "ODD" ? "impair" : ""}
        />
        <FormText
          name="numero_debut"
          label="Premier numéro (vide : depuis le début)"
          inputMode="numeric"
          defaultValue={sector.fromNumber?.toString() ?? ""}
        />
        <FormText
          name="numero_fin"
          label="Dernier numéro (vide : jusqu'au bout)"
          inputMode="numeric"
          defaultValue={sector.toNumber?.toString() ?? ""}
        />
        <FormText name="maternelle" label="Code de l'école maternelle" required defaultValue={sector.maternelle.code} />
        <FormText name="elementaire" label="Code de l'école élémentaire" required defaultValue={sector.elementaire.code} />
      </ActionForm>
    </div>
  );
}
