// The portal's validation wording, without zod: the browser shows these (the form's error banner) without loading it.

/** The Carbon-Blanc guide's wording: "Le champ 'prénom' est obligatoire." */
export const requiredMessage = (label: string) => `Le champ '${label}' est obligatoire.`;
export const invalidMessage = (label: string) => `Le champ '${label}' est mal renseigné.`;
export const tooLongMessage = (label: string, max: number) => `Le champ '${label}' ne peut pas dépasser ${max} caractères.`;

/** The banner at the top of a form with errors. */
export const FORM_ERROR_BANNER = "Des champs sont non renseignés ou mal renseignés, merci de corriger votre saisie.";
