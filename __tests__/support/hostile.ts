import fc from "fast-check";

/**
 * Hostile values for property-based tests: what a script posts instead of a browser.
 * Every kind the brief of issue #7 names: wrong types, 1 MB strings, control characters (NUL first),
 * HTML/script and SQL fragments, emoji, right-to-left text, lone surrogates.
 */
export const MEGABYTE_STRING = "A".repeat(1024 * 1024);

export const hostileFragments = [
  "\u0000",
  "abc\u0000def",
  "\u0001\u0002\u0007\u001b[31m",
  "\r\n\t",
  "\u007f",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "'; DROP TABLE accounts; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(10)",
  "😀👨‍👩‍👧‍👦",
  "مرحبا بالعالم",
  "שלום",
  "\u202eevil\u202c",
  "\u2066isolate\u2069",
  "\u200b\u200c\ufeff",
  "\ud800",
  "\udfff",
  "a\ud83d",
  "../../etc/passwd",
  "C:\\x\\y.pdf",
  "%00",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "__proto__",
  " ",
  "",
];

/** A hostile string: a known fragment, arbitrary unicode (surrogates included), or both glued together. */
export const hostileString: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(...hostileFragments),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
    fc
      .tuple(fc.constantFrom(...hostileFragments), fc.string({ maxLength: 10 }), fc.constantFrom(...hostileFragments))
      .map((parts) => parts.join("")),
    fc.constant(MEGABYTE_STRING),
    fc.constantFrom(...hostileFragments).map((fragment) => `Jean${fragment}`),
  )
  // U+FFFD is legitimate text, but it is also the trace a mangled lone surrogate leaves in the database:
  // keep it out of the inputs so that finding it stored proves a bug.
  .filter((value) => !value.includes("\ufffd"));

/** Anything at all where a string is expected: wrong types included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
      fc.bigInt(),
    ),
  },
);

/** A record with the given field names, each hostile (some left out). */
export function hostileRecord(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(fields.map((field) => [field, hostileValue])), { requiredKeys: [] });
}

/** Same, but only strings (what a FormData can carry). */
export function hostileForm(fields: readonly string[]): fc.Arbitrary<Record<string, string | undefined>> {
  return fc.record(Object.fromEntries(fields.map((field) => [field, hostileString])), { requiredKeys: [] });
}

// Control characters, bidi overrides and lone surrogates: what must never be stored.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

/** True when a stored value (string, array, object, JSON) holds a character that must never reach the database. */
export function holdsForbidden(value: unknown): boolean {
  if (typeof value === "string") return FORBIDDEN.test(value);
  if (Array.isArray(value)) return value.some(holdsForbidden);
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.values(value).some(holdsForbidden);
  return false;
}

/**
 * A refusal a parent or an agent can read: a non-empty French sentence, not a stack trace or zod's
 * English ("Invalid input", "Expected string").
 */
export function expectFrenchMessage(message: unknown) {
  expect(typeof message).toBe("string");
  const text = String(message);
  expect(text.trim().length).toBeGreaterThan(5);
  expect(text).toMatch(/[a-zàâçéèêëîïôûùüÿœ' ]/i);
  expect(text).toMatch(
    /(^|[\s'’(])(le|la|les|de|du|des|un|une|ce|cette|votre|vous|est|doit|ne|pas|au|aux|en|à|l|d|champ|entrée|invalide|attendu|reçu|caractères)([\s'’,.:;)]|$)/i,
  );
  expect(text).not.toMatch(
    /\b(Invalid|Expected|Required|received|TypeError|Error:|Prisma|PostgreSQL|invalid byte sequence|violates|constraint)\b|\bat [\w.<>]+ \(/,
  );
}

/** Every message of a field-errors record is French. */
export function expectFrenchMessages(errors: Record<string, unknown>) {
  expect(Object.keys(errors).length).toBeGreaterThan(0);
  for (const message of Object.values(errors)) expectFrenchMessage(message);
}

/** Modest run counts: the whole hostile suite stays within seconds. */
export const RUNS = { schema: 100, service: 40, action: 30 } as const;

const PDF_HEADER = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n";

/** Files a script may upload: wrong bytes for their name, empty, oversized, active PDF, path or NUL in the name. */
export const hostileFile: fc.Arbitrary<File> = fc
  .tuple(
    fc.constantFrom(
      () => new Uint8Array(0),
      () => new TextEncoder().encode("just some text, not a PDF"),
      () => new TextEncoder().encode(`${PDF_HEADER}2 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF`),
      () => new TextEncoder().encode(`${PDF_HEADER}2 0 obj << /S /J#61vaScript >> endobj\n%%EOF`),
      () => new TextEncoder().encode(`${PDF_HEADER}2 0 obj << /S /Launch /F (calc.exe) >> endobj\n%%EOF`),
      () => new TextEncoder().encode(`${PDF_HEADER}trailer << >>\n%%EOF\n`),
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      () => new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]),
      () => {
        const big = new Uint8Array(10 * 1024 * 1024 + 1);
        big.set(new TextEncoder().encode(PDF_HEADER));
        return big;
      },
    ),
    fc.oneof(
      fc.constantFrom(
        "livret.pdf",
        "../../etc/passwd.pdf",
        "C:\\x\\y.pdf",
        "a\u0000b.pdf",
        "\u202efdp.exe",
        "x\ud800.pdf",
        "",
        "<script>.pdf",
      ),
      hostileString.map((name) => name.slice(0, 300)),
    ),
  )
  .map(([bytes, name]) => new File([bytes()], name, { type: "application/pdf" }));
