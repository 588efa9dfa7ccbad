/** What the last FranceConnect retrieval gave, for the page ("retrieved", "introuvable", "indisponible"). */
export const QUOTIENT_RESULT_COOKIE = "ef_qf_resultat";
