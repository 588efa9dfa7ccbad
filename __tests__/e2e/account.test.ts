import type { BrowserContext, Page } from "playwright-core";
import { demoParent } from "@/lib/platform/demo/accounts";
import { expectNoHorizontalScroll, launchBrowser, newContext, viewports, type BrowserSession } from "./support/browser";
import { axe, linkFromOutbox, press, signIn, unique } from "./support/journeys";

let session: BrowserSession;
beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
});

const BANNER = "Des champs sont non renseignés ou mal renseignés, merci de corriger votre saisie.";

async function expectFieldError(page: Page, label: string | RegExp, message: string) {
  const field = page.getByLabel(label, { exact: typeof label === "string" });
  // Client-side checks render a moment after the click: wait for the field to be marked.
  await field.and(page.locator('[aria-invalid="true"]')).waitFor({ timeout: 15_000 });
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const ids = describedBy.split(" ").filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`#${id}`).innerText()));
  expect(texts).toContain(message);
}

describe.each([["phone", viewports.phone] as const, ["desktop", viewports.desktop] as const])(
  "creating an account (%s)",
  (name, viewport) => {
    let context: BrowserContext;
    let page: Page;
    const id = unique();
    const login = `maurice.${id}`;
    const email = `maurice.${id}@example.org`;
    const password = "Jardin-des-Testo-1";

    beforeAll(async () => {
      context = await newContext(session.browser, viewport);
      page = await context.newPage();
    });
    afterAll(async () => {
      await context.close();
    });

    test("step 1: the CGU must be accepted", async () => {
      await page.goto("/");
      await page.getByRole("link", { name: "Créer mon espace" }).click();
      await page.waitForURL("**/creer-mon-espace");
      await expect(page.getByText("Étape 1 sur 6 : Bienvenue").isVisible()).resolves.toBe(true);
      await axe(page);
      await press(page, "Suivant");
      // The form's checks run once zod has loaded (on the first focus in the form): wait for the banner's text.
      await page.getByRole("alert").filter({ hasText: BANNER }).first().waitFor({ timeout: 15_000 });
      await expect(page.getByRole("alert").first().innerText()).resolves.toContain(BANNER);
      await expectFieldError(
        page,
        "J'accepte les conditions générales d'utilisation",
        "Vous devez accepter les conditions générales d'utilisation pour poursuivre.",
      );
      await axe(page);
      await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
      await press(page, "Suivant");
      await page.waitForURL("**/creer-mon-espace/identite");
    });

    test("step 2: identity, with the INSEE birth place and every error on its field", async () => {
      await axe(page);
      await press(page, "Suivant");
      // The form's checks run once zod has loaded (on the first focus in the form): wait for the banner's text.
      await page.getByRole("alert").filter({ hasText: BANNER }).first().waitFor({ timeout: 15_000 });
      await expect(page.getByRole("alert").first().innerText()).resolves.toContain(BANNER);
      await expect(page.evaluate(() => document.activeElement?.getAttribute("role"))).resolves.toBe("alert");
      await expectFieldError(page, /Civilité/, "Le champ 'civilité' est obligatoire.");
      await expectFieldError(page, /Nom usuel/, "Le champ 'nom usuel' est obligatoire.");
      await expectFieldError(page, /Prénom\(s\)/, "Le champ 'prénom(s)' est obligatoire.");
      await axe(page);
      await page.getByLabel(/Civilité/).selectOption("MONSIEUR");
      await page.getByLabel(/Nom usuel/).fill("TESTO");
      await page.getByLabel(/Prénom\(s\)/).fill("Maurice");
      await page.getByLabel("Date de naissance").fill("31/02/1979");
      await press(page, "Suivant");
      await expectFieldError(page, "Date de naissance", "Le champ 'date de naissance' est mal renseigné. Format attendu : jj/mm/aaaa.");
      // What was typed is still there.
      await expect(page.getByLabel(/Nom usuel/).inputValue()).resolves.toBe("TESTO");
      await page.getByLabel("Date de naissance").fill("29/04/1979");
      await page.getByLabel("Pays de naissance").selectOption("99100");
      await page.getByLabel("Département de naissance").selectOption("33");
      await page.getByLabel("Commune de naissance").locator("option", { hasText: "Carbon-Blanc" }).waitFor({ state: "attached" });
      await page.getByLabel("Commune de naissance").selectOption({ label: "Carbon-Blanc" });
      await press(page, "Suivant");
      await page.waitForURL("**/creer-mon-espace/adresse");
    });

    test("step 3: the address survives Précédent and Suivant", async () => {
      await axe(page);
      await page.getByLabel("Adresse complète").fill("1 Avenue André Vignau Anglade");
      await page.getByLabel("Code postal").fill("33560");
      await page.getByLabel("Ville").fill("Carbon-Blanc");
      await press(page, "Précédent");
      await page.waitForURL("**/creer-mon-espace/identite");
      await expect(page.getByLabel(/Prénom\(s\)/).inputValue()).resolves.toBe("Maurice");
      await expect(page.getByLabel("Commune de naissance").inputValue()).resolves.toBe("33096");
      await press(page, "Suivant");
      await page.waitForURL("**/creer-mon-espace/adresse");
      await expect(page.getByLabel("Code postal").inputValue()).resolves.toBe("33560");
      await page.reload();
      await expect(page.getByLabel("Ville").inputValue()).resolves.toBe("Carbon-Blanc");
      await press(page, "Suivant");
      await page.waitForURL("**/creer-mon-espace/contact");
    });

    test("step 4: contact means, phone numbers checked", async () => {
      await axe(page);
      await page.getByLabel("Mobile").fill("06 12 34");
      await page.getByLabel(/Courriel/).fill("pas-une-adresse");
      await press(page, "Suivant");
      await expectFieldError(page, "Mobile", "Le champ 'mobile' doit être un numéro de téléphone valide (exemple : 06 12 34 56 78).");
      await expectFieldError(page, /Courriel/, "Le champ 'courriel' doit être une adresse électronique valide (exemple : nom@domaine.fr).");
      await page.getByLabel("Mobile").fill("06 12 34 56 78");
      await page.getByLabel(/Courriel/).fill(email);
      await press(page, "Suivant");
      await page.waitForURL("**/creer-mon-espace/authentification");
    });

    test("step 5: identifier taken, weak password, confirmation", async () => {
      await axe(page);
      await expect(
        page.getByText("Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins : 1 minuscule(s), 1 chiffre(s)").isVisible(),
      ).resolves.toBe(true);
      await page.getByLabel(/Identifiant d'utilisateur/).fill(demoParent.login);
      await expect(page.getByText("Cet identifiant est déjà utilisé : choisissez-en un autre.").waitFor()).resolves.toBeUndefined();
      await page.getByLabel(/Identifiant d'utilisateur/).fill(login);
      await expect(page.getByText("Cet identifiant est disponible.").waitFor()).resolves.toBeUndefined();
      await page.getByLabel(/^\*?\s*Mot de passe/).fill("bonjour1");
      await page.getByLabel(/Confirmation du mot de passe/).fill("bonjour2");
      await press(page, "Suivant");
      await expectFieldError(page, /Confirmation du mot de passe/, "La confirmation ne correspond pas au mot de passe.");
      await page.getByLabel(/Confirmation du mot de passe/).fill("bonjour1");
      await press(page, "Suivant");
      await expectFieldError(
        page,
        /^\*?\s*Mot de passe/,
        "Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en un autre, par exemple plusieurs mots séparés par des tirets.",
      );
      await page.getByLabel(/Clé enfance/).fill("ABCD");
      await page.getByLabel(/^\*?\s*Mot de passe/).fill(password);
      await page.getByLabel(/Confirmation du mot de passe/).fill(password);
      await expect(page.getByText("Robustesse du mot de passe : Fort.").waitFor()).resolves.toBeUndefined();
      await press(page, "Suivant");
      await expectFieldError(
        page,
        /Clé enfance/,
        "La clé enfance saisie n'est pas valide : vérifiez chaque caractère (16 caractères, par exemple ABCD-EFGH-JKMN-PQR5).",
      );
      await page.getByLabel(/Clé enfance/).fill("");
      await page.getByLabel(/^\*?\s*Mot de passe/).fill(password);
      await page.getByLabel(/Confirmation du mot de passe/).fill(password);
      await press(page, "Suivant");
      await page.waitForURL("**/creer-mon-espace/securite");
    });

    test("step 6: the proof-of-work check, then the confirmation page", async () => {
      await expect(page.getByText("Vérification terminée : vous pouvez valider.").waitFor({ timeout: 20_000 })).resolves.toBeUndefined();
      await axe(page);
      await press(page, "Valider");
      await page.waitForURL("**/creer-mon-espace/confirmation");
      const text = await page.locator("main").innerText();
      expect(text).toContain("M. Maurice TESTO,");
      expect(text).toContain("Vous avez demandé la création de votre compte personnel sur l'Espace Famille.");
      expect(text).toContain(email);
      await axe(page);
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `test-results/signup-confirmation-${name}.png`, fullPage: true });
    });

    test("an account not yet activated cannot sign in, and is told why", async () => {
      await signIn(page, login, password);
      await expect(page.getByText("Votre compte n'est pas encore activé").waitFor()).resolves.toBeUndefined();
      await expect(page.getByRole("link", { name: "Recevoir un nouveau lien d'activation" }).isVisible()).resolves.toBe(true);
    });

    test("the activation link from the mail activates the account, once", async () => {
      const link = await linkFromOutbox(page, email, /https?:\/\/\S+\/activation\?jeton=[\w-]+/);
      await page.goto(link);
      const text = await page.locator("main").innerText();
      expect(text).toContain("Votre compte personnel a bien été activé");
      expect(text).toContain(`Pour rappel, votre identifiant de connexion est : ${login}`);
      await expect(page.getByRole("link", { name: "Déclarer ma famille" }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole("link", { name: "Accéder à mon Espace Famille" }).isVisible()).resolves.toBe(true);
      await axe(page);
    });

    test("signing in and out", async () => {
      await signIn(page, login, "wrong-password-1");
      await expect(page.getByText("Identifiant ou mot de passe incorrect.").waitFor()).resolves.toBeUndefined();
      await signIn(page, login, password);
      await page.waitForURL("**/espace");
      await expect(page.getByText("Bonjour Monsieur TESTO").isVisible()).resolves.toBe(true);
      await axe(page);
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.goto("/espace");
      await page.waitForURL("**/connexion?retour=%2Fespace");
    });

    test("a forgotten password is reset from a mailed link, which works once", async () => {
      await page.goto("/");
      await page.getByRole("link", { name: "J'ai oublié mon mot de passe" }).first().click();
      await page.waitForURL("**/mot-de-passe-oublie");
      await axe(page);
      await page.getByLabel(/Identifiant ou courriel/).fill(email);
      await page.getByRole("button", { name: "Recevoir un lien" }).click();
      await expect(page.getByText("Si un compte correspond à ces informations").waitFor()).resolves.toBeUndefined();
      const link = await linkFromOutbox(page, email, /https?:\/\/\S+\/mot-de-passe-oublie\/nouveau\?jeton=[\w-]+/);
      await page.goto(link);
      await axe(page);
      const newPassword = "Nouveau-Depart-42";
      await page.getByLabel(/Nouveau mot de passe/).fill(newPassword);
      await page.getByLabel(/Confirmation du mot de passe/).fill(newPassword);
      await page.getByRole("button", { name: "Enregistrer mon nouveau mot de passe" }).click();
      await page.waitForURL("**/connexion?mot-de-passe=change");
      await signIn(page, login, newPassword);
      await page.waitForURL("**/espace");
      await page.goto(link);
      await expect(page.getByText("Ce lien a déjà été utilisé.").isVisible()).resolves.toBe(true);
    });
  },
);
