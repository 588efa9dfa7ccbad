import { createHash } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { localFileStore } from "@/lib/platform/storage/local";
import { simplePdf } from "@/lib/platform/pdf/simple-document";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { demoChild, demoHolder } from "../fixtures/demo-family";
import { createParent, type TestParent } from "../fixtures/parents";
import { baseUrl, expectNoHorizontalScroll, launchBrowser, newContext, viewports, type BrowserSession } from "./support/browser";
import { axe, signIn } from "./support/journeys";
import { signInStaff, staffAccounts } from "./support/staff";

/**
 * The review journey in a real browser: a parent sends their declaration, the agent (second factor
 * included) finds it, opens its document in the page, asks for a correction about the child; the parent
 * reads it, corrects and sends again; the agent validates; the parent sees the validated family.
 */
let session: BrowserSession;
let parent: TestParent;
let parentContext: BrowserContext;
let agentContext: BrowserContext;
let parentPage: Page;
let agentPage: Page;
const childId = "0196f111-0000-7000-8000-00000000c001";

beforeAll(async () => {
  session = await launchBrowser();
  // The draft as the parent's forms would have stored it (the forms are covered by declaration.test.ts).
  parent = await createParent({
    usageName: "REVUE",
    firstNames: "Claire",
    draft: (names) => ({
      holder: { ...demoHolder(names), firstName: "Claire", profession: "Architecte", employer: "Atelier Garonne" },
      co: null,
      children: [{ id: childId, values: { ...demoChild(names), firstName: "Tom", sex: "MASCULIN", birthDate: "01/01/2018" } }],
      contacts: [],
    }),
  });
  const bytes = await simplePdf({ title: "Livret de famille", paragraphs: ["Claire REVUE", "Enfant : Tom REVUE"], author: "Test" });
  const storageKey = await localFileStore(process.env.FILE_STORAGE_DIR!).put({
    bytes,
    mediaType: "application/pdf",
    fileName: "livret-revue.pdf",
  });
  const document = await testPrisma().document.create({
    data: {
      ownerId: parent.id,
      kind: "LIVRET_FAMILLE",
      fileName: "livret-revue.pdf",
      provider: "LOCAL",
      storageKey,
      mediaType: "application/pdf",
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
  });
  await testPrisma().demarcheDocument.create({ data: { demarcheId: parent.demarcheId!, documentId: document.id, kind: "LIVRET_FAMILLE" } });
  parentContext = await newContext(session.browser, viewports.phone);
  agentContext = await newContext(session.browser, viewports.desktop);
  parentPage = await parentContext.newPage();
  agentPage = await agentContext.newPage();
});

afterAll(async () => {
  await session.close();
  await closeTestPrisma();
});

async function sendDeclaration() {
  await parentPage.goto("/espace/declarer-ma-famille");
  await parentPage.getByRole("button", { name: /Aller à l'étape 2/ }).click();
  await parentPage.waitForURL("**/recapitulatif");
  await parentPage.getByRole("button", { name: "Envoyer ma déclaration" }).click();
  await parentPage.waitForURL("**/espace?declaration=envoyee");
}

async function openFromQueue(tab: string) {
  await agentPage.goto(`/admin/declarations?statut=${tab}`);
  await agentPage.getByLabel("Nom, courriel, référence ou numéro de dossier").fill(parent.email);
  await agentPage.getByRole("button", { name: "Rechercher" }).click();
  await agentPage.waitForURL((url) => url.searchParams.get("q") === parent.email);
  const link = agentPage.getByRole("table").getByRole("link", { name: /^D-2026-/ });
  await expect(link.count()).resolves.toBe(1);
  await link.click();
  await agentPage.getByRole("heading", { name: /^Déclaration D-2026-/ }).waitFor();
}

const demarche = () => testPrisma().demarche.findFirstOrThrow({ where: { accountId: parent.id, kind: "FAMILY_DECLARATION" } });

describe("an agent reviews a declaration a parent sent", () => {
  test("the parent sends the declaration", async () => {
    await signIn(parentPage, parent.login, parent.password);
    await parentPage.waitForURL("**/espace");
    await sendDeclaration();
    await expect(demarche()).resolves.toMatchObject({ status: "SUBMITTED" });
  });

  test("the agent signs in with the second factor and finds it in the queue", async () => {
    await signInStaff(agentPage, staffAccounts.agent);
    await agentPage.goto("/admin/declarations");
    await expect(agentPage.getByRole("link", { name: /^À traiter \d+$/ }).getAttribute("aria-current")).resolves.toBe("page");
    await axe(agentPage);
    await openFromQueue("a-traiter");
    const main = await agentPage.locator("main").innerText();
    for (const expected of ["Claire REVUE", "Tom REVUE", "Architecte", "Qualité de Claire REVUE", "livret-revue.pdf"])
      expect(main).toContain(expected);
    await axe(agentPage);
  });

  test("the document opens in the page, served to staff only and recorded", async () => {
    await agentPage.getByRole("link", { name: "Afficher livret-revue.pdf" }).click();
    const frame = agentPage.locator("iframe[title^='Livret de famille']");
    await frame.waitFor();
    const source = (await frame.getAttribute("src"))!;
    const answer = await agentContext.request.get(source);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("application/pdf");
    expect(answer.headers()["content-disposition"]).toMatch(/^inline/);
    expect(answer.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(answer.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(answer.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await answer.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // The parent's own session gets nothing from the staff address.
    const asParent = await parentContext.request.get(source, { maxRedirects: 0 });
    expect(asParent.status()).toBe(307);
    expect(asParent.headers().location).toContain("/admin/connexion");
    const staff = await testPrisma().staffUser.findUniqueOrThrow({ where: { login: staffAccounts.agent.login } });
    const viewed = await testPrisma().auditLog.count({ where: { action: "document.viewed", actorId: staff.id } });
    expect(viewed).toBeGreaterThan(0);
    await axe(agentPage);
  });

  test("the agent takes it and asks for a correction about the child", async () => {
    await agentPage.getByRole("button", { name: "Prendre en charge" }).click();
    await agentPage.getByText("La déclaration est prise en charge").waitFor();
    await expect(demarche()).resolves.toMatchObject({ status: "IN_REVIEW" });
    // An empty message is refused on its field, the remark typed is kept.
    await agentPage.getByLabel("Remarque 1 : concerne").selectOption({ label: "Tom REVUE (enfant)" });
    await agentPage.getByLabel("Remarque 1 : à corriger").fill("La date de naissance ne correspond pas au livret de famille.");
    await agentPage.getByRole("button", { name: "Envoyer la demande de correction" }).click();
    await agentPage.getByText("Le champ 'message au parent' est obligatoire.").waitFor();
    await expect(agentPage.getByLabel("Remarque 1 : à corriger").inputValue()).resolves.toBe(
      "La date de naissance ne correspond pas au livret de famille.",
    );
    await axe(agentPage);
    await agentPage.getByLabel(/Message au parent/).fill("Merci de vérifier la date de naissance de Tom.");
    await agentPage.getByRole("button", { name: "Envoyer la demande de correction" }).click();
    await agentPage.getByText("La demande de correction est envoyée au parent").waitFor();
    await expect(demarche()).resolves.toMatchObject({ status: "NEEDS_CORRECTION" });
    await expect(agentPage.getByText("Correction demandée").first().isVisible()).resolves.toBe(true);
  });

  test("the parent reads the request, corrects and sends again", async () => {
    await parentPage.goto("/espace");
    const home = await parentPage.locator("main").innerText();
    expect(home).toContain("Merci de vérifier la date de naissance de Tom.");
    expect(home).toContain("Tom REVUE (enfant) : La date de naissance ne correspond pas au livret de famille.");
    await axe(parentPage);
    await expectNoHorizontalScroll(parentPage);
    await parentPage.goto("/espace/declarer-ma-famille");
    // The person the remark is about is marked in the panel, in words.
    const marked = parentPage.getByRole("navigation", { name: "Membres de la famille" }).getByRole("link", { name: /Tom REVUE/ });
    await expect(marked.innerText()).resolves.toContain("remarque de nos services");
    await expect(
      parentPage
        .getByRole("navigation", { name: "Membres de la famille" })
        .getByRole("link", { name: /Claire REVUE/ })
        .innerText(),
    ).resolves.not.toContain("remarque");
    await axe(parentPage);
    await marked.click();
    await parentPage.waitForURL(`**/espace/declarer-ma-famille?personne=enfant-${childId}`);
    await parentPage.getByLabel(/Date de naissance/).fill("02/01/2018");
    await parentPage.getByRole("button", { name: "Ajouter à mon entourage" }).click();
    await parentPage.waitForLoadState("networkidle");
    await sendDeclaration();
    await expect(demarche()).resolves.toMatchObject({ status: "SUBMITTED" });
    // The decision's mail leaves with a job: a worker delivers it within a few seconds.
    const mail = await eventually(() =>
      testPrisma().outboxMail.findFirst({ where: { to: parent.email, subject: { startsWith: "Votre déclaration est à compléter" } } }),
    );
    expect(mail?.text).toContain("La date de naissance ne correspond pas au livret de famille.");
  });

  test("the agent sees the new sending and validates it", async () => {
    await openFromQueue("a-traiter");
    await expect(agentPage.getByText("Envoyée de nouveau après correction").isVisible()).resolves.toBe(true);
    expect(await agentPage.locator("main").innerText()).toContain("02/01/2018");
    // Validation asks for the confirmation box first.
    await agentPage.getByRole("button", { name: "Valider la déclaration" }).click();
    await agentPage.getByText("Cochez la case pour confirmer la validation.").waitFor();
    await agentPage.getByLabel("J'ai vérifié les personnes et les pièces justificatives.").check();
    await agentPage.getByRole("button", { name: "Valider la déclaration" }).click();
    await agentPage.getByText("La déclaration est validée").waitFor();
    const row = await demarche();
    expect(row.status).toBe("ACCEPTED");
    const family = await testPrisma().family.findUniqueOrThrow({ where: { id: row.familyId! } });
    await expect(agentPage.getByRole("link", { name: family.dossierNumber }).isVisible()).resolves.toBe(true);
    await axe(agentPage);
  });

  test("the parent sees the validated family on their home page", async () => {
    await parentPage.goto("/espace");
    const home = await parentPage.locator("main").innerText();
    expect(home).toContain("Votre déclaration de famille est validée");
    expect(home).toMatch(/F-\d{4}-\d{5}/);
    expect(home).toContain("Tom REVUE");
    await axe(parentPage);
    await expectNoHorizontalScroll(parentPage);
  });

  test("a decision taken from a page another agent overtook is refused with a message, not applied", async () => {
    const other = await createParent({ usageName: "CONCURRENT", firstNames: "Léon" });
    const sent = await testPrisma().demarche.create({
      data: {
        reference: `D-2026-C${Date.now().toString(36).slice(-5).toUpperCase()}`,
        kind: "FAMILY_DECLARATION",
        status: "SUBMITTED",
        submittedAt: new Date(),
        accountId: other.id,
        version: 1,
        data: { holder: null, co: null, children: [], contacts: [] },
      },
    });
    const stale = await agentContext.newPage();
    await stale.goto(`/admin/declarations/${sent.id}`);
    await agentPage.goto(`/admin/declarations/${sent.id}`);
    await agentPage.getByRole("button", { name: "Prendre en charge" }).click();
    await agentPage.getByText("La déclaration est prise en charge").waitFor();
    // The older tab still shows version 1: its refusal must not overwrite what happened since.
    await stale.getByLabel(/Motif du refus/).fill("Vous n'habitez pas la commune.");
    await stale.getByLabel("Je confirme le refus de cette déclaration.").check();
    await stale.getByRole("button", { name: "Refuser la déclaration" }).click();
    await stale.getByText(/a été modifiée entre-temps/).waitFor();
    await expect(stale.getByLabel(/Motif du refus/).inputValue()).resolves.toBe("Vous n'habitez pas la commune.");
    await expect(testPrisma().demarche.findUniqueOrThrow({ where: { id: sent.id } })).resolves.toMatchObject({
      status: "IN_REVIEW",
      refusalReason: null,
    });
    await axe(stale);
    await stale.close();
  });

  test("the CSV export downloads the validated family", async () => {
    const answer = await agentContext.request.get("/admin/familles/export");
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const body = await answer.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain(";REVUE;Tom;M;02/01/2018;");
    const refused = await parentContext.request.get(`${baseUrl}/admin/familles/export`, { maxRedirects: 0 });
    expect(refused.status()).toBe(307);
  });
});

/** The first truthy value of `read`, polled for up to 20 s (what a worker delivers arrives shortly after). */
async function eventually<T>(read: () => Promise<T | null>): Promise<T | null> {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
