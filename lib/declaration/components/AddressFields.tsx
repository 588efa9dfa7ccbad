import { TextField } from "@/components/forms/Field";
import { PERSON_FIELDS as F, type AddressFieldKey } from "../person-fields";

type FieldProps = (name: AddressFieldKey) => Record<string, unknown> & { error?: string };

/** ADRESSE, as the Carbon-Blanc guide lays it out: Numéro, Nom de la voie, Bâtiment, Appartement, Complément, Code postal, Ville, Pays. */
export function AddressFields({ field, required }: { field: FieldProps; required: boolean }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <TextField label={F.streetNumber.label} {...field("streetNumber")} name="streetNumber" />
        <TextField label={F.streetName.label} required={required} autoComplete="address-line1" {...field("streetName")} name="streetName" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={F.building.label} {...field("building")} name="building" />
        <TextField label={F.apartment.label} {...field("apartment")} name="apartment" />
      </div>
      <TextField label={F.addressComplement.label} autoComplete="address-line2" {...field("addressComplement")} name="addressComplement" />
      <div className="grid gap-4 sm:grid-cols-[9rem_1fr_1fr]">
        <TextField
          label={F.postalCode.label}
          required={required}
          inputMode="numeric"
          maxLength={5}
          autoComplete="postal-code"
          {...field("postalCode")}
          name="postalCode"
        />
        <TextField label={F.city.label} required={required} autoComplete="address-level2" {...field("city")} name="city" />
        <TextField label={F.country.label} required={required} autoComplete="country-name" {...field("country")} name="country" />
      </div>
    </>
  );
}
