import { createHash } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { createParent, type TestParent } from "../fixtures/parents";
import { launchBrowser, newContext, type BrowserSession } from "./support/browser";
import { axe, press, signIn, unique } from "./support/journeys";

/**
 * FranceConnect against the local stand-in that `npm test` (and `npm run dev`) starts beside the portal.
 * The stand-in's "test+<suffix>" logins are FranceConnect's sandbox identity under a `sub` of their own,
 * so every run meets a person FranceConnect has never sent before.
 */
const STANDIN_CLIENT_ID = "espace-famille-local";
const standinSub = (login: string) => `${createHash("sha256").update(`${STANDIN_CLIENT_ID}:${login}`).digest("hex")}v1`;

let session: BrowserSession;
const prisma = testPrisma();
beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
  await closeTestPrisma();
});

/** From any page of the portal showing the button, through the stand-in's sign-in page, back to the portal. */
async function signInWithFranceConnect(page: Page, login: string, { checkPage = false } = {}) {
  await page.getByRole("button", { name: /S'identifier avec\s*FranceConnect/ }).click();
  await page.waitForURL(/\/api\/v2\/interaction\//);
  await page.getByRole("heading", { name: "Connexion à la doublure de test de FranceConnect" }).waitFor();
  if (checkPage) {
    await expect(page.getByText("Doublure de test : ceci n'est pas FranceConnect.").isVisible()).resolves.toBe(true);
    await axe(page);
  }
  await page.getByLabel("Identifiant").fill(login);
  await page.getByLabel("Mot de passe").fill("123");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/api/"));
}

async function signOutEverywhere(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL("**/deconnexion?franceconnect=ok");
  await expect(page.locator("main").innerText()).resolves.toContain("Vous êtes déconnecté de l'Espace Famille et de FranceConnect.");
  await axe(page);
}

const selectedText = (page: Page, label: string) =>
  page.getByLabel(label).evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");

describe("first sign-in with FranceConnect: account, parent's space, sign-out, sign-in again", () => {
  let context: BrowserContext;
  let page: Page;
  const login = `test+${unique()}`;

  beforeAll(async () => {
    context = await newContext(session.browser);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  test("the stand-in identifies FranceConnect's sandbox person, and the wizard opens with her identity", async () => {
    await page.goto("/connexion");
    await axe(page);
    await signInWithFranceConnect(page, login, { checkPage: true });
    await page.waitForURL("**/creer-mon-espace");
    const text = await page.locator("main").innerText();
    expect(text).toContain("Vous êtes identifiée avec FranceConnect : Angela Claire Louise DUBOIS.");
    expect(text).toContain("Vous n'aurez pas de mot de passe à créer");
    // Nothing is created before the parent completes the wizard.
    await expect(prisma.franceConnectIdentity.count({ where: { sub: standinSub(login) } })).resolves.toBe(0);
    await axe(page);
    await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/identite");
  });

  test("identity: filled from FranceConnect, locked, birth place shown by name", async () => {
    await expect(
      page.getByText("Ces informations proviennent de FranceConnect et ne peuvent pas être modifiées ici.").isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByLabel(/Nom usuel/).inputValue()).resolves.toBe("DUBOIS");
    await expect(page.getByLabel(/Nom usuel/).getAttribute("readonly")).resolves.not.toBeNull();
    await expect(page.getByLabel(/Prénom\(s\)/).inputValue()).resolves.toBe("Angela Claire Louise");
    await expect(page.getByLabel("Date de naissance").inputValue()).resolves.toBe("24/08/1962");
    await expect(selectedText(page, "Civilité")).resolves.toBe("Madame");
    await expect(selectedText(page, "Pays de naissance")).resolves.toBe("France");
    await expect(selectedText(page, "Commune de naissance")).resolves.toBe("Paris 7e Arrondissement");
    await expect(page.getByLabel("Commune de naissance").isDisabled()).resolves.toBe(true);
    await axe(page);
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/adresse");
  });

  test("address and contact: the parent completes them, FranceConnect's email kept", async () => {
    await page.getByLabel("Adresse complète").fill("12 Rue de la Gare");
    await page.getByLabel("Code postal").fill("33560");
    await page.getByLabel("Ville").fill("Carbon-Blanc");
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/contact");
    await expect(page.getByLabel(/Courriel/).inputValue()).resolves.toBe("angela.dubois@example.org");
    await expect(page.getByText("Adresse transmise par FranceConnect.", { exact: false }).isVisible()).resolves.toBe(true);
    await axe(page);
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/authentification");
  });

  test("authentication: no identifier and no password to create", async () => {
    await expect(page.getByText("Vous vous connecterez avec FranceConnect.").isVisible()).resolves.toBe(true);
    await expect(page.getByLabel(/Mot de passe/).count()).resolves.toBe(0);
    await expect(page.getByLabel(/Identifiant d'utilisateur/).count()).resolves.toBe(0);
    await axe(page);
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/securite");
  });

  test("validating creates the account, already active, and opens the parent's space", async () => {
    await expect(page.getByText("Vérification terminée : vous pouvez valider.").waitFor({ timeout: 20_000 })).resolves.toBeUndefined();
    await axe(page);
    await press(page, "Valider");
    await page.waitForURL((url) => url.pathname === "/espace");
    await expect(page.getByText("Bonjour Madame DUBOIS").isVisible()).resolves.toBe(true);
    await axe(page);
    const identity = await prisma.franceConnectIdentity.findUniqueOrThrow({
      where: { sub: standinSub(login) },
      include: { account: true },
    });
    expect(identity.account).toMatchObject({
      login: null,
      passwordHash: null,
      status: "ACTIVE",
      email: "angela.dubois@example.org",
      usageName: "DUBOIS",
      birthName: "DUBOIS",
      firstNames: "Angela Claire Louise",
      birthCommuneCode: "75107",
      birthCountryCode: "99100",
      addressLine: "12 Rue de la Gare",
    });
    expect(identity.account.emailVerifiedAt).not.toBeNull();
    // The email came from FranceConnect and was kept: no activation mail.
    await expect(prisma.accountToken.count({ where: { accountId: identity.accountId } })).resolves.toBe(0);
  });

  test("signing out ends the stand-in's session too, and signing in again reaches the same account", async () => {
    await signOutEverywhere(page);
    await page.goto("/espace");
    await page.waitForURL("**/connexion?retour=%2Fespace");
    // The stand-in asks for the password again: its session is over.
    await signInWithFranceConnect(page, login);
    await page.waitForURL((url) => url.pathname === "/espace");
    await expect(page.getByText("Bonjour Madame DUBOIS").isVisible()).resolves.toBe(true);
    const accounts = await prisma.account.findMany({
      where: { franceConnectIdentities: { some: { sub: standinSub(login) } } },
      select: { id: true, lastLoginAt: true },
    });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.lastLoginAt).not.toBeNull();
  });

  test("an account with FranceConnect only cannot be unlinked from it", async () => {
    await page.getByRole("link", { name: "Connexion avec FranceConnect" }).click();
    await page.waitForURL("**/espace/franceconnect");
    await expect(page.getByRole("heading", { name: "FranceConnect est associé à votre compte" }).isVisible()).resolves.toBe(true);
    await expect(page.locator("main").innerText()).resolves.toContain("FranceConnect ne peut donc pas en être dissocié.");
    await expect(page.getByRole("button", { name: "Dissocier FranceConnect de mon compte" }).count()).resolves.toBe(0);
    await axe(page);
  });
});

describe("FranceConnect's identity in the wizard: several first names, a usage name, an email changed", () => {
  let context: BrowserContext;
  let page: Page;
  const login = `prenoms+${unique()}`;
  const email = `marie.${unique()}@example.org`;

  beforeAll(async () => {
    context = await newContext(session.browser);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  test("a changed email is confirmed by a mailed link, FranceConnect's stays in use until then", async () => {
    await page.goto("/creer-mon-espace");
    await signInWithFranceConnect(page, login);
    await page.waitForURL("**/creer-mon-espace");
    await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/identite");
    await expect(page.getByLabel(/Nom usuel/).inputValue()).resolves.toBe("LEFÈVRE");
    await expect(page.getByLabel("Nom de naissance").inputValue()).resolves.toBe("MARTIN");
    await expect(page.getByLabel(/Prénom\(s\)/).inputValue()).resolves.toBe("Marie-Thérèse Jeanne Louise");
    await expect(selectedText(page, "Commune de naissance")).resolves.toBe("Carbon-Blanc");
    await press(page, "Suivant");
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/contact");
    await page.getByLabel(/Courriel/).fill(email);
    await press(page, "Suivant");
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/securite");
    await page.getByText("Vérification terminée : vous pouvez valider.").waitFor({ timeout: 20_000 });
    await press(page, "Valider");
    await page.waitForURL((url) => url.pathname === "/espace");
    await expect(page.getByText("Bonjour Madame LEFÈVRE").isVisible()).resolves.toBe(true);

    const account = await prisma.account.findFirstOrThrow({ where: { franceConnectIdentities: { some: { sub: standinSub(login) } } } });
    expect(account.email).toBe("marie-therese.lefevre@example.org");
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toContain("Confirmez votre nouvelle adresse électronique");
    const link = mail.text.match(/https?:\/\/\S+\/confirmer-mon-courriel\?jeton=[\w-]+/)?.[0];
    expect(link).toBeDefined();
    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await expect(page.locator("main").innerText()).resolves.toContain("Votre adresse électronique est confirmée");
    await axe(page);
    await expect(prisma.account.findUniqueOrThrow({ where: { id: account.id } }).then((row) => row.email)).resolves.toBe(email);
  });
});

describe("a person born abroad", () => {
  test("shows the country by name and no French birth place; cancelling the wizard keeps nothing and ends the FranceConnect session", async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    const login = `etranger+${unique()}`;
    await page.goto("/connexion");
    await signInWithFranceConnect(page, login);
    await page.waitForURL("**/creer-mon-espace");
    await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
    await press(page, "Suivant");
    await page.waitForURL("**/creer-mon-espace/identite");
    await expect(selectedText(page, "Pays de naissance")).resolves.toBe("Espagne");
    await expect(page.getByLabel("Commune de naissance").count()).resolves.toBe(0);
    await expect(page.getByLabel(/Prénom\(s\)/).inputValue()).resolves.toBe("Mateo");
    await page.getByRole("link", { name: "Annuler" }).click();
    await page.getByRole("button", { name: "Oui, tout effacer" }).click();
    await page.waitForURL("**/deconnexion?franceconnect=ok");
    await expect(prisma.franceConnectIdentity.count({ where: { sub: standinSub(login) } })).resolves.toBe(0);
    await page.goto("/creer-mon-espace");
    await expect(page.getByText("Vous êtes identifié avec FranceConnect", { exact: false }).count()).resolves.toBe(0);
    await context.close();
  });
});

describe("an existing account links and unlinks FranceConnect", () => {
  let context: BrowserContext;
  let page: Page;
  const login = `prenoms+${unique()}`;
  let parent: TestParent;

  beforeAll(async () => {
    parent = await createParent({ loginPrefix: "parent.fc", usageName: "TESTA", firstNames: "Ludwig" });
    context = await newContext(session.browser);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  test("signed in with the password, the parent links FranceConnect from their space", async () => {
    await signIn(page, parent.login, parent.password);
    await page.waitForURL("**/espace");
    await page.getByRole("link", { name: "Connexion avec FranceConnect" }).click();
    await page.waitForURL("**/espace/franceconnect");
    await expect(page.getByRole("heading", { name: "FranceConnect n'est pas associé à votre compte" }).isVisible()).resolves.toBe(true);
    await axe(page);
    await signInWithFranceConnect(page, login);
    await page.waitForURL("**/espace/franceconnect?associee=1");
    await expect(page.getByRole("status").innerText()).resolves.toContain("FranceConnect est associé à votre compte");
    await axe(page);
  });

  test("FranceConnect then opens this account", async () => {
    await signOutEverywhere(page);
    await page.goto("/connexion");
    await signInWithFranceConnect(page, login);
    await page.waitForURL((url) => url.pathname === "/espace");
    await expect(page.getByText("Bonjour Monsieur TESTA").isVisible()).resolves.toBe(true);
  });

  test("unlinking: FranceConnect no longer opens the account (the wizard would create another), the password still does", async () => {
    await page.goto("/espace/franceconnect");
    await page.getByRole("button", { name: "Dissocier FranceConnect de mon compte" }).click();
    await page.waitForURL("**/espace/franceconnect?dissociee=1");
    await expect(page.getByRole("status").innerText()).resolves.toContain("FranceConnect n'est plus associé à votre compte");
    await axe(page);
    await signOutEverywhere(page);
    await page.goto("/connexion");
    await signInWithFranceConnect(page, login);
    await page.waitForURL("**/creer-mon-espace");
    await signIn(page, parent.login, parent.password);
    await page.waitForURL("**/espace");
    await expect(page.getByText("Bonjour Monsieur TESTA").isVisible()).resolves.toBe(true);
  });
});

describe("failures land on a page that explains and offers a way out", () => {
  test("cancelling at FranceConnect", async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    await page.goto("/connexion");
    await page.getByRole("button", { name: /S'identifier avec\s*FranceConnect/ }).click();
    await page.waitForURL(/\/api\/v2\/interaction\//);
    await page.getByRole("button", { name: "Annuler et revenir sur le service" }).click();
    await page.waitForURL("**/connexion/franceconnect?erreur=annulee");
    const text = await page.locator("main").innerText();
    expect(text).toContain("Vous avez annulé la connexion avec FranceConnect");
    expect(text).toContain("Aucun compte n'a été créé ni modifié.");
    await expect(page.getByRole("button", { name: /S'identifier avec\s*FranceConnect/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: "Me connecter avec mon identifiant" }).isVisible()).resolves.toBe(true);
    await axe(page);
    await context.close();
  });

  test("replaying FranceConnect's answer (back button, reload)", async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    let callback: string | undefined;
    page.on("request", (request) => {
      if (request.url().includes("/api/auth/callback/franceconnect")) callback ??= request.url();
    });
    await page.goto("/connexion");
    await signInWithFranceConnect(page, `test+${unique()}`);
    await page.waitForURL("**/creer-mon-espace");
    expect(callback).toBeDefined();
    await page.goto(callback!);
    await page.waitForURL("**/connexion/franceconnect?erreur=session");
    await expect(page.locator("main").innerText()).resolves.toContain("Cette demande de connexion n'est plus valable");
    await axe(page);
    await context.close();
  });
});
