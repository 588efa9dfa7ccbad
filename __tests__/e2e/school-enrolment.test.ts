import type { BrowserContext, Page } from "playwright-core";
import { simplePdf } from "@/lib/platform/pdf/simple-document";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { createParent, type TestParent } from "../fixtures/parents";
import { expectNoHorizontalScroll, launchBrowser, newContext, viewports, type BrowserSession } from "./support/browser";
import { axe, signIn, unique } from "./support/journeys";
import { signInStaff, staffAccounts } from "./support/staff";

/**
 * School enrolment in a real browser (demo carte scolaire loaded by the demo data; the Carbon-Blanc campaign is
 * open from 1 December 2026): a parent on a phone finds her schools from her address with the keyboard, asks
 * for petite section, an agent validates and she downloads the certificate; a derogation for her elder child
 * is refused with its reason, which she reads. Axe on every page visited.
 */
let session: BrowserSession;
let parent: TestParent;
let parentContext: BrowserContext;
let agentContext: BrowserContext;
let parentPage: Page;
let agentPage: Page;
const suffix = unique();
const little = `Léa${suffix}`;
const elder = `Tom${suffix}`;

beforeAll(async () => {
  session = await launchBrowser();
  parent = await createParent({ usageName: "ECOLE", firstNames: "Julie" });
  const prisma = testPrisma();
  const family = await prisma.family.create({ data: { dossierNumber: `F-E2E-${suffix}`, status: "ACTIVE" } });
  await prisma.account.update({ where: { id: parent.id }, data: { familyId: family.id } });
  await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "HOLDER",
      accountId: parent.id,
      usageName: "ECOLE",
      firstName: "Julie",
      streetNumber: "12",
      streetName: "Rue Jean-Jaurès",
      postalCode: "33560",
      city: "Carbon-Blanc",
    },
  });
  // Carbon-Blanc's campaign enrols for 2027-2028 (lib/town/towns/carbon-blanc.ts).
  const year = 2027;
  await prisma.familyMember.create({
    data: { familyId: family.id, role: "CHILD", usageName: "ECOLE", firstName: little, birthDate: new Date(`${year - 3}-04-02`) },
  });
  await prisma.familyMember.create({
    data: { familyId: family.id, role: "CHILD", usageName: "ECOLE", firstName: elder, birthDate: new Date(`${year - 6}-10-20`) },
  });
  parentContext = await newContext(session.browser, viewports.phone);
  agentContext = await newContext(session.browser, viewports.desktop);
  parentPage = await parentContext.newPage();
  agentPage = await agentContext.newPage();
});

afterAll(async () => {
  await session.close();
  await closeTestPrisma();
});

const pdf = async (name: string) => ({
  name: `${name}.pdf`,
  mimeType: "application/pdf",
  buffer: Buffer.from(await simplePdf({ title: name, paragraphs: ["Pièce de test"], author: "Test" })),
});

/** Uploads what the form still asks for: a document the family's file already holds, still valid, is reused. */
async function attachDocuments(form: ReturnType<Page["locator"]>) {
  for (const [label, name] of [
    [/Livret de famille/, "livret"],
    [/Justificatif de domicile/, "domicile"],
    [/Carnet de vaccinations/, "vaccins"],
  ] as const) {
    const input = form.locator('input[type="file"]').and(form.getByLabel(label));
    if ((await input.count()) > 0) await input.setInputFiles(await pdf(name));
  }
  // The vaccination page is about one child: it is always asked for.
  expect(
    await form
      .locator('input[type="file"]')
      .and(form.getByLabel(/Carnet de vaccinations/))
      .count(),
  ).toBe(1);
}

function childSection(page: Page, firstName: string) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: new RegExp(firstName) }) });
}

async function openRequestAsAgent(childFirstName: string) {
  const row = await testPrisma().schoolEnrolment.findFirstOrThrow({
    where: { child: { firstName: childFirstName } },
    select: { reference: true },
  });
  await agentPage.goto("/admin/inscriptions-scolaires");
  await axe(agentPage);
  await agentPage.getByRole("link", { name: row.reference }).click();
  await agentPage.getByRole("heading", { name: `Demande ${row.reference}` }).waitFor();
  await axe(agentPage);
}

it("a parent finds her schools from her address on a phone, with the keyboard", async () => {
  await parentPage.goto("/");
  await parentPage.getByRole("link", { name: "carte scolaire", exact: true }).click();
  await parentPage.waitForURL("**/carte-scolaire");
  await axe(parentPage);
  await expectNoHorizontalScroll(parentPage);
  const field = parentPage.getByRole("combobox", { name: "Votre adresse dans la commune" });
  await field.fill("12 jean jau");
  await parentPage.getByRole("option", { name: "Rue Jean-Jaurès" }).waitFor();
  await field.press("ArrowDown");
  await field.press("Enter");
  expect(await field.inputValue()).toBe("12 Rue Jean-Jaurès");
  await field.press("Enter");
  await parentPage.waitForURL("**/carte-scolaire/resultat?**");
  await parentPage.getByRole("heading", { name: "École maternelle Les Tilleuls" }).waitFor();
  expect(await parentPage.getByRole("main").innerText()).toContain("05 36 49 10 01");
  await axe(parentPage);
  await expectNoHorizontalScroll(parentPage);
});

it("she asks for petite section, an agent validates, and she downloads the certificate", async () => {
  await signIn(parentPage, parent.login, parent.password);
  await parentPage.waitForURL("**/espace");
  await parentPage.getByRole("link", { name: "Inscription scolaire" }).click();
  await parentPage.waitForURL("**/espace/inscription-scolaire");
  await axe(parentPage);
  await expectNoHorizontalScroll(parentPage);
  const section = childSection(parentPage, little);
  expect(await section.getByLabel(`Niveau de ${little} à la rentrée`).inputValue()).toBe("PS");
  await attachDocuments(section);
  await section.getByRole("button", { name: "Envoyer la demande d'inscription" }).click();
  await parentPage.waitForURL("**/espace/inscription-scolaire?envoyee=1");
  await childSection(parentPage, little).getByText("En cours d'examen").waitFor();
  await axe(parentPage);

  await signInStaff(agentPage, staffAccounts.agent);
  await openRequestAsAgent(little);
  // The agent checks the vaccination record the parent sent before deciding (a download, recorded in the audit log).
  const vaccinations = agentPage.waitForEvent("download");
  await agentPage.getByRole("link", { name: /télécharger : Carnet de vaccinations/ }).click();
  expect((await vaccinations).suggestedFilename()).toBe("vaccins.pdf");
  await agentPage.getByRole("button", { name: /Valider l'inscription à École maternelle Les Tilleuls/ }).click();
  await agentPage.getByText("Décision enregistrée.").waitFor();

  await parentPage.reload();
  const download = parentPage.waitForEvent("download");
  await childSection(parentPage, little)
    .getByRole("link", { name: /Télécharger le certificat d'inscription/ })
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^certificat-inscription-SCO-\d{4}-[0-9A-F]{6}\.pdf$/);
  await axe(parentPage);
});

it("a derogation for her elder child is refused with its reason, which she reads", async () => {
  await parentPage.goto("/espace/inscription-scolaire");
  const section = childSection(parentPage, elder);
  expect(await section.getByLabel(`Niveau de ${elder} à la rentrée`).inputValue()).toBe("CP");
  await section.getByLabel("Oui, je demande une autre école").check();
  await section.getByLabel("École demandée").selectOption({ label: "École élémentaire Louis-Pasteur" });
  await section.getByLabel("Motif de la dérogation").selectOption("TRAVAIL");
  await section.getByLabel("Justificatif du motif").setInputFiles(await pdf("attestation-employeur"));
  await attachDocuments(section);
  await section.getByRole("button", { name: "Envoyer la demande d'inscription" }).click();
  await parentPage.waitForURL("**/espace/inscription-scolaire?envoyee=1");

  await openRequestAsAgent(elder);
  await agentPage.getByLabel(/Motif du refus de la dérogation/).fill("Classes de CP complètes à l'école Louis-Pasteur.");
  await agentPage.getByRole("button", { name: "Refuser la dérogation" }).click();
  await agentPage.getByText("Décision enregistrée.").waitFor();

  await parentPage.reload();
  await childSection(parentPage, elder)
    .getByText("Motif du refus de la dérogation : Classes de CP complètes à l'école Louis-Pasteur.")
    .waitFor();
  await axe(parentPage);
});

it("an agent gives a school its new phone number and the public carte scolaire shows it at once", async () => {
  await agentPage.goto("/admin/carte-scolaire");
  await axe(agentPage);
  await agentPage.getByRole("link", { name: "Modifier École maternelle Les Tilleuls" }).click();
  await agentPage.getByRole("heading", { name: "Modifier : École maternelle Les Tilleuls" }).waitFor();
  await axe(agentPage);
  const phone = agentPage.getByLabel("Téléphone");
  await agentPage.getByLabel("Courriel").fill("tilleuls@");
  await phone.fill("05 36 49 10 77");
  await agentPage.getByRole("button", { name: "Enregistrer l'école" }).click();
  await agentPage.getByText("doit être une adresse électronique valide").first().waitFor();
  expect(await agentPage.getByLabel("Téléphone").inputValue()).toBe("05 36 49 10 77"); // nothing typed is lost
  await agentPage.getByLabel("Courriel").fill("ecole.tilleuls@carbon-blanc.fr");
  await agentPage.getByRole("button", { name: "Enregistrer l'école" }).click();
  await agentPage.getByText("École enregistrée").first().waitFor();

  await parentPage.goto(`/carte-scolaire/resultat?adresse=${encodeURIComponent("12 Rue Jean-Jaurès")}`);
  await parentPage.getByRole("heading", { name: "École maternelle Les Tilleuls" }).waitFor();
  expect(await parentPage.getByRole("main").innerText()).toContain("05 36 49 10 77");
});
