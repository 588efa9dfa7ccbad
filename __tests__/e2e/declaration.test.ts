import type { BrowserContext, Page } from "playwright-core";
import { addDaysIso, formatIsoAsFrench, todayIso } from "@/lib/platform/validation/date";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { createParent, type TestParent } from "../fixtures/parents";
import { expectNoHorizontalScroll, launchBrowser, newContext, viewports, type BrowserSession } from "./support/browser";
import { axe, linkFromOutbox, signIn } from "./support/journeys";

let session: BrowserSession;
beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
  await closeTestPrisma();
});

const BANNER = "Des champs sont non renseignés ou mal renseignés, merci de corriger votre saisie.";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
// A whole 1 × 1 PNG: images are decoded before they are kept, a bare PNG header is refused.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000970485973000003e8000003e801b57b526b0000000d49444154789c63f8ffffff7f0009fb03fd2a86e38a0000000049454e44ae426082",
  "hex",
);

/** Which fields the page marks as wrong, and its messages: what a failing wait should report. */
async function describeErrors(page: Page): Promise<string> {
  const refused = await page
    .locator('[aria-invalid="true"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute("name")));
  const messages = await page.locator(".field-error, [role=alert]").allInnerTexts();
  return `refused fields: ${refused.join(", ")}; messages: ${messages.join(" | ")}; url: ${page.url()}`;
}

async function expectFieldError(page: Page, label: string | RegExp, message: string) {
  const field = page.getByLabel(label, { exact: typeof label === "string" });
  try {
    await field.and(page.locator('[aria-invalid="true"]')).waitFor({ timeout: 15_000 });
  } catch {
    throw new Error(`${String(label)} is not marked wrong; ${await describeErrors(page)}`);
  }
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`#${id}`).innerText()));
  expect(texts).toContain(message);
}

async function savePerson(page: Page) {
  await page.getByRole("button", { name: "Ajouter à mon entourage" }).click();
  try {
    await page.getByText("a bien été ajoutée à votre entourage").waitFor();
  } catch {
    // Say which field was refused: a bare timeout tells nothing.
    throw new Error(`Not saved; ${await describeErrors(page)}`);
  }
}

/** On a phone, the form and the panel are two screens: go back to the list when needed. */
async function openPanelItem(page: Page, name: string | RegExp, title: RegExp) {
  const back = page.getByRole("link", { name: /Retour à la liste des personnes/ });
  if (await back.isVisible()) await back.click();
  await page.getByRole("navigation", { name: "Membres de la famille" }).getByRole("link", { name }).click();
  // Links navigate without a page load: wait for the selected person's form to be the one shown.
  await page.locator("#personne-titre", { hasText: title }).waitFor();
}

describe.each([["phone", viewports.phone] as const, ["desktop", viewports.desktop] as const])(
  "declaring the family (%s)",
  (name, viewport) => {
    let context: BrowserContext;
    let page: Page;
    let parent: TestParent;

    beforeAll(async () => {
      parent = await createParent();
      context = await newContext(session.browser, viewport);
      page = await context.newPage();
      await signIn(page, parent.login, parent.password);
      await page.waitForURL("**/espace");
    });
    afterAll(async () => {
      await context.close();
    });

    test("the holder is prefilled from the account and must be completed", async () => {
      await page.getByRole("link", { name: "Déclarer ma famille" }).click();
      await page.waitForURL("**/espace/declarer-ma-famille");
      const text = await page.locator("main").innerText();
      expect(text).toContain("Durée approximative de cette démarche : 5 mn");
      await axe(page);
      await expect(page.getByLabel(/Nom d'usage/).inputValue()).resolves.toBe("TESTO");
      await expect(page.getByLabel(/^\*?\s*Prénom/).inputValue()).resolves.toBe("Maurice");
      await expect(page.getByLabel(/Date de naissance/).inputValue()).resolves.toBe("29/04/1979");
      // Going to step 2 before completing the holder marks them in the panel.
      await page.getByRole("button", { name: /Aller à l'étape 2/ }).click();
      await page.waitForURL("**verifier=1");
      await page.getByRole("alert").filter({ hasText: BANNER }).waitFor();
      await page.getByRole("button", { name: "Ajouter à mon entourage" }).click();
      await expectFieldError(page, /Profession/, "Le champ 'profession' est obligatoire.");
      await expectFieldError(page, /Employeur/, "Le champ 'employeur' est obligatoire.");
      await axe(page);
      await page.getByLabel(/Profession/).fill("Comptable");
      await page.getByLabel(/Employeur/).fill("Mairie de Bordeaux");
      await savePerson(page);
    });

    test("a co-representant, then a child with every error on its field", async () => {
      await openPanelItem(page, "Ajouter un co-représentant", /co-représentant/);
      await page.getByLabel(/Civilité/).selectOption("MADAME");
      await page.getByLabel(/Nom d'usage/).fill("TESTA");
      await page.getByLabel(/^\*?\s*Prénom/).fill("Solange");
      await page.getByLabel(/Date de naissance/).fill("12/08/1981");
      await page.getByLabel(/Nom de la voie/).fill("Avenue André Vignau Anglade");
      await page.getByLabel(/Code postal/).fill("33560");
      await page.getByLabel(/^\*?\s*Ville/).fill("Carbon-Blanc");
      await page.getByLabel(/Téléphone portable/).fill("07 12 34 56 78");
      await page.getByLabel(/^\*?\s*Courriel/).fill("solange.testa@example.org");
      await page.getByLabel(/Profession/).fill("Infirmière");
      await page.getByLabel(/Employeur/).fill("CHU de Bordeaux");
      await savePerson(page);

      await openPanelItem(page, "Ajouter un enfant", /nouvel enfant/);
      await page.getByLabel(/Nom d'usage/).fill("");
      await page.getByRole("button", { name: "Ajouter à mon entourage" }).click();
      await page.getByRole("alert").filter({ hasText: BANNER }).waitFor();
      await expectFieldError(page, /Nom d'usage/, "Le champ 'nom d'usage' est obligatoire.");
      await expectFieldError(page, /^\*?\s*Prénom/, "Le champ 'prénom' est obligatoire.");
      await expectFieldError(page, /Sexe/, "Le champ 'sexe' est obligatoire.");
      await expectFieldError(page, /Date de naissance/, "Le champ 'date de naissance' est obligatoire.");
      await expectFieldError(page, /Qualité de Maurice TESTO/, "Le champ 'qualité du titulaire du compte' est obligatoire.");
      await expectFieldError(
        page,
        /Autorité parentale de Maurice TESTO/,
        "Le champ 'autorité parentale du titulaire du compte' est obligatoire.",
      );
      await expectFieldError(page, /Qualité de Solange TESTA/, "Le champ 'qualité du co-représentant' est obligatoire.");
      await axe(page);
      await page.getByLabel(/Nom d'usage/).fill("TESTO");
      await page.getByLabel(/^\*?\s*Prénom/).fill("Nina");
      await page.getByLabel(/Sexe/).selectOption("FEMININ");
      await page.getByLabel(/Date de naissance/).fill(formatIsoAsFrench(addDaysIso(todayIso(), 3)));
      await page.getByRole("button", { name: "Recopier les informations du titulaire" }).click();
      await expect(page.getByLabel(/Code postal/).inputValue()).resolves.toBe("33560");
      await page.getByLabel(/Qualité de Maurice TESTO/).selectOption("PERE");
      await page.getByLabel(/Autorité parentale de Maurice TESTO/).selectOption("OUI");
      await page.getByLabel(/Qualité de Solange TESTA/).selectOption("MERE");
      await page.getByLabel(/Autorité parentale de Solange TESTA/).selectOption("OUI");
      await page.getByRole("button", { name: "Ajouter à mon entourage" }).click();
      await expectFieldError(
        page,
        /Date de naissance/,
        "La date de naissance ne peut pas être dans le futur : pour un enfant à naître, cochez « Naissance prévue ».",
      );
      await page.getByLabel(/Date de naissance/).fill("12/03/2018");
      await savePerson(page);
    });

    test("an expected child and a grandmother to call in an emergency", async () => {
      await openPanelItem(page, "Ajouter un enfant", /nouvel enfant/);
      await page.getByLabel(/^\*?\s*Prénom/).fill("Ludwig");
      await page.getByLabel(/Sexe/).selectOption("MASCULIN");
      await page.getByLabel("Naissance prévue").check();
      await page.getByLabel(/Date de naissance prévue/).fill(formatIsoAsFrench(addDaysIso(todayIso(), 60)));
      await page.getByLabel(/Qualité de Maurice TESTO/).selectOption("PERE");
      await page.getByLabel(/Autorité parentale de Maurice TESTO/).selectOption("OUI");
      await page.getByLabel(/Qualité de Solange TESTA/).selectOption("MERE");
      await page.getByLabel(/Autorité parentale de Solange TESTA/).selectOption("OUI");
      await savePerson(page);

      await openPanelItem(page, "Ajouter un contact", /nouveau contact/);
      await page.getByLabel(/Civilité/).selectOption("MADAME");
      await page.getByLabel(/Nom d'usage/).fill("TESTA");
      await page.getByLabel(/^\*?\s*Prénom/).fill("Augusta");
      await page.getByLabel(/^\*?\s*Téléphone/).fill("05 56 00 00 00");
      await expect(page.getByLabel("A prévenir en cas d'urgence").isChecked()).resolves.toBe(true);
      await page.getByLabel(/Lien avec la famille/).selectOption("GRAND_MERE");
      await savePerson(page);
      await openPanelItem(page, "Augusta TESTA", /Augusta TESTA/);
      await expect(page.getByLabel(/Lien avec la famille/).inputValue()).resolves.toBe("GRAND_MERE");
    });

    test("documents: a forged file is refused, real ones are attached", async () => {
      const livret = page.locator("li").filter({ hasText: "1. Livret de famille complet" });
      await livret
        .locator('input[type="file"]')
        .setInputFiles({ name: "livret.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is not a pdf at all") });
      await livret.getByRole("button", { name: "Ajouter", exact: true }).click();
      await expect(
        livret.getByText("Ce fichier n'est pas un PDF, une image JPEG ou PNG : seuls ces formats sont acceptés.").waitFor(),
      ).resolves.toBeUndefined();
      await livret.locator('input[type="file"]').setInputFiles({ name: "livret.pdf", mimeType: "application/pdf", buffer: PDF });
      await livret.getByRole("button", { name: "Ajouter", exact: true }).click();
      await page.getByRole("link", { name: "livret.pdf" }).waitFor();
      const domicile = page.locator("li").filter({ hasText: "2. Justificatif de domicile" });
      await domicile.locator('input[type="file"]').setInputFiles({ name: "facture-edf.png", mimeType: "image/png", buffer: PNG });
      await domicile.getByRole("button", { name: "Ajouter", exact: true }).click();
      await page.getByRole("link", { name: "facture-edf.png" }).waitFor();
      await axe(page);
      // The file is the parent's: served to them, to nobody else.
      const href = await page.getByRole("link", { name: "livret.pdf" }).first().getAttribute("href");
      const own = await context.request.get(href!);
      expect(own.status()).toBe(200);
      expect((await own.body()).subarray(0, 5).toString()).toBe("%PDF-");
      const stranger = await newContext(session.browser);
      const refused = await stranger.request.get(href!, { maxRedirects: 0 });
      expect(refused.status()).toBe(307);
      expect(refused.headers().location).toContain("/connexion");
      await stranger.close();
    });

    test("step 2 sums everything up; sending is recorded once and acknowledged", async () => {
      await page.goto("/espace/declarer-ma-famille");
      await page.getByRole("button", { name: /Aller à l'étape 2/ }).click();
      await page.waitForURL("**/recapitulatif");
      const summary = await page.locator("main").innerText();
      for (const expected of [
        "Maurice TESTO",
        "Solange TESTA",
        "Nina TESTO",
        "Ludwig TESTO",
        "Augusta TESTA",
        "Grand-mère",
        "livret.pdf",
        "facture-edf.png",
      ]) {
        expect(summary).toContain(expected);
      }
      await axe(page);
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `test-results/declaration-summary-${name}.png`, fullPage: true });
      // A double click sends once.
      await page.getByRole("button", { name: "Envoyer ma déclaration" }).dblclick();
      await page.waitForURL("**/espace?declaration=envoyee");
      await expect(page.getByText("En attente de validation").isVisible()).resolves.toBe(true);
      await axe(page);
      const rows = await testPrisma().demarche.findMany({ where: { accountId: parent.id, kind: "FAMILY_DECLARATION" } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe("SUBMITTED");
      const events = await testPrisma().demarcheEvent.count({ where: { demarcheId: rows[0]!.id, type: "SUBMITTED" } });
      expect(events).toBe(1);
      await linkFromOutbox(page, parent.email, /D-\d{4}-[0-9A-Z]{6}/);
      // A sent declaration can no longer be edited.
      await page.goto("/espace/declarer-ma-famille");
      await page.waitForURL("**/espace");
    });
  },
);

test("declaring only oneself asks for confirmation, as in the Carbon-Blanc guide", async () => {
  const parent = await createParent({ usageName: "SEUL", firstNames: "Yves" });
  const context = await newContext(session.browser, viewports.phone);
  const page = await context.newPage();
  await signIn(page, parent.login, parent.password);
  await page.waitForURL("**/espace");
  await page.goto("/espace/declarer-ma-famille?personne=titulaire");
  await page.getByLabel(/Nom de la voie/).fill("Rue des Écoles");
  await page.getByLabel(/Profession/).fill("Boulanger");
  await page.getByLabel(/Employeur/).fill("Boulangerie du Centre");
  await savePerson(page);
  await page.getByRole("button", { name: /Aller à l'étape 2/ }).click();
  const dialog = page.getByRole("dialog", { name: "Avertissement" });
  await dialog.waitFor();
  await expect(dialog.innerText()).resolves.toContain("Etes-vous sûr de vouloir continuer uniquement avec votre personne ?");
  await axe(page);
  await dialog.getByRole("link", { name: "Non" }).click();
  await page.waitForURL((url) => url.pathname === "/espace/declarer-ma-famille" && !url.search.includes("avertissement"));
  await page.getByRole("button", { name: /Aller à l'étape 2/ }).click();
  await page.getByRole("dialog", { name: "Avertissement" }).getByRole("button", { name: "Oui" }).click();
  await page.waitForURL("**/recapitulatif");
  await context.close();
});
