import type { BrowserContext, Page } from "playwright-core";
import { demoParentWithInvoices } from "@/lib/platform/demo/accounts";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { expectNoHorizontalScroll, launchBrowser, newContext, viewports, type BrowserSession } from "./support/browser";
import { axe, signIn } from "./support/journeys";
import { signInStaff, staffAccounts } from "./support/staff";

/**
 * Billing in a real browser, on the demo data: an agent reviews last month's draft and publishes it; the parent,
 * on a phone, sees the invoice, pays it through the PayFiP stand-in and sees it paid. axe on every page.
 */
let session: BrowserSession;
let agent: BrowserContext;
let parent: BrowserContext;

beforeAll(async () => {
  session = await launchBrowser();
  agent = await newContext(session.browser, viewports.desktop);
  parent = await newContext(session.browser, viewports.phone);
});

afterAll(async () => {
  await session.close();
  await closeTestPrisma();
});

test("an agent reviews the month's draft, corrects a flagged line and publishes it", async () => {
  const page: Page = await agent.newPage();
  await signInStaff(page, staffAccounts.agent);
  await page.goto("/admin/facturation");
  await axe(page);
  const draft = await testPrisma().billingRun.findFirstOrThrow({
    where: { status: "DRAFT", invoices: { some: { family: { dossierNumber: "F-2026-DEMO02" } } } },
  });
  await page.goto(`/admin/facturation/campagnes/${draft.id}`);
  await page
    .getByText(/À vérifier : Pointage non saisi/)
    .first()
    .waitFor();
  await axe(page);

  const flagged = page.locator("li").filter({ hasText: "À vérifier : Pointage non saisi" }).first();
  await flagged.getByText("Corriger cette ligne").click();
  await flagged.getByLabel("Nouveau montant (en euros)").fill("0");
  await flagged.getByLabel("Motif").fill("Tom était absent, vérifié avec l'école");
  await flagged.getByRole("button", { name: "Enregistrer la correction" }).click();
  await page.getByText("La ligne est corrigée.").first().waitFor();

  const publish = page.locator("section").filter({ has: page.getByRole("heading", { name: "Publier la campagne" }) });
  await publish.getByLabel(/je publie ces factures/).check();
  await publish.getByRole("button", { name: "Publier les factures" }).click();
  await page
    .getByText(/Campagne publiée : 1 facture/)
    .first()
    .waitFor();
  const invoice = await testPrisma().invoice.findFirstOrThrow({ where: { runId: draft.id } });
  expect(invoice.number).toMatch(/^RES-\d{4}-\d{5}$/);
  expect(await testPrisma().invoiceLine.count({ where: { invoiceId: invoice.id, correction: { not: null } } })).toBe(1);
});

test("a parent on a phone sees the invoice, pays it through PayFiP and sees it paid", async () => {
  const page: Page = await parent.newPage();
  await signIn(page, demoParentWithInvoices.login, demoParentWithInvoices.password);
  await page.waitForURL("**/espace");
  await page.getByRole("link", { name: "Mes factures" }).click();
  await page.getByRole("heading", { name: "Mes factures", level: 1 }).first().waitFor();
  await page.getByText(/720 €/).first().waitFor();
  await axe(page);
  await expectNoHorizontalScroll(page);

  const published = await testPrisma().invoice.findFirstOrThrow({
    where: { family: { dossierNumber: "F-2026-DEMO02" }, status: "ISSUED" },
    orderBy: { issuedAt: "asc" },
  });
  await page.getByRole("link", { name: new RegExp(published.number!) }).click();
  await page
    .getByRole("heading", { name: `Facture ${published.number}` })
    .first()
    .waitFor();
  await page.getByText("Détail par enfant et par jour").first().waitFor();
  await axe(page);
  await expectNoHorizontalScroll(page);

  const pdf = await page.request.get(`/espace/factures/${published.id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByRole("button", { name: /en ligne/ }).click();
  await page.waitForURL(/\/tpa\/paiementws\.web\?idop=/);
  const payment = await testPrisma().payment.findFirstOrThrow({ where: { invoiceId: published.id } });
  expect(payment.status).toBe("PENDING");
  await axe(page);
  await page.getByRole("button", { name: /Payer par carte/ }).click();
  await page.waitForURL(new RegExp(`/espace/factures/${published.id}\\?paiement=SUCCEEDED`));
  await page.getByText("Votre paiement a été accepté.", { exact: false }).first().waitFor();
  await page.getByText("Payée", { exact: true }).first().waitFor();
  await axe(page);
  expect((await testPrisma().invoice.findUniqueOrThrow({ where: { id: published.id } })).status).toBe("PAID");
});

test("another parent gets no invoice and no PDF", async () => {
  const invoice = await testPrisma().invoice.findFirstOrThrow({
    where: { family: { dossierNumber: "F-2026-DEMO02" }, status: { not: "DRAFT" } },
  });
  const visitor = await newContext(session.browser, viewports.phone);
  // A visitor is sent to the sign-in page, as for every file of the parent's space.
  const anonymous = await visitor.request.get(`/espace/factures/${invoice.id}/pdf`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(new URL(anonymous.headers().location ?? "", "http://x").pathname).toBe("/connexion");
  await visitor.close();
});
