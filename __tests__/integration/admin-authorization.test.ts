import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { dashboardCounts } from "@/lib/admin/dashboard";
import { listAuditEntries } from "@/lib/journal/queries";
import { createNews, deleteNews, getNewsForStaff, listNewsForStaff, setNewsPublished, updateNews } from "@/lib/content/news-admin";
import {
  createPublicDocument,
  deletePublicDocument,
  listPublicDocumentsForStaff,
  readPublicDocumentForStaff,
  setPublicDocumentPublished,
  updatePublicDocument,
} from "@/lib/content/public-documents-admin";
import {
  childKeyLetter,
  createKnownFamily,
  getFamilyForStaff,
  issueFamilyChildKey,
  revokeFamilyChildKeys,
  searchFamilies,
} from "@/lib/dossier/service";
import { simplePdf } from "@/lib/platform/pdf/simple-document";
import {
  changeStaffRole,
  createStaff,
  getStaffForAdmin,
  listStaff,
  resetStaffPassword,
  resetStaffTotp,
  setStaffActive,
} from "@/lib/staff/accounts";
import { ForbiddenError, type Caller } from "@/lib/platform/security/authorize";
import { setAgentsNeedTotp, updateLegalTexts, updateTownContact } from "@/lib/platform/town/settings";
import { testPrisma } from "../fixtures/db";
import { createParent } from "../fixtures/parents";

/**
 * Every back-office function, called by nobody, a parent, a deactivated staff member, an agent and an
 * administrator: the function itself refuses whoever may not call it, whatever the page or action did before.
 */
const prisma = testPrisma();
const callers: Record<"anonymous" | "parent" | "deactivated" | "agent" | "admin", Caller> = {
  anonymous: null,
  parent: null,
  deactivated: null,
  agent: null,
  admin: null,
};
let pdf: Uint8Array;

async function staffRow(role: "AGENT" | "ADMINISTRATOR", active = true) {
  const suffix = randomUUID().slice(0, 8);
  const row = await prisma.staffUser.create({
    data: {
      login: `authz.${suffix}`,
      email: `authz.${suffix}@example.org`,
      displayName: `Authz ${suffix}`,
      passwordHash: "x",
      role,
      active,
    },
  });
  return row.id;
}

beforeAll(async () => {
  const parent = await createParent({ usageName: "PARENT", firstNames: "Paula", account: { civility: "MADAME" } });
  callers.parent = { kind: "parent", id: parent.id };
  // A parent's id presented as if it were staff is still refused: the id is looked up among staff.
  callers.deactivated = { kind: "staff", id: await staffRow("ADMINISTRATOR", false) };
  callers.agent = { kind: "staff", id: await staffRow("AGENT") };
  callers.admin = { kind: "staff", id: await staffRow("ADMINISTRATOR") };
  pdf = await simplePdf({ title: "Test", paragraphs: ["Bonjour"], author: "Test" });
});

afterAll(async () => {
  // Leave the town as the browser tests expect it (they run next, on the same database): the default second-factor
  // policy (required for agents), and the public pages without this file's news and documents.
  await prisma.townSetting.deleteMany({ where: { key: "staff.agentsNeedTotp" } });
  await prisma.newsItem.deleteMany({ where: { title: { in: ["Authz", newsInput.title] } } });
  await prisma.publicDocument.deleteMany({ where: { title: { in: ["Authz", documentInput.title] } } });
  await prisma.townSetting.deleteMany({ where: { key: { in: ["contact", "legal"] } } });
  await prisma.$disconnect();
  await db().$disconnect();
});

const news = () => prisma.newsItem.create({ data: { slug: `authz-${randomUUID()}`, title: "Authz", summary: "s", body: "b" } });
const document = async () =>
  prisma.publicDocument.create({
    data: { title: "Authz", fileName: "a.pdf", provider: "LOCAL", storageKey: randomUUID(), mediaType: "application/pdf", size: 1 },
  });
const family = () =>
  createKnownFamily(callers.admin, { representatives: [{ civility: "MADAME", usageName: "AUTHZ", firstName: "Ana" }], children: [] });
const newsInput = { title: "Titre", summary: "Résumé", body: "Texte", publish: false };
const documentInput = { title: "Guide", description: null, position: 1, publish: false };
const file = () => ({ name: "guide.pdf", bytes: pdf });

type Operation = [name: string, role: "AGENT" | "ADMINISTRATOR", run: (caller: Caller) => Promise<unknown>];
const operations: Operation[] = [
  ["dashboardCounts", "AGENT", (c) => dashboardCounts(c)],
  ["listNewsForStaff", "AGENT", (c) => listNewsForStaff(c)],
  ["getNewsForStaff", "AGENT", async (c) => getNewsForStaff(c, (await news()).id)],
  ["createNews", "AGENT", (c) => createNews(c, newsInput)],
  ["updateNews", "AGENT", async (c) => updateNews(c, (await news()).id, newsInput)],
  // Withdrawing, not publishing: the browser tests share this database and count the news on the home page.
  ["setNewsPublished", "AGENT", async (c) => setNewsPublished(c, (await news()).id, false)],
  ["deleteNews", "AGENT", async (c) => deleteNews(c, (await news()).id)],
  ["listPublicDocumentsForStaff", "AGENT", (c) => listPublicDocumentsForStaff(c)],
  ["readPublicDocumentForStaff", "AGENT", async (c) => readPublicDocumentForStaff(c, (await document()).id)],
  ["createPublicDocument", "AGENT", (c) => createPublicDocument(c, documentInput, file())],
  ["updatePublicDocument", "AGENT", async (c) => updatePublicDocument(c, (await document()).id, documentInput, null)],
  ["setPublicDocumentPublished", "AGENT", async (c) => setPublicDocumentPublished(c, (await document()).id, false)],
  ["deletePublicDocument", "AGENT", async (c) => deletePublicDocument(c, (await document()).id)],
  [
    "createKnownFamily",
    "AGENT",
    (c) => createKnownFamily(c, { representatives: [{ civility: "MONSIEUR", usageName: "X", firstName: "Y" }], children: [] }),
  ],
  ["searchFamilies", "AGENT", (c) => searchFamilies(c, "AUTHZ")],
  ["getFamilyForStaff", "AGENT", async (c) => getFamilyForStaff(c, (await family()).id)],
  ["issueFamilyChildKey", "AGENT", async (c) => issueFamilyChildKey(c, (await family()).id)],
  [
    "revokeFamilyChildKeys",
    "AGENT",
    async (c) => {
      const { id } = await family();
      await issueFamilyChildKey(callers.admin, id);
      return revokeFamilyChildKeys(c, id);
    },
  ],
  [
    "childKeyLetter",
    "AGENT",
    async (c) => {
      const { id } = await family();
      return childKeyLetter(c, id, await issueFamilyChildKey(callers.admin, id));
    },
  ],
  [
    "updateTownContact",
    "ADMINISTRATOR",
    (c) => updateTownContact(c, { service: "Service", address: ["Mairie"], phone: "05 00 00 00 00", email: "a@b.fr", hours: ["Lundi"] }),
  ],
  [
    "updateLegalTexts",
    "ADMINISTRATOR",
    (c) =>
      updateLegalTexts(c, {
        mentionsLegales: [{ title: "Éditeur", paragraphs: ["La Ville."] }],
        cgu: [{ title: "Objet", paragraphs: ["Les CGU."] }],
        cguVersion: "test-1",
      }),
  ],
  ["setAgentsNeedTotp", "ADMINISTRATOR", (c) => setAgentsNeedTotp(c, false)],
  ["listStaff", "ADMINISTRATOR", (c) => listStaff(c)],
  ["getStaffForAdmin", "ADMINISTRATOR", async (c) => getStaffForAdmin(c, await staffRow("AGENT"))],
  [
    "createStaff",
    "ADMINISTRATOR",
    (c) =>
      createStaff(c, {
        login: `new.${randomUUID().slice(0, 8)}`,
        email: `${randomUUID()}@example.org`,
        displayName: "Nouvel agent",
        role: "AGENT",
      }),
  ],
  ["changeStaffRole", "ADMINISTRATOR", async (c) => changeStaffRole(c, await staffRow("AGENT"), "ADMINISTRATOR")],
  ["setStaffActive", "ADMINISTRATOR", async (c) => setStaffActive(c, await staffRow("AGENT"), false)],
  ["resetStaffPassword", "ADMINISTRATOR", async (c) => resetStaffPassword(c, await staffRow("AGENT"))],
  ["resetStaffTotp", "ADMINISTRATOR", async (c) => resetStaffTotp(c, await staffRow("AGENT"))],
  ["listAuditEntries", "ADMINISTRATOR", (c) => listAuditEntries(c, {})],
];

describe.each(operations)("%s (%s)", (_name, role, run) => {
  test.each(["anonymous", "parent", "deactivated"] as const)("refuses %s", async (who) => {
    await expect(run(callers[who])).rejects.toBeInstanceOf(ForbiddenError);
  });
  test("a parent's id presented as staff is refused", async () => {
    await expect(run({ kind: "staff", id: (callers.parent as { id: string }).id })).rejects.toBeInstanceOf(ForbiddenError);
  });
  test(role === "AGENT" ? "allows an agent" : "refuses an agent", async () => {
    if (role === "AGENT") await expect(run(callers.agent)).resolves.not.toBeInstanceOf(Error);
    else await expect(run(callers.agent)).rejects.toThrow("Cette action est réservée aux administrateurs.");
  });
  test("allows an administrator", async () => {
    await expect(run(callers.admin)).resolves.not.toBeInstanceOf(Error);
  });
});

describe("what a refused call leaves behind", () => {
  test("nothing: no news item, no key, no audit entry in the caller's name", async () => {
    const title = `Refusée ${randomUUID()}`;
    await expect(createNews(callers.parent, { ...newsInput, title })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.newsItem.count({ where: { title } })).toBe(0);
    const { id } = await family();
    await expect(issueFamilyChildKey(callers.anonymous, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.childKey.count({ where: { familyId: id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { actorId: (callers.parent as { id: string }).id } })).toBe(0);
  });
});
