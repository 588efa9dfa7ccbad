"use client";

import { CHILD_SLOTS, REPRESENTATIVE_SLOTS } from "@/lib/dossier/schemas";
import { FormSelect, FormText } from "@/components/forms/ActionForm";

const civilities = [
  { value: "", label: "Choisir…" },
  { value: "MONSIEUR", label: "Monsieur" },
  { value: "MADAME", label: "Madame" },
];

export function KnownFamilyFields() {
  return (
    <>
      {REPRESENTATIVE_SLOTS.map((slot) => (
        <fieldset key={slot} className="grid gap-4 rounded-md border border-slate-300 p-4 md:grid-cols-3">
          <legend className="px-1 font-bold text-slate-900">
            {slot === 1 ? "Représentant (titulaire)" : "Co-représentant (facultatif)"}
          </legend>
          <FormSelect name={`rep${slot}Civility`} label="Civilité" options={civilities} required={slot === 1} />
          <FormText name={`rep${slot}UsageName`} label="Nom d'usage" required={slot === 1} autoComplete="off" />
          <FormText name={`rep${slot}FirstName`} label="Prénom" required={slot === 1} autoComplete="off" />
        </fieldset>
      ))}
      {CHILD_SLOTS.map((slot) => (
        <fieldset key={slot} className="grid gap-4 rounded-md border border-slate-300 p-4 md:grid-cols-3">
          <legend className="px-1 font-bold text-slate-900">Enfant {slot} (facultatif)</legend>
          <FormText name={`child${slot}UsageName`} label="Nom d'usage" autoComplete="off" />
          <FormText name={`child${slot}FirstName`} label="Prénom" autoComplete="off" />
          <FormText
            name={`child${slot}BirthDate`}
            label="Date de naissance"
            placeholder="jj/mm/aaaa"
            help="Format jj/mm/aaaa"
            autoComplete="off"
          />
        </fieldset>
      ))}
    </>
  );
}
