import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import type { BrowserContext, Page } from "playwright-core";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { createParent, type TestParent } from "../fixtures/parents";
import { expectNoHorizontalScroll, launchBrowser, newContext, viewports, type BrowserSession } from "./support/browser";
import { axe, signIn, unique } from "./support/journeys";

let session: BrowserSession;
beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
  await closeTestPrisma();
});

const PDF = Buffer.from("%PDF-1.4\n% attestation e2e\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

describe("the privacy page links to the parent's data page", () => {
  test.each([["phone", viewports.phone] as const, ["desktop", viewports.desktop] as const])(
    "Données personnelles et cookies (%s)",
    async (_name, viewport) => {
      const context = await newContext(session.browser, viewport);
      const page = await context.newPage();
      await page.goto("/donnees-personnelles");
      await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Données personnelles et cookies");
      const text = await page.locator("main").innerText();
      for (const right of [
        "droit d'accès",
        "droit de rectification",
        "droit à l'effacement",
        "droit à la portabilité",
        "droit d'opposition",
        "droit à la limitation",
      ]) {
        expect(text).toContain(right);
      }
      expect(text).toContain("6 mois sans modification");
      await expect(page.getByRole("link", { name: "Mes données personnelles" }).getAttribute("href")).resolves.toBe("/espace/mes-donnees");
      await axe(page);
      await expectNoHorizontalScroll(page);
      await context.close();
    },
  );
});

describe.each([["phone", viewports.phone] as const, ["desktop", viewports.desktop] as const])(
  "a parent downloads their data and closes their account (%s)",
  (_name, viewport) => {
    let context: BrowserContext;
    let page: Page;
    let parent: TestParent;

    beforeAll(async () => {
      parent = await createParent({ usageName: "DONNEES" });
      context = await newContext(session.browser, viewport);
      page = await context.newPage();
    });
    afterAll(async () => {
      await context.close();
    });

    test("from the parent's home to « Mes données personnelles », with a document in the storage space", async () => {
      await signIn(page, parent.login, parent.password);
      await page.waitForURL("**/espace");
      await page.goto("/espace/documents");
      await page.getByLabel("Type de document").selectOption("autre");
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: "attestation-employeur.pdf", mimeType: "application/pdf", buffer: PDF });
      await page.getByRole("button", { name: "Ajouter à mon espace de stockage" }).click();
      await page.waitForURL("**/espace/documents?ajoute=1");

      await page.goto("/espace");
      await page.getByRole("link", { name: "Mes données personnelles" }).click();
      await page.waitForURL("**/espace/mes-donnees");
      await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Mes données personnelles");
      await expect(page.getByRole("heading", { name: "Ce que la Ville conserve, et pourquoi" }).isVisible()).resolves.toBe(true);
      await axe(page);
      await expectNoHorizontalScroll(page);
    });

    test("« Télécharger mes données » gives a ZIP with the JSON, the README and the document", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Télécharger mes données" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^mes-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
      const entries = unzipSync(new Uint8Array(await readFile((await download.path())!)));
      const data = JSON.parse(strFromU8(entries["donnees.json"]!)) as {
        account: { login: string };
        documents: { fileName: string; file: string }[];
      };
      expect(data.account.login).toBe(parent.login);
      expect(data.documents).toHaveLength(1);
      expect(data.documents[0]?.fileName).toBe("attestation-employeur.pdf");
      expect(Buffer.from(entries[data.documents[0]!.file]!)).toEqual(PDF);
      expect(strFromU8(entries["README.txt"]!)).toContain("CLÉS DE donnees.json");
      const audit = await testPrisma().auditLog.count({ where: { action: "account.data_exported", actorId: parent.id } });
      expect(audit).toBe(1);
    });

    test("closing needs the password: errors are shown on the field", async () => {
      const field = page.getByLabel("Mot de passe");
      await page.getByRole("button", { name: "Fermer définitivement mon compte" }).click();
      await field.and(page.locator('[aria-invalid="true"]')).waitFor({ timeout: 15_000 });
      await expect(page.getByText("Le champ 'mot de passe' est obligatoire.").isVisible()).resolves.toBe(true);
      await axe(page);
      await field.fill("Pas-Le-Bon-Mot-2");
      await page.getByRole("button", { name: "Fermer définitivement mon compte" }).click();
      await page.getByText("Mot de passe incorrect : votre compte n'a pas été fermé.").waitFor({ timeout: 15_000 });
      expect((await testPrisma().account.findUniqueOrThrow({ where: { id: parent.id } })).status).toBe("ACTIVE");
    });

    test("with the password, the account is closed, the parent signed out and told so, and every other session ends", async () => {
      // The same parent, signed in on another device before the closure.
      const elsewhere = await newContext(session.browser, viewport);
      const otherPage = await elsewhere.newPage();
      await signIn(otherPage, parent.login, parent.password);
      await otherPage.waitForURL("**/espace");

      await page.getByLabel("Mot de passe").fill(parent.password);
      await page.getByRole("button", { name: "Fermer définitivement mon compte" }).click();
      await page.waitForURL("**/compte-ferme");
      await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Votre compte est fermé");
      await axe(page);
      const account = await testPrisma().account.findUniqueOrThrow({ where: { id: parent.id } });
      expect(account).toMatchObject({ status: "CLOSED", login: null, passwordHash: null });
      expect(await testPrisma().document.count({ where: { ownerId: parent.id } })).toBe(0);
      expect(
        await testPrisma().outboxMail.count({ where: { to: parent.email, subject: { startsWith: "Votre compte a été fermé" } } }),
      ).toBe(1);

      await page.goto("/espace/mes-donnees");
      await page.waitForURL(/\/connexion/);
      const response = await page.request.get("/espace/mes-donnees/telecharger", { maxRedirects: 0 });
      expect([302, 303, 307, 401]).toContain(response.status());

      await otherPage.goto("/espace");
      await otherPage.waitForURL(/\/connexion/);
      await elsewhere.close();
    });

    test("signing in again is refused with a clear message", async () => {
      await signIn(page, parent.login, parent.password);
      await page.getByText("Ce compte a été fermé à la demande de son titulaire").waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).pathname).toBe("/connexion");
      await axe(page);
    });
  },
);

/** The `sub` the local FranceConnect stand-in gives the portal for one of its "test+suffix" logins. */
const standinSub = (login: string) => `${createHash("sha256").update(`espace-famille-local:${login}`).digest("hex")}v1`;

describe("a parent signed in with FranceConnect only closes their account", () => {
  test("confirms with the word FERMER, leaves through FranceConnect's logout, and FranceConnect no longer opens the account", async () => {
    const fcLogin = `test+${unique()}`;
    const parent = await createParent({ usageName: "DUBOIS" });
    // A FranceConnect-only account: no identifier, no password, the stand-in's identity linked.
    await testPrisma().account.update({ where: { id: parent.id }, data: { login: null, passwordHash: null } });
    await testPrisma().franceConnectIdentity.create({ data: { sub: standinSub(fcLogin), accountId: parent.id } });
    const context = await newContext(session.browser, viewports.phone);
    const page = await context.newPage();
    const viaFranceConnect = async () => {
      await page.goto("/connexion");
      await page.getByRole("button", { name: /S'identifier avec\s*FranceConnect/ }).click();
      await page.waitForURL(/\/api\/v2\/interaction\//);
      await page.getByLabel("Identifiant").fill(fcLogin);
      await page.getByLabel("Mot de passe").fill("123");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/api/"));
    };

    await viaFranceConnect();
    await page.waitForURL((url) => url.pathname === "/espace");
    await page.goto("/espace/mes-donnees");
    await expect(page.getByLabel("Mot de passe").count()).resolves.toBe(0);
    const confirmation = page.getByLabel("Confirmation");
    await confirmation.fill("OUI");
    await page.getByRole("button", { name: "Fermer définitivement mon compte" }).click();
    await page.getByText("Saisissez exactement le mot FERMER pour confirmer la fermeture de votre compte.").waitFor({ timeout: 15_000 });
    await axe(page);
    await confirmation.fill("FERMER");
    await page.getByRole("button", { name: "Fermer définitivement mon compte" }).click();
    await page.waitForURL("**/deconnexion?franceconnect=ok");
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Votre compte est fermé");
    await axe(page);
    expect(await testPrisma().account.findUniqueOrThrow({ where: { id: parent.id }, select: { status: true } })).toEqual({
      status: "CLOSED",
    });
    expect(await testPrisma().franceConnectIdentity.count({ where: { sub: standinSub(fcLogin) } })).toBe(0);

    // The same person at FranceConnect is a newcomer to the portal now: the account-creation wizard opens.
    await viaFranceConnect();
    await page.waitForURL("**/creer-mon-espace");
    await context.close();
  });
});
