"use client";

import type { RawPerson } from "@/lib/declaration/schemas";
import { ADDRESS_FIELDS, type AddressFieldKey } from "../person-fields";

/** « Recopier les informations du titulaire »: fills the ADRESSE block with the holder's, for a child or the co-representative. */
export function CopyHolderAddress({
  holderAddress,
  setValue,
}: {
  holderAddress: RawPerson;
  setValue: (name: AddressFieldKey, value: string) => void;
}) {
  const copy = () => {
    for (const name of ADDRESS_FIELDS) setValue(name, String(holderAddress[name] ?? ""));
  };
  return (
    <p>
      <button type="button" className="btn-secondary" onClick={copy}>
        Recopier les informations du titulaire
      </button>
    </p>
  );
}
