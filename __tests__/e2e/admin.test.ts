import type { BrowserContext, Page, Request } from "playwright-core";
import { baseUrl, launchBrowser, newContext, type BrowserSession } from "./support/browser";
import { axe, unique } from "./support/journeys";
import { enterTotpCode, signInParent, signInStaff, staffAccounts, submitStaffPassword } from "./support/staff";

let session: BrowserSession;
beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
});

const id = unique();
const newsTitle = `Fête de l'école ${id}`;
let newsId = "";
let familyId = "";
let documentId = "";
let actionReplay: { url: string; headers: Record<string, string>; body: Buffer } | null = null;

const adminPages = [
  "/admin",
  "/admin/declarations",
  "/admin/familles",
  "/admin/familles/nouvelle",
  "/admin/actualites",
  "/admin/actualites/nouvelle",
  "/admin/documents",
  "/admin/documents/nouveau",
  "/admin/commune",
  "/admin/agents",
  "/admin/journal",
  "/admin/taches",
  "/admin/mon-compte",
];

describe("the administrator's day, second factor included", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(session.browser);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  test("a wrong password is refused without saying which part was wrong", async () => {
    await submitStaffPassword(page, staffAccounts.admin.login, "pas-le-bon-mot-de-passe");
    await expect(page.getByText("Identifiant ou mot de passe incorrect.").waitFor()).resolves.toBeUndefined();
    await axe(page);
  });

  test("password, then the 6-digit code; the same code cannot be used twice", async () => {
    await submitStaffPassword(page, staffAccounts.admin.login, staffAccounts.admin.password);
    await page.waitForURL("**/admin/connexion/code");
    await axe(page);
    await page.getByLabel("Code à 6 chiffres").fill("12345");
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByText("Ce code n'est pas valable").waitFor()).resolves.toBeUndefined();
    await axe(page);
    const code = await enterTotpCode(page, staffAccounts.admin.totpSecret);
    await expect(page.getByRole("heading", { name: "Accueil de l'espace agents" }).isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL("**/admin/connexion");
    await submitStaffPassword(page, staffAccounts.admin.login, staffAccounts.admin.password);
    await page.waitForURL("**/admin/connexion/code");
    await page.getByLabel("Code à 6 chiffres").fill(code);
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByText("Ce code a déjà été utilisé").waitFor()).resolves.toBeUndefined();
    await enterTotpCode(page, staffAccounts.admin.totpSecret);
  });

  test.each(adminPages)("%s passes axe", async (path) => {
    await page.goto(path);
    expect(new URL(page.url()).pathname).toBe(path);
    await axe(page);
  });

  test("a published news item appears on the public home page, and leaves it when withdrawn", async () => {
    await page.goto("/admin/actualites/nouvelle");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Le champ 'titre' est obligatoire.").waitFor()).resolves.toBeUndefined();
    await page.getByLabel(/Titre/).fill(newsTitle);
    await page.getByLabel(/Résumé/).fill("La fête de l'école aura lieu samedi dans la cour.");
    await page.getByLabel(/Texte/).fill("Venez nombreux.\n\nBuvette et jeux pour les enfants.");
    await page.getByLabel("Publier sur le portail dès l'enregistrement").check();
    const captured = page.waitForRequest((request: Request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
    await page.getByRole("button", { name: "Enregistrer" }).click();
    const request = await captured;
    actionReplay = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await page.waitForURL(/\/admin\/actualites\/[0-9a-f-]{36}/);
    newsId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByText("L'actualité est enregistrée.").isVisible()).resolves.toBe(true);
    await axe(page);

    const visitor = await newContext(session.browser);
    const home = await visitor.newPage();
    await home.goto("/");
    await expect(home.getByRole("heading", { name: newsTitle }).isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "Retirer du portail" }).click();
    await expect(page.getByText("L'actualité est retirée du portail.").waitFor()).resolves.toBeUndefined();
    await home.reload();
    await expect(home.getByText(newsTitle).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Publier" }).click();
    await expect(page.getByText("L'actualité est publiée sur le portail.").waitFor()).resolves.toBeUndefined();
    await home.reload();
    await expect(home.getByRole("heading", { name: newsTitle }).isVisible()).resolves.toBe(true);
    // Withdrawn again: the other browser tests count the demo news on the home page.
    await page.getByRole("button", { name: "Retirer du portail" }).click();
    await expect(page.getByText("L'actualité est retirée du portail.").waitFor()).resolves.toBeUndefined();
    await visitor.close();
  });

  test("a family the town knows gets its Clé Enfance, shown once, and its PDF letter", async () => {
    await page.goto("/admin/familles/nouvelle");
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page.getByText("Le champ 'civilité' est obligatoire.").waitFor()).resolves.toBeUndefined();
    await axe(page);
    const holder = page.getByRole("group", { name: "Représentant (titulaire)" });
    await holder.getByLabel("Civilité").selectOption("MADAME");
    await holder.getByLabel(/Nom d'usage/).fill(`TESTA-${id}`);
    await holder.getByLabel(/Prénom/).fill("Solange");
    const child = page.getByRole("group", { name: "Enfant 1 (facultatif)" });
    await child.getByLabel("Nom d'usage").fill(`TESTA-${id}`);
    await child.getByLabel("Prénom").fill("Nina");
    await child.getByLabel("Date de naissance").fill("12/03/2018");
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await page.waitForURL(/\/admin\/familles\/[0-9a-f-]{36}\?cree=1/);
    familyId = new URL(page.url()).pathname.split("/").pop()!;
    const heading = await page.getByRole("heading", { level: 1 }).innerText();
    expect(heading).toMatch(/^Dossier F-\d{4}-\d{5}$/);
    await expect(page.getByText("Nina").first().isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "Émettre la Clé Enfance" }).click();
    const key = await page.getByTestId("valeur-unique").innerText();
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    await axe(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger la lettre (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`cle-enfance-${heading.replace("Dossier ", "")}.pdf`);
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

    // The key is never shown again: a reload shows only its last characters.
    await page.reload();
    await expect(page.getByText(key).count()).resolves.toBe(0);
    await expect(page.getByText(`se terminant par ${key.slice(-4)}`).isVisible()).resolves.toBe(true);
    await page.getByRole("button", { name: "Révoquer la clé" }).click();
    await page.waitForURL(/revoquee=1/);
    await expect(page.getByText("La Clé Enfance est révoquée").isVisible()).resolves.toBe(true);
    await expect(page.getByText("Aucune clé en cours de validité.").isVisible()).resolves.toBe(true);
  });

  test("a PDF is uploaded (checked by its content, not its name), published, and offered on the public page", async () => {
    const { simplePdf } = await import("@/lib/platform/pdf/simple-document");
    const title = `Menu de la cantine ${id}`;
    await page.goto("/admin/documents/nouveau");
    await page.getByLabel(/Titre/).fill(title);
    await page
      .getByLabel(/Fichier PDF/)
      .setInputFiles({ name: "menu.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>pas un PDF</html>") });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Le fichier doit être un PDF (son contenu n'en est pas un).").waitFor()).resolves.toBeUndefined();
    await axe(page);
    const bytes = Buffer.from(await simplePdf({ title, paragraphs: ["Lundi : carottes râpées."], author: "Test" }));
    await page.getByLabel(/Fichier PDF/).setInputFiles({ name: "menu.pdf", mimeType: "application/pdf", buffer: bytes });
    await page.getByLabel(/Titre/).fill(title);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}/);
    documentId = new URL(page.url()).pathname.split("/").pop()!;
    await axe(page);
    const visitor = await newContext(session.browser);
    const publicPage = await visitor.newPage();
    await publicPage.goto("/documents-a-telecharger");
    await expect(publicPage.getByText(title).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Publier" }).click();
    await expect(page.getByText("Le document est publié sur le portail.").waitFor()).resolves.toBeUndefined();
    await publicPage.reload();
    await expect(publicPage.getByRole("heading", { name: title }).isVisible()).resolves.toBe(true);
    const download = await visitor.request.get(`/documents-a-telecharger/${documentId}`);
    expect(Buffer.from(await download.body()).equals(bytes)).toBe(true);
    await page.getByRole("button", { name: "Retirer du portail" }).click();
    await expect(page.getByText("Le document est retiré du portail.").waitFor()).resolves.toBeUndefined();
    await visitor.close();
  });

  test("contact details edited by the administrator show on the public Contacts page", async () => {
    await page.goto("/admin/commune");
    const phone = page.getByLabel(/Téléphone/);
    const original = await phone.inputValue();
    await phone.fill("05 99 88 77 66");
    await page.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
    await expect(page.getByText("Les coordonnées sont enregistrées").waitFor()).resolves.toBeUndefined();
    const visitor = await newContext(session.browser);
    const contacts = await visitor.newPage();
    await contacts.goto("/contacts");
    await expect(contacts.getByText("05 99 88 77 66").isVisible()).resolves.toBe(true);
    await page.getByLabel(/Téléphone/).fill(original);
    // The confirmation is already on screen: wait for the action's own answer this time.
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"])),
      page.getByRole("button", { name: "Enregistrer les coordonnées" }).click(),
    ]);
    await contacts.reload();
    await expect(contacts.getByText(original).isVisible()).resolves.toBe(true);
    await visitor.close();
  });

  test("the audit log shows who did what, filtered, and cannot be edited", async () => {
    await page.goto(`/admin/journal?action=child_key.&cible=${familyId}`);
    const table = page.getByRole("table");
    const text = await table.innerText();
    expect(text).toContain("child_key.issued");
    expect(text).toContain("child_key.letter_printed");
    expect(text).toContain("child_key.revoked");
    expect(text).toContain("Alain ADMIN (admin.demo)");
    expect(text).not.toContain("news.created");
    await axe(page);
    await page.getByLabel("Action (début)").fill("news.");
    await page.getByLabel("Cible (type ou identifiant)").fill(newsId);
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/action=news/);
    const newsText = await page.getByRole("table").innerText();
    expect(newsText).toContain("news.created");
    expect(newsText).toContain("news.unpublished");
    expect(newsText).toContain("news.published");
    await expect(page.getByRole("button", { name: /Supprimer|Modifier/ }).count()).resolves.toBe(0);
  });

  test("an administrator creates an agent account with a one-time password", async () => {
    await page.goto("/admin/agents");
    await page.getByLabel(/Nom affiché/).fill(`Agathe AGENT ${id}`);
    await page.getByLabel(/Identifiant/).fill(`agathe.${id}`);
    await page.getByLabel(/Courriel/).fill(`agathe.${id}@carbon-blanc.example`);
    await page.getByRole("button", { name: "Créer le compte" }).click();
    const password = await page.getByTestId("valeur-unique").innerText();
    expect(password).toMatch(/^[\w]{4}(-[\w]{4}){3}$/);
    await axe(page);
    await page.getByRole("link", { name: `Agathe AGENT ${id}` }).click();
    await page.waitForURL(/\/admin\/agents\/[0-9a-f-]{36}/);
    await axe(page);

    // The new agent must replace the one-time password before anything else.
    const agentContext = await newContext(session.browser);
    const agentPage = await agentContext.newPage();
    await submitStaffPassword(agentPage, `agathe.${id}`, password);
    await agentPage.waitForURL("**/admin/connexion/nouveau-mot-de-passe");
    await axe(agentPage);
    await agentPage.getByLabel(/^\*?\s*Nouveau mot de passe/).fill("Pivoine-Ardoise-Cerf-77");
    await agentPage.getByLabel(/Confirmation du mot de passe/).fill("Pivoine-Ardoise-Cerf-77");
    await agentPage.getByRole("button", { name: "Enregistrer et continuer" }).click();
    // Agents read every family's data: the second factor is required for them too, before anything else.
    await agentPage.waitForURL("**/admin/connexion/double-authentification");
    const secret = (await agentPage.getByTestId("cle-totp").innerText()).replace(/\s/g, "");
    await enterTotpCode(agentPage, secret);
    await agentPage.goto("/admin");
    expect(new URL(agentPage.url()).pathname).toBe("/admin");
    await agentContext.close();
  });

  test("a new administrator must turn the second factor on, QR code and key on screen, right after the password", async () => {
    await page.goto("/admin/agents");
    await page.getByLabel(/Nom affiché/).fill(`Adèle ADMIN ${id}`);
    await page.getByLabel(/Identifiant/).fill(`adele.${id}`);
    await page.getByLabel(/Courriel/).fill(`adele.${id}@carbon-blanc.example`);
    await page.getByLabel("Rôle").selectOption("ADMINISTRATOR");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    const password = await page.getByTestId("valeur-unique").innerText();

    const adminContext = await newContext(session.browser);
    const adminPage = await adminContext.newPage();
    await submitStaffPassword(adminPage, `adele.${id}`, password);
    await adminPage.waitForURL("**/admin/connexion/nouveau-mot-de-passe");
    await adminPage.getByLabel(/^\*?\s*Nouveau mot de passe/).fill("Hirondelle-Basalte-Quai-31");
    await adminPage.getByLabel(/Confirmation du mot de passe/).fill("Hirondelle-Basalte-Quai-31");
    await adminPage.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await adminPage.waitForURL("**/admin/connexion/double-authentification");
    await expect(adminPage.getByRole("img", { name: /QR code/ }).isVisible()).resolves.toBe(true);
    await axe(adminPage);
    // Nothing of the back-office before the second factor is on.
    await adminPage.goto("/admin/journal");
    expect(new URL(adminPage.url()).pathname).toBe("/admin/connexion");
    await adminPage.goto("/admin/connexion/double-authentification");
    const secret = (await adminPage.getByTestId("cle-totp").innerText()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await enterTotpCode(adminPage, secret);
    await adminPage.goto("/admin/journal");
    expect(new URL(adminPage.url()).pathname).toBe("/admin/journal");
    await adminContext.close();
  });
});

describe("who gets nothing from /admin", () => {
  const files = () => [
    `/admin/documents/${documentId || "00000000-0000-0000-0000-000000000000"}/fichier`,
    "/admin/familles/export",
    "/admin/declarations/00000000-0000-0000-0000-000000000000/pieces/00000000-0000-0000-0000-000000000000",
  ];

  async function expectNoAdmin(context: BrowserContext) {
    const page = await context.newPage();
    for (const path of [
      ...adminPages,
      `/admin/actualites/${newsId}`,
      `/admin/familles/${familyId}`,
      `/admin/documents/${documentId}`,
      "/admin/acces-refuse",
    ]) {
      await page.goto(path);
      expect(new URL(page.url()).pathname).toBe("/admin/connexion");
      await expect(page.getByRole("heading", { name: "Connexion à l'espace agents" }).isVisible()).resolves.toBe(true);
    }
    for (const path of files()) {
      const response = await context.request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers()["location"]).toContain("/admin/connexion");
    }
    const letter = await context.request.post(`/admin/familles/${familyId}/lettre`, {
      form: { cle: "0000-0000-0000-0000" },
      maxRedirects: 0,
      headers: { origin: baseUrl },
    });
    expect(letter.status()).toBe(307);
    expect(letter.headers()["content-type"] ?? "").not.toContain("pdf");
    // The administrator's own server-action request, replayed with this browser's cookies, creates nothing.
    expect(actionReplay).not.toBeNull();
    const { url, headers, body } = actionReplay!;
    const replay = await context.request.post(url, {
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        origin: baseUrl,
        accept: "text/x-component",
      },
      data: body,
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(307);
    await page.close();
  }

  test("a signed-out visitor", async () => {
    const context = await newContext(session.browser);
    await expectNoAdmin(context);
    await context.close();
  });

  test("a signed-in parent", async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    await signInParent(page);
    await expectNoAdmin(context);
    // Still signed in as a parent: the parent's space works, the back-office does not.
    await page.goto("/espace");
    expect(new URL(page.url()).pathname).toBe("/espace");
    await context.close();
  });

  test("an agent, second factor included, reaches the agents' pages but not the administrators'", async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    await signInStaff(page, staffAccounts.agent);
    await axe(page);
    await expect(page.getByRole("link", { name: "Journal d'audit" }).count()).resolves.toBe(0);
    for (const path of ["/admin/commune", "/admin/agents", "/admin/journal", "/admin/taches"]) {
      await page.goto(path);
      await page.waitForURL("**/admin/acces-refuse");
      await expect(page.getByRole("heading", { name: "Accès réservé aux administrateurs" }).isVisible()).resolves.toBe(true);
    }
    await axe(page);
    // The administrator's action replayed by the parent and the visitor created no second item.
    await page.goto("/admin/actualites");
    await expect(page.getByRole("link", { name: newsTitle }).count()).resolves.toBe(1);
    // An agent may delete a news item, after ticking the confirmation.
    await page.getByRole("link", { name: newsTitle }).click();
    await page.waitForURL(`**/admin/actualites/${newsId}`);
    await page.getByRole("button", { name: "Supprimer l'actualité" }).click();
    await expect(page.getByText("Cochez la case pour confirmer la suppression.").waitFor()).resolves.toBeUndefined();
    await page.getByLabel("Je confirme la suppression définitive de cette actualité.").check();
    await page.getByRole("button", { name: "Supprimer l'actualité" }).click();
    await page.waitForURL("**/admin/actualites?supprimee=1");
    await expect(page.getByRole("link", { name: newsTitle }).count()).resolves.toBe(0);
    await context.close();
  });
});
