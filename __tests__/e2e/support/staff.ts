import type { Page } from "playwright-core";
import { demoAdmin, demoAgent, demoParent } from "@/lib/platform/demo/accounts";
import { totpCode, totpStep, TOTP_PERIOD_SECONDS } from "@/lib/auth/totp";

export const staffAccounts = { admin: demoAdmin, agent: demoAgent } as const;
export { demoParent };

// A code is accepted once (replay guard): remember the last step used per secret and wait for the next one.
const lastStep = new Map<string, number>();

/** A fresh TOTP code this run has not used yet (waits up to 30 s for the next time step). */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const step = totpStep();
    if (step > (lastStep.get(secret) ?? -1)) {
      lastStep.set(secret, step);
      return totpCode(secret);
    }
    const msIntoStep = Date.now() % (TOTP_PERIOD_SECONDS * 1000);
    await new Promise((resolve) => setTimeout(resolve, TOTP_PERIOD_SECONDS * 1000 - msIntoStep + 200));
  }
}

export async function submitStaffPassword(page: Page, login: string, password: string) {
  await page.goto("/admin/connexion");
  await page.getByLabel("Identifiant").fill(login);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Connexion" }).click();
}

/**
 * Types a fresh code and lands on the back-office home. A code already used in this time step (by an
 * earlier run against the same server) is refused as a replay: then wait for the next step and retry once.
 */
export async function enterTotpCode(page: Page, secret: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const code = await freshTotpCode(secret);
    await page.getByLabel("Code à 6 chiffres").fill(code);
    // Wait for this submission's own answer: an earlier error message may still be on screen.
    await Promise.all([
      page.waitForResponse(
        (response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/admin/connexion/"),
      ),
      page.getByRole("button", { name: /^(Valider|Activer et me connecter)$/ }).click(),
    ]);
    // A success answers with a redirect that the page then follows: give it a moment.
    if (
      await page
        .waitForURL((url) => url.pathname === "/admin", { timeout: 10_000 })
        .then(
          () => true,
          () => false,
        )
    )
      return code;
    const replayed = await page.getByText("Ce code a déjà été utilisé").isVisible();
    if (!replayed || attempt > 0) throw new Error(`TOTP code refused: ${await page.locator("main").innerText()}`);
  }
}

/** Identifier, password, then the 6-digit code: lands on the back-office home. */
export async function signInStaff(page: Page, account: { login: string; password: string; totpSecret: string }) {
  await submitStaffPassword(page, account.login, account.password);
  await page.waitForURL("**/admin/connexion/code");
  await enterTotpCode(page, account.totpSecret);
}

export async function signInParent(page: Page) {
  await page.goto("/connexion");
  const form = page.locator("main form").filter({ has: page.getByLabel("Mot de passe") });
  await form.getByLabel("Identifiant").fill(demoParent.login);
  await form.getByLabel("Mot de passe").fill(demoParent.password);
  await form.getByRole("button", { name: "Connexion" }).click();
  await page.waitForURL("**/espace");
}
