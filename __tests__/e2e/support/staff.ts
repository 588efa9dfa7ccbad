import type { Page } from "playwright-core";
import { demoAdmin, demoAgent, demoParent } from "@/lib/demo/accounts";
import { totpCode, totpStep, TOTP_PERIOD_SECONDS } from "@/lib/staff/totp";

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

/** Identifier, password, then the 6-digit code: lands on the back-office home. */
export async function signInStaff(page: Page, account: { login: string; password: string; totpSecret: string }) {
  await submitStaffPassword(page, account.login, account.password);
  await page.waitForURL("**/admin/connexion/code");
  await page.getByLabel("Code à 6 chiffres").fill(await freshTotpCode(account.totpSecret));
  await page.getByRole("button", { name: "Valider" }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
}

export async function signInParent(page: Page) {
  await page.goto("/connexion");
  const form = page.locator("main form").filter({ has: page.getByLabel("Mot de passe") });
  await form.getByLabel("Identifiant").fill(demoParent.login);
  await form.getByLabel("Mot de passe").fill(demoParent.password);
  await form.getByRole("button", { name: "Connexion" }).click();
  await page.waitForURL("**/espace");
}
