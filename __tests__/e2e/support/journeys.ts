import type { Page } from "playwright-core";
import { expectNoAxeViolations } from "./browser";

/** A unique suffix so runs never collide on identifiers or addresses. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The newest mail to an address in the local outbox, and the first link in it matching `pattern`. */
export async function linkFromOutbox(page: Page, to: string, pattern: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await page.goto(`/dev/courriels?destinataire=${encodeURIComponent(to)}`);
    const text = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    const match = text.match(pattern);
    if (match) return match[0];
    await page.waitForTimeout(250);
  }
  throw new Error(`No mail to ${to} with a link matching ${pattern}`);
}

export async function signIn(page: Page, login: string, password: string) {
  await page.goto("/connexion");
  const form = page.locator("main form").filter({ has: page.getByLabel("Mot de passe") });
  await form.getByLabel("Identifiant").fill(login);
  await form.getByLabel("Mot de passe").fill(password);
  await form.getByRole("button", { name: "Connexion" }).click();
}

/** Clicks a wizard button and waits for the next page (or the same one with errors) to settle. */
export async function press(page: Page, name: "Suivant" | "Précédent" | "Valider") {
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForLoadState("networkidle");
}

export async function axe(page: Page) {
  await page.waitForLoadState("load");
  // After a client-side navigation (a server action's redirect) Next.js sets the new <title> a moment after the
  // URL changes: give it that moment. A page really without a title still fails below, with axe's message.
  await page.waitForFunction(() => document.title !== "", null, { timeout: 5_000 }).catch(() => undefined);
  await expectNoAxeViolations(page);
}
