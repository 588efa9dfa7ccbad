import { AddressCombobox } from "./AddressCombobox";

/** The public look-up form: a plain GET form (works without JavaScript), autocompleted when it runs. */
export function AddressSearch({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <form
      action="/carte-scolaire/resultat"
      method="get"
      role="search"
      aria-label="Rechercher les écoles d'une adresse"
      className="card flex flex-col gap-4"
    >
      <AddressCombobox
        name="adresse"
        label="Votre adresse dans la commune"
        defaultValue={defaultValue}
        help="Numéro et voie, par exemple : 12 rue Jean-Jaurès"
        error={error}
      />
      <button type="submit" className="btn-primary self-start">
        Voir mes écoles
      </button>
    </form>
  );
}
