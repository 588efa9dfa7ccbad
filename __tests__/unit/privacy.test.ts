import { accountClosedMail } from "@/lib/platform/mail/templates";
import { exportReadme } from "@/lib/privacy/export-readme";
import { closureSchema, CLOSURE_MESSAGES } from "@/lib/privacy/schemas";
import { humanDuration, treatments } from "@/lib/privacy/treatments";
import { carbonBlanc } from "@/lib/platform/town/towns/carbon-blanc";

describe("retention periods as the privacy page says them", () => {
  test.each([
    [183, "6 mois"],
    [90, "3 mois"],
    [365, "1 an"],
    [1825, "5 ans"],
    [7, "1 semaine"],
    [14, "2 semaines"],
    [1, "1 jour"],
    [45, "45 jours"],
  ])("%i days: %s", (days, text) => {
    expect(humanDuration(days)).toBe(text);
  });

  test("the page's table follows the town's retention policy, the one the purge applies", () => {
    const changed = { ...carbonBlanc.retention, abandonedDraftDays: 45, loginAttemptDays: 14, refusedDeclarationDays: 730 };
    const text = treatments(changed)
      .map((row) => row.howLong)
      .join("\n");
    expect(text).toContain("45 jours sans modification");
    expect(text).toContain("2 semaines");
    expect(text).toContain("2 ans après la décision");
    expect(
      treatments(carbonBlanc.retention)
        .map((row) => row.howLong)
        .join("\n"),
    ).toContain("6 mois sans modification");
  });
});

describe("confirming the closure", () => {
  test("a password account must type something; the word form accepts FERMER whatever the case and spaces", () => {
    expect(closureSchema("password").safeParse({ confirmation: "" }).error?.issues[0]?.message).toBe(CLOSURE_MESSAGES.passwordMissing);
    expect(closureSchema("password").safeParse({ confirmation: "x" }).success).toBe(true);
    expect(closureSchema("word").safeParse({ confirmation: "" }).error?.issues[0]?.message).toBe(CLOSURE_MESSAGES.wordMissing);
    expect(closureSchema("word").safeParse({ confirmation: "FERMÉ" }).error?.issues[0]?.message).toBe(CLOSURE_MESSAGES.wordWrong);
    expect(closureSchema("word").safeParse({ confirmation: "  Fermer " }).success).toBe(true);
  });
});

describe("the closure mail", () => {
  const recipient = { civility: "MADAME", usageName: "Testo", firstNames: "Lucie" } as const;

  test("says what the town keeps when it keeps something", () => {
    const mail = accountClosedMail({ ...recipient, keptFamily: true, keptDemarches: 1, keptDocuments: 2 }, carbonBlanc);
    expect(mail.subject).toBe("Votre compte a été fermé – Espace Famille");
    expect(mail.text).toContain("Bonjour Mme Lucie TESTO,");
    expect(mail.text).toContain(
      "le dossier de votre famille (et ses factures) ; la démarche déjà décidée et son historique ; les 2 documents conservés avec eux.",
    );
  });

  test("says nothing is kept when nothing is", () => {
    const mail = accountClosedMail({ ...recipient, keptFamily: false, keptDemarches: 0, keptDocuments: 0 }, carbonBlanc);
    expect(mail.text).not.toContain("La Ville conserve");
    expect(mail.text).toContain("y compris avec le même identifiant");
  });
});

test("README.txt of the export is in French and names the DPO", () => {
  const readme = exportReadme(carbonBlanc);
  expect(readme).toContain("MES DONNÉES PERSONNELLES – Espace Famille (Ville de Carbon-Blanc)");
  expect(readme).toContain(carbonBlanc.legal.dpoContact);
});
