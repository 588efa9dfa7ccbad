/** Crockford's base 32: no I, L, O or U, so a code read on a phone or a letter has no look-alike characters. */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
