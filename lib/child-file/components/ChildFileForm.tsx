"use client";

import Link from "next/link";
import { useFieldArray, useWatch, type DefaultValues, type Path } from "react-hook-form";
import { ErrorBanner } from "@/components/forms/ErrorBanner";
import { SelectField, TextField } from "@/components/forms/Field";
import { useServerForm } from "@/components/forms/useServerForm";
import { saveChildFileAction } from "../actions";
import {
  childFileSchema,
  MAX_ALLERGIES,
  MAX_DTP_DATES,
  MAX_PICKUP,
  type ChildFileFormValues,
  type ChildFileSchemaOptions,
} from "../schemas";
import { YesNo } from "./YesNo";

type Option = { value: string; label: string };

export interface ChildFileFormProps {
  childId: string;
  childName: string;
  options: ChildFileSchemaOptions & { dietOptions: Option[]; authorisationLabels: Record<string, string> };
  defaults: DefaultValues<ChildFileFormValues>;
  documents: { pai: Option[]; vaccinations: Option[] };
  contacts: { memberId: string; name: string; phone: string; relationship: string }[];
}

/** Reads "allergies.0.name" in react-hook-form's nested errors. */
function errorAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

/** The child's file: health, authorisations, people allowed to pick up. One form, one schema, phone first. */
export function ChildFileForm({ childId, childName, options, defaults, documents, contacts }: ChildFileFormProps) {
  const schema = childFileSchema(options);
  const wizard = useServerForm(schema, saveChildFileAction.bind(null, childId), defaults);
  const { control, register, formState } = wizard.form;
  const errors = formState.errors;
  const err = (path: string) => errorAt(errors, path);
  const allergies = useFieldArray({ control, name: "allergies" });
  const dtp = useFieldArray({ control, name: "dtpDates" });
  const pickup = useFieldArray({ control, name: "pickup" });
  const pai = useWatch({ control, name: "pai" });
  const reg = (path: Path<ChildFileFormValues>) => register(path);
  const conflict = err("version");

  return (
    <form action={wizard.formAction} onSubmit={wizard.onSubmit} onFocus={wizard.onFocus} noValidate className="flex flex-col gap-6">
      <ErrorBanner show={wizard.showBanner} focusKey={wizard.bannerKey} />
      {conflict ? (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
          {conflict}
        </p>
      ) : null}
      <input type="hidden" {...reg("version")} />

      <fieldset className="card flex flex-col gap-4">
        <legend className="section-title px-1">Santé de {childName}</legend>
        <h3 className="font-bold">Allergies</h3>
        {allergies.fields.length === 0 ? <p className="text-sm text-slate-700">Aucune allergie indiquée.</p> : null}
        <ul className="flex flex-col gap-4">
          {allergies.fields.map((row, index) => (
            <li key={row.id} className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
              <TextField
                label={`Allergie ${index + 1}`}
                required
                {...reg(`allergies.${index}.name`)}
                error={err(`allergies.${index}.name`)}
                help="Exemple : arachide, piqûre de guêpe"
              />
              <TextField
                label="Réaction"
                {...reg(`allergies.${index}.reaction`)}
                error={err(`allergies.${index}.reaction`)}
                help="Ce qui se passe (exemple : plaques, gonflement)"
              />
              <TextField
                label="Conduite à tenir"
                {...reg(`allergies.${index}.action`)}
                error={err(`allergies.${index}.action`)}
                help="Exemple : stylo d'adrénaline puis appeler le 15"
              />
              <button type="button" className="btn-secondary self-start" onClick={() => allergies.remove(index)}>
                Retirer l&apos;allergie {index + 1}
              </button>
            </li>
          ))}
        </ul>
        {allergies.fields.length < MAX_ALLERGIES ? (
          <button
            type="button"
            className="btn-secondary self-start"
            onClick={() => allergies.append({ name: "", reaction: "", action: "" })}
          >
            Ajouter une allergie
          </button>
        ) : null}

        <YesNo
          id="pai"
          legend="Votre enfant a-t-il un PAI (projet d'accueil individualisé) ?"
          registration={reg("pai")}
          error={err("pai")}
        />
        {pai === "oui" ? (
          <div className="flex flex-col gap-3 border-l-4 border-town pl-3">
            <TextField
              label="Date de fin du PAI"
              required
              inputMode="numeric"
              placeholder="jj/mm/aaaa"
              help="Format : jj/mm/aaaa"
              {...reg("paiEndDate")}
              error={err("paiEndDate")}
            />
            <SelectField
              label="Document du PAI"
              options={documents.pai}
              placeholder="Choisir dans mon espace de stockage…"
              {...reg("paiDocumentId")}
              error={err("paiDocumentId")}
              help={
                <>
                  Ajoutez-le d&apos;abord dans{" "}
                  <Link className="link" href="/espace/documents">
                    votre espace de stockage
                  </Link>{" "}
                  (type « PAI »).
                </>
              }
            />
          </div>
        ) : null}

        <TextField
          label="Traitement régulier"
          {...reg("treatment")}
          error={err("treatment")}
          help="Médicament, dose et horaires, s'il y en a un"
        />
        <SelectField label="Régime alimentaire" options={options.dietOptions} {...reg("diet")} error={err("diet")} />

        <h3 className="font-bold">Vaccinations (DTP)</h3>
        <ul className="flex flex-col gap-3">
          {dtp.fields.map((row, index) => (
            <li key={row.id} className="flex flex-wrap items-end gap-3">
              <TextField
                label={`Date de l'injection ${index + 1}`}
                required
                inputMode="numeric"
                placeholder="jj/mm/aaaa"
                {...reg(`dtpDates.${index}.date`)}
                error={err(`dtpDates.${index}.date`)}
              />
              <button type="button" className="btn-secondary" onClick={() => dtp.remove(index)}>
                Retirer la date {index + 1}
              </button>
            </li>
          ))}
        </ul>
        {dtp.fields.length < MAX_DTP_DATES ? (
          <button type="button" className="btn-secondary self-start" onClick={() => dtp.append({ date: "" })}>
            Ajouter une date de vaccination
          </button>
        ) : null}
        <SelectField
          label="Ou la page des vaccinations du carnet de santé"
          options={documents.vaccinations}
          placeholder="Choisir dans mon espace de stockage…"
          {...reg("vaccinationDocumentId")}
          error={err("vaccinationDocumentId")}
        />

        <h3 className="font-bold">Médecin traitant</h3>
        <TextField label="Nom du médecin" autoComplete="off" {...reg("doctorName")} error={err("doctorName")} />
        <TextField
          label="Téléphone du médecin"
          type="tel"
          help="Exemple : 05 56 12 34 56"
          {...reg("doctorPhone")}
          error={err("doctorPhone")}
        />
      </fieldset>

      <fieldset className="card flex flex-col gap-5">
        <legend className="section-title px-1">Autorisations</legend>
        {options.authorisations.map((item) => (
          <div key={item.code} className="flex flex-col gap-3">
            <YesNo
              id={`autorisation-${item.code}`}
              legend={options.authorisationLabels[item.code] ?? item.title}
              registration={reg(`authorisations.${item.code}.granted`)}
              error={err(`authorisations.${item.code}.granted`)}
            />
            {item.withAge ? (
              <TextField
                label="À partir de quel âge (ans)"
                inputMode="numeric"
                {...reg(`authorisations.${item.code}.fromAge`)}
                error={err(`authorisations.${item.code}.fromAge`)}
                help="Laissez vide pour tout âge"
              />
            ) : null}
            {item.withActivities ? (
              <TextField
                label="Pour quelles activités"
                {...reg(`authorisations.${item.code}.activities`)}
                error={err(`authorisations.${item.code}.activities`)}
                help="Exemple : accueil du soir, action jeunes"
              />
            ) : null}
          </div>
        ))}
      </fieldset>

      <fieldset className="card flex flex-col gap-4">
        <legend className="section-title px-1">Personnes autorisées à venir chercher l&apos;enfant</legend>
        <p className="text-sm text-slate-700">Une pièce d&apos;identité leur sera demandée par nos agents.</p>
        <ul className="flex flex-col gap-4">
          {pickup.fields.map((row, index) => (
            <li key={row.id} className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
              <input type="hidden" {...reg(`pickup.${index}.memberId`)} />
              <TextField
                label={`Nom et prénom (personne ${index + 1})`}
                required
                autoComplete="off"
                {...reg(`pickup.${index}.name`)}
                error={err(`pickup.${index}.name`)}
              />
              <TextField label="Téléphone" required type="tel" {...reg(`pickup.${index}.phone`)} error={err(`pickup.${index}.phone`)} />
              <TextField
                label="Lien avec l'enfant"
                required
                help="Exemple : grand-mère, voisin"
                {...reg(`pickup.${index}.relationship`)}
                error={err(`pickup.${index}.relationship`)}
              />
              <button type="button" className="btn-secondary self-start" onClick={() => pickup.remove(index)}>
                Retirer la personne {index + 1}
              </button>
            </li>
          ))}
        </ul>
        {pickup.fields.length < MAX_PICKUP ? (
          <div className="flex flex-wrap gap-3">
            {contacts.map((contact) => (
              <button key={contact.memberId} type="button" className="btn-secondary" onClick={() => pickup.append({ ...contact })}>
                Ajouter {contact.name} (mes contacts)
              </button>
            ))}
            <button
              type="button"
              className="btn-secondary"
              onClick={() => pickup.append({ name: "", phone: "", relationship: "", memberId: "" })}
            >
              Ajouter une autre personne
            </button>
          </div>
        ) : null}
      </fieldset>

      <button type="submit" className="btn-primary self-start" disabled={wizard.pending}>
        Enregistrer la fiche
      </button>
    </form>
  );
}
