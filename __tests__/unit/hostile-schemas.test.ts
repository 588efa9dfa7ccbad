import fc from "fast-check";
import {
  addressSchema,
  authenticationSchema,
  contactSchema as signupContactSchema,
  identitySchema,
  welcomeSchema,
} from "@/lib/account/schemas";
import { newsSchema, publicDocumentSchema } from "@/lib/content/schemas";
import { childSchema, contactSchema, representativeSchema } from "@/lib/declaration/schemas";
import { cleanFileName } from "@/lib/documents/schemas";
import { parseKnownFamily } from "@/lib/dossier/schemas";
import { newStaffSchema } from "@/lib/staff/schemas";
import { town } from "@/lib/platform/town";
import { legalTextsSchema, townContactSchema } from "@/lib/platform/town/settings-schema";
import { hasForbiddenCharacters, stripForbiddenCharacters } from "@/lib/platform/validation/text";
import { expectFrenchMessage, holdsForbidden, hostileRecord, hostileString, RUNS } from "../support/hostile";

/**
 * Every form schema (the same ones the browser and the server actions use) fed hostile values: it never
 * throws, what it accepts holds no control character, bidi override or half emoji, and what it refuses
 * comes with French messages.
 */
type Schema = { safeParse(input: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } };

const schemas: [string, Schema, string[]][] = [
  ["bienvenue", welcomeSchema, ["cgu"]],
  [
    "identité",
    identitySchema,
    ["civility", "usageName", "birthName", "firstNames", "birthDate", "birthCountryCode", "birthDepartmentCode", "birthCommuneCode"],
  ],
  ["adresse", addressSchema, ["addressLine", "streetNumber", "building", "apartment", "addressComplement", "postalCode", "city"]],
  ["moyens de contact", signupContactSchema, ["phone", "mobile", "email", "preferredContact"]],
  ["authentification", authenticationSchema(town().passwordRule), ["login", "password", "passwordConfirmation", "childKey"]],
  ["représentant", representativeSchema, Object.keys(representativeSchema.shape)],
  ["enfant", childSchema(["holder", "co"]), Object.keys(childSchema(["holder", "co"]).shape)],
  ["contact", contactSchema, Object.keys(contactSchema.shape)],
  ["actualité", newsSchema, ["title", "summary", "body", "publish"]],
  ["document à télécharger", publicDocumentSchema, ["title", "description", "position", "publish"]],
  ["compte agent", newStaffSchema, ["login", "displayName", "email", "role"]],
  ["coordonnées", townContactSchema, ["service", "address", "phone", "email", "hours"]],
  ["textes légaux", legalTextsSchema, ["mentionsLegales", "cgu", "cguVersion"]],
];

describe.each(schemas)("the %s form", (_name, schema, fields) => {
  test("never throws; accepts nothing unsafe; refuses in French", () => {
    fc.assert(
      fc.property(hostileRecord(fields), (input) => {
        const result = schema.safeParse(input);
        if (result.success) expect(holdsForbidden(result.data)).toBe(false);
        else for (const issue of result.error!.issues) expectFrenchMessage(issue.message);
      }),
      { numRuns: RUNS.schema },
    );
  });

  test("a NUL byte in any text field is refused", () => {
    for (const field of fields) {
      const result = schema.safeParse({ [field]: "Jean\u0000Pierre" });
      expect(result.success).toBe(false);
    }
  });

  test("a value that is not an object at all is refused in French", () => {
    for (const input of [null, 42, "texte", [], true]) {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      for (const issue of result.error!.issues) expectFrenchMessage(issue.message);
    }
  });
});

describe("what people may still type", () => {
  test("accents, emoji, right-to-left scripts and line breaks in multi-line texts are accepted", () => {
    expect(
      newsSchema.safeParse({ title: "Fête 🎉 de l'école – مرحبا", summary: "Résumé שלום", body: "Ligne 1\r\nLigne 2\tfin" }).success,
    ).toBe(true);
    expect(
      identitySchema.safeParse({ civility: "MADAME", usageName: "Ñúñez-O'Brien", firstNames: "Zoë Łucja", birthDate: "" }).success,
    ).toBe(true);
  });

  test("a text made only of invisible characters is refused where a text is required", () => {
    expect(newsSchema.safeParse({ title: "\u200b\u200c", summary: "Résumé", body: "Texte" }).error?.issues[0]?.message).toBe(
      "Le champ 'titre' doit contenir au moins une lettre ou un chiffre.",
    );
    expect(
      newStaffSchema.safeParse({ login: "agent.x", displayName: "\u200b", email: "a@b.fr", role: "AGENT" }).error?.issues[0]?.message,
    ).toBe("Le champ 'nom affiché' doit contenir au moins une lettre ou un chiffre.");
  });

  test("only a lone half of an emoji is refused, not the emoji", () => {
    expect(hasForbiddenCharacters("😀")).toBe(false);
    expect(hasForbiddenCharacters("\ud83d")).toBe(true);
    expect(hasForbiddenCharacters("x\ude00")).toBe(true);
    expect(stripForbiddenCharacters("a\u0000b\ud83dc😀\u202e")).toBe("abc😀");
  });
});

describe("a known family typed by staff", () => {
  test("never throws, stores nothing unsafe, refuses in French", () => {
    const fields = [
      "rep1Civility",
      "rep1UsageName",
      "rep1FirstName",
      "rep2Civility",
      "rep2UsageName",
      "rep2FirstName",
      "child1UsageName",
      "child1FirstName",
      "child1BirthDate",
    ];
    fc.assert(
      fc.property(hostileRecord(fields), (form) => {
        const result = parseKnownFamily(form);
        if (result.ok) expect(holdsForbidden(result.data)).toBe(false);
        else for (const message of Object.values(result.fieldErrors)) expectFrenchMessage(message);
      }),
      { numRuns: RUNS.schema },
    );
  });
});

describe("file names", () => {
  test("keep no path, no control character, no half emoji, and stay short", () => {
    fc.assert(
      fc.property(hostileString, (name) => {
        const cleaned = cleanFileName(name);
        expect(cleaned.length).toBeGreaterThan(0);
        expect([...cleaned].length).toBeLessThanOrEqual(120);
        expect(cleaned).not.toMatch(/[\\/]/);
        expect(cleaned.startsWith(".")).toBe(false);
        expect(holdsForbidden(cleaned)).toBe(false);
      }),
      { numRuns: RUNS.schema },
    );
    expect(cleanFileName("../../etc/passwd.pdf")).toBe("passwd.pdf");
    expect(cleanFileName("C:\\x\\y.pdf")).toBe("y.pdf");
    expect(cleanFileName("..")).toBe("document");
    expect(cleanFileName("facture\u0000\u202e.pdf")).toBe("facture.pdf");
  });
});
