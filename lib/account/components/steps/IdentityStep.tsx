"use client";

import { useEffect, useState } from "react";
import { SelectField, TextField, CheckboxField } from "@/components/forms/Field";
import { submitSignupStep } from "@/lib/account/actions";
import type { IdentityInput } from "@/lib/account/schemas";
import { civilityOptions } from "@/lib/account/wizard-fields";
import { FRANCE_COUNTRY_CODE } from "@/lib/platform/referentiel/codes";
import { StepForm } from "../StepForm";
import { useServerForm as useWizardForm } from "@/components/forms/useServerForm";

/** Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm). */
const schema = () => import("@/lib/account/schemas").then((module) => module.identitySchema);

type Option = { code: string; name: string };

export function IdentityStep({
  defaults,
  countries,
  departements,
  initialCommunes,
  locked,
  photoSaved,
}: {
  defaults: Record<string, string | undefined>;
  countries: Option[];
  departements: Option[];
  initialCommunes: Option[];
  /** Identity from FranceConnect: shown, not editable. */
  locked: boolean;
  photoSaved: boolean;
}) {
  const wizard = useWizardForm(schema, submitSignupStep.bind(null, "identite"), defaults as Partial<IdentityInput>);
  const { watch, setValue } = wizard.form;
  const field = (name: keyof IdentityInput) => ({ ...wizard.field(name), readOnly: locked || undefined });
  const country = watch("birthCountryCode");
  const departement = watch("birthDepartmentCode");
  const [communes, setCommunes] = useState<Option[]>(initialCommunes);
  const [communesDepartement, setCommunesDepartement] = useState(defaults.birthDepartmentCode ?? "");

  useEffect(() => {
    if (locked || !departement || departement === communesDepartement) return;
    const controller = new AbortController();
    fetch(`/api/referentiel/communes?departement=${encodeURIComponent(departement)}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : []))
      .then((list: Option[]) => {
        setCommunes(list);
        setCommunesDepartement(departement);
        setValue("birthCommuneCode", "");
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [departement, communesDepartement, locked, setValue]);

  const toOptions = (list: Option[]) => list.map((item) => ({ value: item.code, label: item.name }));
  const bornInFrance = country === FRANCE_COUNTRY_CODE;
  return (
    <StepForm wizard={wizard}>
      {locked ? (
        <p className="rounded-md bg-blue-50 p-3 text-sm">
          Ces informations proviennent de FranceConnect et ne peuvent pas être modifiées ici.
        </p>
      ) : null}
      <SelectField label="Civilité" required options={civilityOptions} {...field("civility")} disabled={locked || undefined} />
      <TextField label="Nom usuel" required autoComplete="family-name" {...field("usageName")} />
      <TextField label="Nom de naissance" help="Si différent du nom usuel." {...field("birthName")} />
      <TextField label="Prénom(s)" required autoComplete="given-name" {...field("firstNames")} />
      <TextField
        label="Date de naissance"
        inputMode="numeric"
        autoComplete="bday"
        help="Format attendu : jj/mm/aaaa, par exemple 29/04/1979."
        {...field("birthDate")}
      />
      <SelectField
        label="Pays de naissance"
        options={toOptions(countries)}
        placeholder="Choisir un pays"
        {...field("birthCountryCode")}
        disabled={locked || undefined}
      />
      {bornInFrance ? (
        <>
          <SelectField
            label="Département de naissance"
            options={toOptions(departements)}
            placeholder="Choisir un département"
            {...field("birthDepartmentCode")}
            disabled={locked || undefined}
          />
          <SelectField
            label="Commune de naissance"
            options={toOptions(communes)}
            placeholder={departement ? "Choisir une commune" : "Choisissez d'abord le département"}
            {...field("birthCommuneCode")}
            disabled={locked || !departement || undefined}
          />
        </>
      ) : null}
      {locked ? (
        // Disabled selects are not posted: the locked values travel as hidden fields (the server ignores them anyway).
        <>
          <input type="hidden" name="civility" value={defaults.civility ?? ""} />
          <input type="hidden" name="birthCountryCode" value={defaults.birthCountryCode ?? ""} />
          <input type="hidden" name="birthDepartmentCode" value={defaults.birthDepartmentCode ?? ""} />
          <input type="hidden" name="birthCommuneCode" value={defaults.birthCommuneCode ?? ""} />
        </>
      ) : null}
      <TextField
        label="Photo"
        name="photo"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        help={
          photoSaved
            ? "Une photo est déjà enregistrée. Choisissez un fichier pour la remplacer."
            : "Facultative. Image JPEG, PNG ou WebP de 5 Mo au plus."
        }
        error={wizard.errorOf("photo")}
        className="file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1"
      />
      {photoSaved ? <CheckboxField label="Supprimer la photo enregistrée" name="removePhoto" /> : null}
    </StepForm>
  );
}
