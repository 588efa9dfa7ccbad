import type { BrowserContext, Page } from "playwright-core";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { createParent, type TestParent } from "../fixtures/parents";
import { expectNoHorizontalScroll, launchBrowser, newContext, viewports, type BrowserSession } from "./support/browser";
import { axe, signIn, unique } from "./support/journeys";
import { signInStaff, staffAccounts } from "./support/staff";

let session: BrowserSession;
beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
  await closeTestPrisma();
});

/** A validated family: the parent holds it, with parental authority over one child, and a contact. */
async function validatedFamily(parent: TestParent) {
  const prisma = testPrisma();
  const family = await prisma.family.create({ data: { dossierNumber: `F-E2E-${unique()}`, status: "ACTIVE" } });
  await prisma.account.update({ where: { id: parent.id }, data: { familyId: family.id } });
  const holder = await prisma.familyMember.create({
    data: { familyId: family.id, role: "HOLDER", accountId: parent.id, usageName: "FICHE", firstName: "Maurice" },
  });
  const firstName = `Lina${unique().slice(-4)}`;
  const child = await prisma.familyMember.create({
    data: { familyId: family.id, role: "CHILD", usageName: "FICHE", firstName, birthDate: new Date("2016-05-04") },
  });
  await prisma.parentalLink.create({ data: { childId: child.id, representativeId: holder.id, quality: "PERE", parentalAuthority: true } });
  await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "CONTACT",
      usageName: "FICHE",
      firstName: "Mamie",
      mobile: "+33611223344",
      relationship: "GRAND_MERE",
    },
  });
  return { childId: child.id, firstName };
}

describe("a parent completes and later confirms a child's file on a phone; an agent sees the PAI list", () => {
  let context: BrowserContext;
  let page: Page;
  let parent: TestParent;
  let child: { childId: string; firstName: string };

  beforeAll(async () => {
    parent = await createParent({ usageName: "FICHE" });
    child = await validatedFamily(parent);
    context = await newContext(session.browser, viewports.phone);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  test("completes the file: a wrong field is refused in French, nothing typed is lost", async () => {
    await signIn(page, parent.login, parent.password);
    await page.waitForURL("**/espace");
    await page.getByRole("link", { name: "Les fiches de mes enfants" }).click();
    await page.waitForURL("**/espace/enfants");
    await axe(page);
    await page.getByRole("link", { name: new RegExp(child.firstName) }).click();
    await page.getByRole("link", { name: "Remplir la fiche" }).click();
    await page.waitForURL(`**/espace/enfants/${child.childId}/modifier`);
    await axe(page);

    await page.getByRole("button", { name: "Ajouter une allergie" }).click();
    await page.getByLabel("Allergie 1").fill("Arachide");
    await page.getByLabel("Réaction").fill("Gonflement des lèvres");
    await page.getByLabel("Conduite à tenir").fill("Stylo d'adrénaline puis appeler le 15");
    await page.getByRole("group", { name: /PAI/ }).getByLabel("Oui").check();
    await page.getByLabel("Date de fin du PAI").fill("31/02/2027");
    for (const group of await page.getByRole("group", { name: /J'autorise/ }).all()) await group.getByLabel("Oui").check();
    await page.getByRole("button", { name: /Ajouter Mamie FICHE/ }).click();
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();

    await expect(page.getByText("Le champ 'date de fin du PAI' est mal renseigné.", { exact: false }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel("Allergie 1").inputValue()).resolves.toBe("Arachide");
    await page.getByLabel("Date de fin du PAI").fill("05/07/2027");
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await page.waitForURL(`**/espace/enfants/${child.childId}?enregistree=1`);
    const text = await page.locator("main").innerText();
    expect(text).toContain("Arachide");
    expect(text).toContain("jusqu'au 05/07/2027");
    expect(text).toContain("Mamie FICHE");
    expect(text).toContain("Fiche remplie par Maurice TESTO".replace("TESTO", "FICHE"));
    await axe(page);
    await expectNoHorizontalScroll(page);
  });

  test("a year later: « Rien n'a changé » confirms it in one click", async () => {
    // The file was last confirmed for the previous school year.
    await testPrisma().childFile.update({ where: { childId: child.childId }, data: { confirmedSchoolYear: "2000-2001" } });
    await page.goto(`/espace/enfants/${child.childId}`);
    await expect(page.getByRole("heading", { name: /Confirmez la fiche pour/ }).isVisible()).resolves.toBe(true);
    await axe(page);
    await page.getByRole("button", { name: "Rien n'a changé" }).click();
    await page.waitForURL(`**/espace/enfants/${child.childId}?confirmee=1`);
    await expect(page.getByRole("status").innerText()).resolves.toContain("la fiche est confirmée");
    await expect(page.locator("main").innerText()).resolves.toContain("Fiche confirmée sans changement");
  });

  test("an agent with the health access sees the child in the PAI list, then the file", async () => {
    const staffContext = await newContext(session.browser, viewports.desktop);
    const staffPage = await staffContext.newPage();
    await signInStaff(staffPage, staffAccounts.agent);
    await staffPage.goto("/admin/enfants");
    const row = staffPage.getByRole("row", { name: new RegExp(child.firstName) });
    await expect(row.innerText()).resolves.toContain("Arachide");
    await expect(row.innerText()).resolves.toContain("À vérifier");
    await axe(staffPage);
    await row.getByRole("link").click();
    await staffPage.getByRole("button", { name: "Marquer comme vu" }).click();
    await staffPage.waitForURL("**?vu=1");
    await axe(staffPage);
    await staffContext.close();
  });
});

test("a parent declares the birth of the child the family was expecting, with the keyboard", async () => {
  const parent = await createParent({ usageName: "NAISSANCE" });
  const prisma = testPrisma();
  const family = await prisma.family.create({ data: { dossierNumber: `F-E2E-${unique()}`, status: "ACTIVE" } });
  await prisma.account.update({ where: { id: parent.id }, data: { familyId: family.id } });
  const holder = await prisma.familyMember.create({
    data: { familyId: family.id, role: "HOLDER", accountId: parent.id, usageName: "NAISSANCE", firstName: "Inès" },
  });
  const expected = await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "CHILD",
      usageName: "NAISSANCE",
      firstName: "Bébé",
      expectedBirth: true,
      expectedBirthDate: new Date("2026-11-20"),
    },
  });
  await prisma.parentalLink.create({
    data: { childId: expected.id, representativeId: holder.id, quality: "MERE", parentalAuthority: true },
  });
  const context = await newContext(session.browser, viewports.phone);
  const page = await context.newPage();
  try {
    await signIn(page, parent.login, parent.password);
    await page.waitForURL("**/espace");
    await page.goto(`/espace/enfants/${expected.id}`);
    const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "Déclarer la naissance" }) });
    await section.waitFor();
    await axe(page);
    await section.getByLabel(/Prénom/).fill("Lina");
    await section.getByLabel(/Date de naissance/).fill("31/02/2026");
    await section.getByLabel(/Sexe/).selectOption("FEMININ");
    await section.getByLabel(/Date de naissance/).press("Enter");
    await section.getByText(/Le champ 'date de naissance' est mal renseigné/).waitFor();
    expect(await section.getByLabel(/Prénom/).inputValue()).toBe("Lina"); // nothing typed is lost
    await axe(page);
    await section.getByLabel(/Date de naissance/).fill("25/11/2026");
    await section.getByLabel(/Date de naissance/).press("Enter");
    await page.getByText("la naissance de Lina est enregistrée").waitFor();
    expect(await page.getByRole("heading", { name: "Déclarer la naissance" }).count()).toBe(0);
    expect(await prisma.familyMember.findUniqueOrThrow({ where: { id: expected.id } })).toMatchObject({
      expectedBirth: false,
      sex: "FEMININ",
      firstName: "Lina",
    });
    await expectNoHorizontalScroll(page);
  } finally {
    await context.close();
  }
});
