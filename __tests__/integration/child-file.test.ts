import { db } from "@/lib/platform/db";
import { documentExpiryReminderJob, sendExpiryReminders } from "@/lib/child-file/jobs";
import { CONFLICT_MESSAGE, confirmChildFile, parentFileView, saveChildFile } from "@/lib/child-file/service";
import { childFileForStaff, healthList, healthListCsv, markHealthSeen } from "@/lib/child-file/staff";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { createChildFamily, sampleContent, storeKindDocument } from "../support/child-file";
import { testPrisma } from "../fixtures/db";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const SEPT_2026 = new Date("2026-09-15T10:00:00Z");
let staffCount = 0;
async function staff(healthDataAccess: boolean, role: "AGENT" | "ADMINISTRATOR" = "AGENT") {
  staffCount += 1;
  const login = `agent.cf${staffCount}.${Date.now()}`;
  const user = await prisma.staffUser.create({
    data: { login, email: `${login}@ville.test`, displayName: `Agent ${staffCount}`, passwordHash: "x", role, healthDataAccess },
  });
  return { kind: "staff" as const, id: user.id };
}

describe("who may see and edit a child's file", () => {
  test("both parents with parental authority edit it and see who changed what; another family and a parent without authority cannot", async () => {
    const { mother, father, child } = await createChildFamily(prisma);
    const other = await createChildFamily(prisma);
    const noAuthority = await createChildFamily(prisma, { secondParentAuthority: false });

    expect(await saveChildFile(mother.id, child.id, { ...sampleContent(), version: 0 }, SEPT_2026)).toEqual({ ok: true, version: 1 });
    const changed = sampleContent({ treatment: "Ventoline si crise" });
    expect(await saveChildFile(father.id, child.id, { ...changed, version: 1 }, SEPT_2026)).toEqual({ ok: true, version: 2 });

    const seenByMother = await parentFileView(mother.id, child.id, SEPT_2026);
    expect(seenByMother?.file?.content.health.treatment).toBe("Ventoline si crise");
    expect(seenByMother?.history.map((entry) => [entry.version, entry.change, entry.authorName, entry.changedFields])).toEqual([
      [2, "UPDATED", `Paul NOM${child.usageName.slice(3)}`, ["Traitement régulier"]],
      [1, "CREATED", `Claire NOM${child.usageName.slice(3)}`, expect.arrayContaining(["Allergies", "PAI", "Médecin traitant"])],
    ]);

    // A save from a stale page (version 1) is refused instead of overwriting the other parent's change.
    expect(await saveChildFile(mother.id, child.id, { ...sampleContent(), version: 1 }, SEPT_2026)).toEqual({
      ok: false,
      message: CONFLICT_MESSAGE,
    });

    expect(await parentFileView(other.mother.id, child.id, SEPT_2026)).toBeNull();
    expect(await saveChildFile(other.mother.id, child.id, { ...sampleContent(), version: 2 }, SEPT_2026)).toMatchObject({ ok: false });
    expect(await parentFileView(noAuthority.father.id, noAuthority.child.id, SEPT_2026)).toBeNull();
    expect(await parentFileView(noAuthority.mother.id, noAuthority.child.id, SEPT_2026)).not.toBeNull();
    // A document of another family cannot be named as the PAI.
    const foreign = await storeKindDocument(prisma, other.mother.id, "pai", "2026-09-01", "2027-07-05");
    expect(
      await saveChildFile(mother.id, child.id, { ...sampleContent({ paiDocumentId: foreign.id }), version: 2 }, SEPT_2026),
    ).toMatchObject({ ok: false, fieldErrors: { paiDocumentId: expect.any(String) } });
  });

  test("two parents saving at once: one version wins, the other is told (the database decides)", async () => {
    const { mother, father, child } = await createChildFamily(prisma);
    await saveChildFile(mother.id, child.id, { ...sampleContent(), version: 0 }, SEPT_2026);
    const results = await Promise.all([
      saveChildFile(mother.id, child.id, { ...sampleContent({ treatment: "A" }), version: 1 }, SEPT_2026),
      saveChildFile(father.id, child.id, { ...sampleContent({ treatment: "B" }), version: 1 }, SEPT_2026),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await prisma.childFileVersion.count({ where: { childId: child.id } })).toBe(2);
  });

  test("staff read it only with the health access; every read is in the audit log", async () => {
    const { mother, child } = await createChildFamily(prisma);
    await saveChildFile(mother.id, child.id, { ...sampleContent(), version: 0 }, SEPT_2026);
    const withoutRole = await staff(false);
    const adminWithoutRole = await staff(false, "ADMINISTRATOR");
    const reader = await staff(true);

    await expect(childFileForStaff(withoutRole, child.id)).rejects.toThrow(ForbiddenError);
    await expect(childFileForStaff(adminWithoutRole, child.id)).rejects.toThrow(ForbiddenError);
    await expect(healthList(withoutRole)).rejects.toThrow(ForbiddenError);
    await expect(childFileForStaff({ kind: "parent", id: mother.id }, child.id)).rejects.toThrow(ForbiddenError);
    await expect(childFileForStaff(null, child.id)).rejects.toThrow(ForbiddenError);

    const before = await prisma.auditLog.count({ where: { actorId: reader.id } });
    const file = await childFileForStaff(reader, child.id);
    await childFileForStaff(reader, child.id);
    expect(file?.file?.content.health.allergies[0]?.name).toBe("Arachide");
    expect(file?.history).toHaveLength(1);
    const reads = await prisma.auditLog.findMany({ where: { actorId: reader.id, action: "child-file.viewed", targetId: child.id } });
    expect(reads).toHaveLength(2);
    // The audit log names what was read, never its content.
    expect(JSON.stringify(reads.map((read) => read.details))).not.toContain("Arachide");

    const list = await healthList(reader, { childIds: [child.id] });
    expect(list).toEqual([
      expect.objectContaining({ childId: child.id, pai: true, toCheck: true, allergies: [expect.objectContaining({ name: "Arachide" })] }),
    ]);
    expect(await prisma.auditLog.count({ where: { actorId: reader.id } })).toBe(before + 3);
    expect(healthListCsv(list, (code) => code)).toContain('"Arachide"');
    expect(healthListCsv([{ ...list[0]!, name: "=HYPERLINK(1)" }], (code) => code)).toContain(`"'=HYPERLINK(1)"`);
  });

  test("the 'vu' mark: staff checked the PAI; a new allergy later asks again", async () => {
    const { mother, child } = await createChildFamily(prisma);
    const reader = await staff(true);
    await saveChildFile(mother.id, child.id, { ...sampleContent(), version: 0 }, SEPT_2026);
    expect(await markHealthSeen(reader, child.id, 1)).toBe(true);
    expect((await healthList(reader, { childIds: [child.id] }))[0]?.toCheck).toBe(false);

    // A change that adds nothing to check (the doctor) stays seen; a new allergy does not.
    await saveChildFile(mother.id, child.id, { ...sampleContent({ doctorName: "Dr Durand" }), version: 1 }, SEPT_2026);
    expect((await healthList(reader, { childIds: [child.id] }))[0]?.toCheck).toBe(false);
    const content = sampleContent();
    content.health.allergies.push({ name: "Kiwi", reaction: null, action: null });
    await saveChildFile(mother.id, child.id, { ...content, version: 2 }, SEPT_2026);
    expect((await healthList(reader, { childIds: [child.id] }))[0]?.toCheck).toBe(true);
    // "Vu" on an old version does not hide the new allergy.
    expect(await markHealthSeen(reader, child.id, 2)).toBe(false);
    expect(await markHealthSeen(await staff(false), child.id, 3).catch((error: unknown) => error)).toBeInstanceOf(ForbiddenError);
  });
});

describe("the yearly confirmation", () => {
  test("a new school year asks to confirm; « Rien n'a changé » is one version; what changed since last year is shown", async () => {
    const { mother, father, child } = await createChildFamily(prisma);
    await saveChildFile(mother.id, child.id, { ...sampleContent(), version: 0 }, new Date("2025-09-10T10:00:00Z"));
    expect((await parentFileView(mother.id, child.id, new Date("2026-03-01T10:00:00Z")))?.needsConfirmation).toBe(false);

    // In July 2026, the 2026-2027 confirmation opens.
    const july = new Date("2026-07-03T10:00:00Z");
    const asked = await parentFileView(father.id, child.id, july);
    expect(asked).toMatchObject({ schoolYear: "2026-2027", needsConfirmation: true, sinceLastYear: [] });

    expect(await confirmChildFile(father.id, child.id, 1, july)).toEqual({ ok: true, version: 2 });
    // A second click (another tab) changes nothing.
    expect(await confirmChildFile(father.id, child.id, 1, july)).toEqual({ ok: true, version: 2 });
    const confirmed = await parentFileView(mother.id, child.id, july);
    expect(confirmed?.needsConfirmation).toBe(false);
    expect(confirmed?.history[0]).toMatchObject({
      version: 2,
      change: "CONFIRMED",
      authorName: expect.stringContaining("Paul"),
      schoolYear: "2026-2027",
    });

    // An update in the new year: the review lists it against last year's file.
    await saveChildFile(mother.id, child.id, { ...sampleContent({ diet: "vegetarien" }), version: 2 }, new Date("2026-09-20T10:00:00Z"));
    const later = await parentFileView(father.id, child.id, new Date("2026-10-01T10:00:00Z"));
    expect(later?.sinceLastYear).toEqual([
      { label: "Régime alimentaire", before: "Sans allergène (panier repas ou menu adapté, selon le PAI)", after: "Végétarien" },
    ]);
    expect(await confirmChildFile(mother.id, child.id, 3, new Date("2026-10-01T10:00:00Z"))).toEqual({ ok: true, version: 3 });
  });
});

describe("the expiry reminder job", () => {
  test("tells the owner once, by mail and on the home page, and skips a document already replaced", async () => {
    const { mother, father } = await createChildFamily(prisma);
    const now = new Date("2026-08-10T06:00:00Z");
    const expiring = await storeKindDocument(prisma, mother.id, "attestation-assurance", "2025-09-01", "2026-08-31");
    const far = await storeKindDocument(prisma, mother.id, "attestation-caf", "2026-01-05", "2026-12-31");
    const replacedOld = await storeKindDocument(prisma, father.id, "justificatif-domicile", "2026-05-20", "2026-08-19");
    await storeKindDocument(prisma, mother.id, "justificatif-domicile", "2026-08-01", "2026-10-31");

    const first = await Promise.all([sendExpiryReminders(now), sendExpiryReminders(now)]);
    const again = await sendExpiryReminders(now);
    // The queued job's handler (what a worker runs, retried after a crash) tells nobody twice either.
    await documentExpiryReminderJob.handler({ now: now.toISOString() }, { jobId: "test", attempt: 1 });

    const mine = (report: { reminded: number }) => report.reminded;
    expect(first.map(mine).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(again.reminded).toBe(0);
    const notifications = await prisma.notification.findMany({ where: { accountId: { in: [mother.id, father.id] } } });
    expect(notifications).toEqual([
      expect.objectContaining({
        accountId: mother.id,
        title: "Attestation d'assurance (responsabilité civile) : bientôt plus valable",
        link: "/espace/documents",
      }),
    ]);
    expect(notifications[0]!.body).toContain("31/08/2026");
    const mails = await prisma.queuedMail.findMany({ where: { to: { in: [mother.email, father.email] } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("31/08/2026");
    expect((await prisma.document.findUniqueOrThrow({ where: { id: expiring.id } })).expiryReminderSentAt).not.toBeNull();
    expect((await prisma.document.findUniqueOrThrow({ where: { id: far.id } })).expiryReminderSentAt).toBeNull();
    expect((await prisma.document.findUniqueOrThrow({ where: { id: replacedOld.id } })).expiryReminderSentAt).not.toBeNull();
  });
});

describe("the parents' rights", () => {
  test("the export holds the file opened with its history; closing the last parent account erases it, not before", async () => {
    const { collectExport } = await import("@/lib/privacy/export");
    const { closeAccount } = await import("@/lib/privacy/closure");
    const { mother, father, child } = await createChildFamily(prisma);
    await saveChildFile(mother.id, child.id, { ...sampleContent(), version: 0 }, SEPT_2026);

    const bundle = await collectExport(father.id);
    const files = bundle.data.childFiles as {
      childId: string;
      content: { health: { allergies: { name: string }[] } };
      history: { by: string }[];
    }[];
    expect(files).toHaveLength(1);
    expect(files[0]!.content.health.allergies[0]!.name).toBe("Arachide");
    expect(files[0]!.history[0]!.by).toContain("Claire");
    const other = await createChildFamily(prisma);
    expect((await collectExport(other.mother.id)).data.childFiles).toEqual([]);

    await closeAccount(mother.id);
    expect(await prisma.childFile.count({ where: { childId: child.id } })).toBe(1);
    expect((await prisma.childFileVersion.findFirstOrThrow({ where: { childId: child.id } })).authorName).toBe("Un parent (compte fermé)");
    await closeAccount(father.id);
    expect(await prisma.childFile.count({ where: { childId: child.id } })).toBe(0);
  });
});
