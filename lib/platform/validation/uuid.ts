/**
 * The one test of an identifier from outside (address, form, JSON): a canonical UUID, any version. Checked before a
 * query so that a malformed id answers "not found" instead of a database error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
