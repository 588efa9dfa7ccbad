import { strFromU8, unzipSync } from "fflate";
import { db } from "@/lib/platform/db";
import { auditExport, collectExport, exportZipStream } from "@/lib/privacy/export";
import { fileStore } from "@/lib/platform/storage";
import { testPrisma } from "../fixtures/db";
import { createMarkedParent, createRichParent, pdfBytes } from "./support/privacy-fixtures";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

/** The parts of donnees.json these tests read. */
interface ExportedData {
  format: string;
  account: Record<string, unknown>;
  franceConnect: Record<string, unknown>[];
  demarches: { status: string; refusalReason: string | null; data: unknown; history: { message: string | null }[] }[];
  family: null | {
    dossierNumber: string;
    members: { role: string; isYou: boolean; parentalLinks: unknown[] }[];
    invoices: Record<string, unknown>[];
  };
  documents: { id: string; file: string | null; fileName: string; fileUnavailable?: boolean }[];
  notifications: Record<string, unknown>[];
  signInAttempts: Record<string, unknown>[];
}

async function exportOf(accountId: string) {
  const bundle = await collectExport(accountId);
  const zipped = new Uint8Array(await new Response(exportZipStream(bundle)).arrayBuffer());
  const entries = unzipSync(zipped);
  const json = strFromU8(entries["donnees.json"]!);
  return { bundle, entries, json, data: JSON.parse(json) as ExportedData };
}

describe("the export of a parent's data", () => {
  test("holds the account, FranceConnect link, démarches with their history, family, documents with their files, notifications and sign-ins", async () => {
    const parent = await createRichParent(prisma);

    const { entries, json, data } = await exportOf(parent.id);

    expect(Object.keys(entries).sort()).toEqual(expect.arrayContaining(["README.txt", "donnees.json"]));
    expect(data.format).toBe("espace-famille/export-v1");
    expect(data.account).toMatchObject({
      id: parent.id,
      login: parent.login,
      email: parent.email,
      usageName: `NOM${parent.marker}`,
      birthDate: "1985-06-15",
      hasPassword: true,
    });
    expect(data.franceConnect).toEqual([expect.objectContaining({ sub: `sub-${parent.marker}` })]);
    expect(data.demarches.map((d) => d.status).sort()).toEqual(["ACCEPTED", "DRAFT", "REFUSED", "SUBMITTED"]);
    const refused = data.demarches.find((d) => d.status === "REFUSED")!;
    expect(refused.refusalReason).toBe(`motif-${parent.marker}`);
    expect(refused.data).toEqual({ note: `donnees-${parent.marker}-REFUSED` });
    expect(refused.history.map((event) => event.message)).toContain(`message-${parent.marker}-REFUSED`);
    expect(data.family?.dossierNumber).toBe(`F-T-${parent.marker}`);
    expect(data.family?.members).toHaveLength(2);
    expect(data.family?.members.find((m) => m.role === "HOLDER")?.isYou).toBe(true);
    expect(data.family?.members.find((m) => m.role === "CHILD")?.parentalLinks).toEqual([
      { representativeId: parent.holder.id, quality: "MERE", parentalAuthority: true },
    ]);
    expect(data.family?.invoices).toEqual([
      expect.objectContaining({ number: `FA-${parent.marker}`, amountCents: 4250, dueDate: "2026-11-30" }),
    ]);
    expect(data.notifications).toEqual([expect.objectContaining({ title: `Titre ${parent.marker}`, body: `Corps ${parent.marker}` })]);
    expect(data.signInAttempts).toEqual([expect.objectContaining({ succeeded: true, ipAddress: "203.0.113.7" })]);

    // Every document, and each one's file in the archive, byte for byte.
    expect(data.documents).toHaveLength(5);
    for (const document of data.documents) {
      expect(document.file).toMatch(/^fichiers\/.+\.pdf$/);
      const marker = document.fileName.replace(/^piece-/, "").replace(/\.pdf$/, "");
      expect(entries[document.file!]).toEqual(pdfBytes(marker));
    }

    // Never the password hash, a token, or a secret of any kind.
    const { passwordHash } = await prisma.account.findUniqueOrThrow({ where: { id: parent.id }, select: { passwordHash: true } });
    expect(json).not.toContain(passwordHash!);
    expect(json).not.toMatch(/passwordHash|tokenHash|storageKey|hash-/);

    const readme = strFromU8(entries["README.txt"]!);
    expect(readme).toContain("MES DONNÉES PERSONNELLES");
    expect(readme).toContain("donnees.json");
    // Every key of donnees.json is explained in README.txt.
    for (const key of Object.keys(data)) expect(readme).toContain(`${key} `);
  });

  test("another family's data never appears", async () => {
    const mine = await createRichParent(prisma);
    const theirs = await createRichParent(prisma);
    const { entries, json } = await exportOf(mine.id);

    expect(json).toContain(mine.marker);
    expect(json).not.toContain(theirs.marker);
    expect(json).not.toContain(theirs.id);
    expect(json).not.toContain(theirs.family.id);
    for (const [name, bytes] of Object.entries(entries)) {
      expect(name).not.toContain(theirs.marker);
      expect(strFromU8(bytes, true)).not.toContain(theirs.marker);
    }
  });

  test("a parent without family, démarche or document gets a valid, nearly empty export", async () => {
    const parent = await createMarkedParent(prisma, { franceConnectOnly: true });

    const { data } = await exportOf(parent.id);

    expect(data.account.login).toBeNull();
    expect(data.account.hasPassword).toBe(false);
    expect(data).toMatchObject({ family: null, demarches: [], documents: [], notifications: [], signInAttempts: [], franceConnect: [] });
  });

  test("a file storage cannot give back is reported in the JSON, the rest of the archive is still there", async () => {
    const parent = await createRichParent(prisma);
    await fileStore().delete(parent.documents.looseDocument.storageKey);

    const { entries, data } = await exportOf(parent.id);

    const lost = data.documents.find((document) => document.id === parent.documents.looseDocument.id);
    expect(lost).toMatchObject({ file: null, fileUnavailable: true });
    expect(Object.keys(entries).filter((name) => name.startsWith("fichiers/"))).toHaveLength(4);
  });

  test("the export is written to the audit log with the account as actor", async () => {
    const parent = await createRichParent(prisma);

    await auditExport(parent.id, await collectExport(parent.id));

    const entry = await prisma.auditLog.findFirst({ where: { action: "account.data_exported", actorId: parent.id } });
    expect(entry).toMatchObject({ actorType: "ACCOUNT", targetType: "Account", targetId: parent.id });
    expect(entry?.details).toMatchObject({ demarches: 4, documents: 5, files: 5 });
  });
});
