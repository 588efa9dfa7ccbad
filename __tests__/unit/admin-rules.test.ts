import { randomBytes } from "node:crypto";
import { slugify } from "@/lib/content/schemas";
import { formatDossierNumber, parseKnownFamily } from "@/lib/dossier/schemas";
import { seal, unseal } from "@/lib/platform/security/sealed";
import { roleAllows } from "@/lib/platform/security/roles";
import { matchTotp, normalizeTotpCode, totpCode, totpStep } from "@/lib/auth/totp";
import { formatSections, parseSections } from "@/lib/platform/town/settings-schema";

describe("TOTP (RFC 6238)", () => {
  // RFC 6238 appendix B, SHA-1 seed "12345678901234567890" in base 32, truncated to 6 digits.
  const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  test.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("at %i s the code is %s", (seconds, code) => {
    expect(totpCode(rfcSecret, seconds * 1000)).toBe(code);
  });

  test("a code matches its own step and one step either side, never two", () => {
    const at = 1_800_000_000_000;
    const step = totpStep(at);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at), at)).toBe(step);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at - 30_000), at)).toBe(step - 1);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at + 30_000), at)).toBe(step + 1);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at - 60_000), at)).toBeNull();
  });

  test("spaces and dashes are ignored, anything but 6 digits is not a code", () => {
    expect(normalizeTotpCode(" 123 456 ")).toBe("123456");
    expect(normalizeTotpCode("123-456")).toBe("123456");
    expect(normalizeTotpCode("12345")).toBeNull();
    expect(normalizeTotpCode("12345a")).toBeNull();
  });
});

test("sealed secrets open with their key only", () => {
  const key = randomBytes(32);
  const sealed = seal(key, "secret");
  expect(unseal(key, sealed)).toBe("secret");
  expect(unseal(randomBytes(32), sealed)).toBeNull();
  expect(unseal(key, "v1.abc")).toBeNull();
});

test("an administrator can do what an agent can, not the reverse", () => {
  expect(roleAllows("ADMINISTRATOR", "AGENT")).toBe(true);
  expect(roleAllows("AGENT", "AGENT")).toBe(true);
  expect(roleAllows("AGENT", "ADMINISTRATOR")).toBe(false);
});

test("news slugs drop accents and punctuation", () => {
  expect(slugify("Inscriptions ALSH : vacances d'hiver !")).toBe("inscriptions-alsh-vacances-d-hiver");
  expect(slugify("Été")).toBe("ete");
  expect(slugify("!!!")).toBe("actualite");
});

test("legal texts: '## Titre' starts a section, a blank line separates paragraphs, round trip", () => {
  const text = "## Éditeur\n\nLa Ville de Carbon-Blanc.\nHôtel de Ville.\n\nDirecteur : le maire.\n\n## Hébergement\n\nEn France.";
  const sections = parseSections(text);
  expect(sections).toEqual([
    { title: "Éditeur", paragraphs: ["La Ville de Carbon-Blanc. Hôtel de Ville.", "Directeur : le maire."] },
    { title: "Hébergement", paragraphs: ["En France."] },
  ]);
  expect(parseSections(formatSections(sections))).toEqual(sections);
  expect(parseSections("<script>alert(1)</script>")).toEqual([{ title: "Informations", paragraphs: ["<script>alert(1)</script>"] }]);
});

describe("a known family's form", () => {
  test("the holder is required, empty optional slots are skipped", () => {
    const result = parseKnownFamily({
      rep1Civility: "MADAME",
      rep1UsageName: "TESTA",
      rep1FirstName: "Solange",
      child1UsageName: "TESTA",
      child1FirstName: "Nina",
      child1BirthDate: "12/03/2018",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        representatives: [{ civility: "MADAME", usageName: "TESTA", firstName: "Solange" }],
        children: [{ usageName: "TESTA", firstName: "Nina", birthDate: new Date("2018-03-12T00:00:00Z") }],
      },
    });
  });
  test("each error lands on its field, in the Carbon-Blanc guide's words", () => {
    const result = parseKnownFamily({ child2FirstName: "Ludwig", child2BirthDate: "31/02/2018" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        rep1Civility: "Le champ 'civilité' est obligatoire.",
        rep1UsageName: "Le champ 'nom d'usage' est obligatoire.",
        rep1FirstName: "Le champ 'prénom' est obligatoire.",
        child2UsageName: "Le champ 'nom d'usage' est obligatoire.",
        child2BirthDate: "Le champ 'date de naissance' est mal renseigné. Format attendu : jj/mm/aaaa.",
      },
    });
  });
  test("dossier numbers", () => {
    expect(formatDossierNumber(2026, 42)).toBe("F-2026-00042");
  });
});
