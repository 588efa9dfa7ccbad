/** Set after a closure, so the page the parent lands on (after FranceConnect's logout too) can say so. */
export const CLOSED_NOTICE_COOKIE = "ef_compte_ferme";
