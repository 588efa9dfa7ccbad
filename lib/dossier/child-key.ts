import { CROCKFORD_ALPHABET } from "@/lib/platform/format/crockford";

/**
 * The "Clé Enfance". The Carbon-Blanc guide warns parents not to confuse O and 0, I and l: the key's alphabet
 * (Crockford's base 32) has no I, L, O or U, and typed input is normalised before comparison
 * (O -> 0, I/L -> 1, lower case, spaces and dashes ignored). The last character is a check
 * character (Luhn mod 32), so most typing mistakes are caught before any lookup.
 * Format: XXXX-XXXX-XXXX-XXXX (15 random characters, 75 bits, + 1 check character).
 */
export const CHILD_KEY_ALPHABET = CROCKFORD_ALPHABET;
const RANDOM_LENGTH = 15;

function checkCharacter(body: string): string {
  // Luhn mod N over the alphabet.
  let factor = 2;
  let sum = 0;
  for (let index = body.length - 1; index >= 0; index -= 1) {
    const codePoint = CHILD_KEY_ALPHABET.indexOf(body[index]!);
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return CHILD_KEY_ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** Canonical form of what a parent typed, or null when it cannot be a key. */
export function normalizeChildKey(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (compact.length !== RANDOM_LENGTH + 1) return null;
  if (![...compact].every((character) => CHILD_KEY_ALPHABET.includes(character))) return null;
  if (checkCharacter(compact.slice(0, RANDOM_LENGTH)) !== compact.slice(RANDOM_LENGTH)) return null;
  return compact;
}

/** "ABCD-EFGH-JKMN-PQRS" */
export function formatChildKey(canonical: string): string {
  return canonical.match(/.{1,4}/g)!.join("-");
}

/** A new key from random bytes (the caller supplies them: node:crypto on the server). */
export function childKeyFromRandom(bytes: Uint8Array): string {
  if (bytes.length < RANDOM_LENGTH) throw new Error("Not enough random bytes");
  let body = "";
  for (let index = 0; index < RANDOM_LENGTH; index += 1) body += CHILD_KEY_ALPHABET[bytes[index]! % 32];
  return body + checkCharacter(body);
}
