import type { ComponentProps } from "react";
import { TextField } from "@/components/forms/Field";

/** "Saisie de votre clé enfance", as the Carbon-Blanc guide shows it: optional, with the characters people confuse explained. */
export function ChildKeyFieldset({ field }: { field: Omit<ComponentProps<typeof TextField>, "label"> }) {
  return (
    <fieldset className="rounded-md border border-slate-300 p-4">
      <legend className="px-1 font-bold text-slate-900">Saisie de votre clé enfance</legend>
      <p className="mb-2 text-sm">
        Si vous êtes connu de nos services, saisissez ci-après votre Clé Enfance. Si non, passez simplement à l&apos;étape suivante.
      </p>
      <p className="mb-2 text-sm">
        La Clé Enfance permet de faire le lien entre votre dossier numérique de la Ville et votre compte personnel sur cet Espace Famille.
      </p>
      <TextField
        label="Clé enfance"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        help="16 caractères, par exemple ABCD-EFGH-JKMN-PQR5. Pas d'inquiétude pour les lettres O et I : elles sont lues comme les chiffres 0 et 1, et les majuscules, minuscules, espaces et tirets ne comptent pas."
        {...field}
      />
    </fieldset>
  );
}
