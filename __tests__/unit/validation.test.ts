import { authenticationSchema, contactSchema, identitySchema } from "@/lib/account/schemas";
import { estimateStrength, followsPasswordRule, passwordRuleText } from "@/lib/account/password-rule";
import { childKeyFromRandom, formatChildKey, normalizeChildKey } from "@/lib/dossier/child-key";
import { ageOn, parseFrenchDate } from "@/lib/platform/validation/date";
import { formatPhone, normalizePhone } from "@/lib/platform/validation/phone";
import { carbonBlanc } from "@/lib/platform/town/towns/carbon-blanc";

const rule = carbonBlanc.passwordRule;
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("dates typed jj/mm/aaaa", () => {
  test("real dates only", () => {
    expect(parseFrenchDate("29/04/1979")).toBe("1979-04-29");
    expect(parseFrenchDate("1/2/2020")).toBe("2020-02-01");
    expect(parseFrenchDate("31/02/2020")).toBeNull();
    expect(parseFrenchDate("2020-02-01")).toBeNull();
    expect(parseFrenchDate("")).toBeNull();
  });
  test("ages count whole years", () => {
    expect(ageOn("2010-06-15", "2026-06-14")).toBe(15);
    expect(ageOn("2010-06-15", "2026-06-15")).toBe(16);
  });
});

describe("French phone numbers, stored in one format", () => {
  test.each([
    ["06 12 34 56 78", "+33612345678"],
    ["06.12.34.56.78", "+33612345678"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["0033612345678", "+33612345678"],
    ["0590 12 34 56", "+33590123456"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("%s -> %s", (input, expected) => expect(normalizePhone(input)).toBe(expected));
  test("too short or letters are refused", () => {
    expect(normalizePhone("06 12 34")).toBeNull();
    expect(normalizePhone("zero six")).toBeNull();
  });
  test("shown back the French way", () => expect(formatPhone("+33612345678")).toBe("06 12 34 56 78"));
});

describe("the Clé Enfance cannot be mistyped the way the Carbon-Blanc guide warns about (O and 0, I and l)", () => {
  const key = childKeyFromRandom(new Uint8Array(Array.from({ length: 16 }, (_, index) => index * 7)));
  test("O and 0, I/L and 1, case, spaces and dashes do not matter", () => {
    const confusing = formatChildKey(key).toLowerCase().replace(/0/g, "o").replace(/1/g, "l");
    expect(normalizeChildKey(confusing)).toBe(key);
    expect(normalizeChildKey(` ${formatChildKey(key)} `)).toBe(key);
  });
  test("a wrong character is caught by the check character", () => {
    const wrong = (key[0] === "A" ? "B" : "A") + key.slice(1);
    expect(normalizeChildKey(wrong)).toBeNull();
    expect(normalizeChildKey("ABCD")).toBeNull();
  });
  test("the alphabet has no look-alike letters", () => {
    for (let index = 0; index < 50; index += 1) {
      const random = childKeyFromRandom(new Uint8Array(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256))));
      expect(random).not.toMatch(/[ILOU]/);
      expect(normalizeChildKey(random)).toBe(random);
    }
  });
});

describe("password rule of the town", () => {
  test("the Carbon-Blanc guide's sentence", () => {
    expect(passwordRuleText(rule)).toBe(
      "Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins : 1 minuscule(s), 1 chiffre(s)",
    );
  });
  test("length, a lower-case letter and a digit", () => {
    expect(followsPasswordRule("abcdefg1", rule)).toBe(true);
    expect(followsPasswordRule("abcdefgh", rule)).toBe(false);
    expect(followsPasswordRule("ABCDEFG1", rule)).toBe(false);
    expect(followsPasswordRule("abc1", rule)).toBe(false);
  });
  test("the meter grows with length and variety", () => {
    expect(estimateStrength("")).toBe(0);
    expect(estimateStrength("abc")).toBe(1);
    expect(estimateStrength("Jardin-des-Testo-1")).toBe(4);
  });
});

describe("account wizard schemas", () => {
  test("identity: the Carbon-Blanc guide's messages", () => {
    expect(messages(identitySchema.safeParse({}))).toMatchObject({
      civility: "Le champ 'civilité' est obligatoire.",
      usageName: "Le champ 'nom usuel' est obligatoire.",
      firstNames: "Le champ 'prénom(s)' est obligatoire.",
    });
    expect(
      messages(identitySchema.safeParse({ civility: "MADAME", usageName: "<script>", firstNames: "Anne", birthDate: "" })),
    ).toMatchObject({
      usageName: "Le champ 'nom usuel' ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.",
    });
  });
  test("contact: a mobile is needed to be contacted by SMS, reported with the other errors", () => {
    expect(messages(contactSchema.safeParse({ phone: "", mobile: "", email: "x", preferredContact: "SMS" }))).toMatchObject({
      email: "Le champ 'courriel' doit être une adresse électronique valide (exemple : nom@domaine.fr).",
      mobile: "Renseignez votre mobile pour être contacté par mobile ou SMS.",
    });
  });
  test("authentication: identifier format, rule, confirmation; a kept password may stay empty", () => {
    const schema = authenticationSchema(rule);
    expect(messages(schema.safeParse({ login: "a b", password: "short", passwordConfirmation: "other", childKey: "" }))).toMatchObject({
      login: expect.stringContaining("de 3 à 50 caractères"),
      password: `${passwordRuleText(rule)}.`,
      passwordConfirmation: "La confirmation ne correspond pas au mot de passe.",
    });
    expect(
      authenticationSchema(rule, { passwordKept: true }).safeParse({
        login: "maurice",
        password: "",
        passwordConfirmation: "",
        childKey: "",
      }).success,
    ).toBe(true);
    expect(schema.safeParse({ login: "Maurice.Testo", password: "", passwordConfirmation: "", childKey: "" }).success).toBe(false);
  });
});
