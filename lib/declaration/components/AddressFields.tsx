import { TextField } from "@/components/forms/Field";

type FieldProps = (name: string) => Record<string, unknown> & { error?: string };

/** ADRESSE, as in the seed: Numéro, Nom de la voie, Bâtiment, Appartement, Complément, Code postal, Ville, Pays. */
export function AddressFields({ field, required }: { field: FieldProps; required: boolean }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <TextField label="Numéro" {...field("streetNumber")} name="streetNumber" />
        <TextField label="Nom de la voie" required={required} autoComplete="address-line1" {...field("streetName")} name="streetName" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Bâtiment" {...field("building")} name="building" />
        <TextField label="Appartement" {...field("apartment")} name="apartment" />
      </div>
      <TextField label="Complément" autoComplete="address-line2" {...field("addressComplement")} name="addressComplement" />
      <div className="grid gap-4 sm:grid-cols-[9rem_1fr_1fr]">
        <TextField label="Code postal" required={required} inputMode="numeric" maxLength={5} autoComplete="postal-code" {...field("postalCode")} name="postalCode" />
        <TextField label="Ville" required={required} autoComplete="address-level2" {...field("city")} name="city" />
        <TextField label="Pays" required={required} autoComplete="country-name" {...field("country")} name="country" />
      </div>
    </>
  );
}
