// Public entry of the family dossier (written on validation, read by staff and parents, keyed by the Clé Enfance).
export * from "./child-keys";
export * from "./write";
