import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { ExpectedError } from "@/lib/platform/errors";
import { db } from "@/lib/platform/db";
import { attachDocument } from "@/lib/declaration/attachments";
import { lastStaffRequest } from "@/lib/review/history";
import type { RawPerson } from "@/lib/declaration/schemas";
import { savePerson, submitDeclaration } from "@/lib/declaration/service";
import { storeDocument } from "@/lib/documents/service";
import { createKnownFamily } from "@/lib/dossier/service";
import { familyOfAccount } from "@/lib/dossier/queries";
import { csvCell, EXPORT_COLUMNS, exportValidatedFamilies } from "@/lib/review/export";
import { listQueue } from "@/lib/review/queue";
import { correctionSchema, queueFiltersSchema, refusalSchema } from "@/lib/review/schemas";
import { acceptDeclaration, declarationRemarkTargets, getDeclarationForStaff, readDeclarationDocument, refuseDeclaration, requestCorrection, takeDeclaration } from "@/lib/review/service";
import { ForbiddenError, type Caller } from "@/lib/platform/security/authorize";
import { expectFrenchMessage, holdsForbidden, hostileForm, hostileString, RUNS } from "../support/hostile";
import { testPrisma } from "../fixtures/db";

/**
 * The staff review of family declarations on a real database: who may call what, the decisions and
 * what each one writes (events, notification, mail, audit, family dossier), concurrent decisions, the
 * queue's keyset pagination, and the CSV export.
 */
const prisma = testPrisma();
const agents: { agent: Caller; other: Caller; admin: Caller } = { agent: null, other: null, admin: null };

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

async function staffRow(role: "AGENT" | "ADMINISTRATOR") {
  const suffix = randomUUID().slice(0, 8);
  const row = await prisma.staffUser.create({ data: { login: `review.${suffix}`, email: `review.${suffix}@example.org`, displayName: `Agent ${suffix}`, passwordHash: "x", role } });
  return { kind: "staff" as const, id: row.id };
}

beforeAll(async () => {
  agents.agent = await staffRow("AGENT");
  agents.other = await staffRow("AGENT");
  agents.admin = await staffRow("ADMINISTRATOR");
});

async function parentAccount(usageName: string) {
  const suffix = randomUUID().slice(0, 8);
  const account = await prisma.account.create({
    data: {
      login: `review.${suffix}`,
      email: `review.${suffix}@example.org`,
      emailVerifiedAt: new Date(),
      passwordHash: "unused",
      status: "ACTIVE",
      activatedAt: new Date(),
      civility: "MADAME",
      usageName,
      firstNames: "Julie",
      birthDate: new Date("1985-02-11"),
      cguAcceptedAt: new Date(),
      cguVersion: "test",
    },
  });
  return account;
}

const holder = (usageName: string, email: string): RawPerson => ({
  civility: "MADAME",
  usageName,
  firstName: "Julie",
  birthDate: "11/02/1985",
  streetNumber: "3",
  streetName: "Rue du Port",
  postalCode: "33560",
  city: "Carbon-Blanc",
  country: "FRANCE",
  mobile: "06 11 22 33 44",
  email,
  profession: "Infirmière",
  employer: "CHU de Bordeaux",
  allocataireMember: "OUI",
  allocataireRegime: "GENERAL",
  allocataireNumber: "1234567",
});

const child = (firstName: string, usageName: string): RawPerson => ({ usageName, firstName, sex: "MASCULIN", birthDate: "04/09/2017", quality_holder: "MERE", authority_holder: "OUI" });

const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

/** A parent who declared themself, one child and a document, and sent it. */
/** A surname of letters only (the name fields refuse digits), unique to the test. */
const uniqueName = (prefix: string) => prefix + [...randomUUID().replace(/-/g, "").slice(0, 8)].map((char) => "ABCDEFGHIJKLMNOP"[parseInt(char, 16)]).join("");

async function sentDeclaration(usageName = uniqueName("NOM")) {
  const account = await parentAccount(usageName);
  expect((await savePerson(account.id, { kind: "holder" }, holder(usageName, account.email))).ok).toBe(true);
  expect((await savePerson(account.id, { kind: "child", id: null }, child("Hugo", usageName))).ok).toBe(true);
  const stored = await storeDocument(account.id, new File([pdfBytes], "livret.pdf", { type: "application/pdf" }), "LIVRET_FAMILLE");
  if (!stored.ok) throw new Error(stored.message);
  await attachDocument(account.id, stored.documentId, "LIVRET_FAMILLE");
  const sent = await submitDeclaration(account.id, randomUUID());
  expect(sent.ok).toBe(true);
  const demarche = await prisma.demarche.findFirstOrThrow({ where: { accountId: account.id, kind: "FAMILY_DECLARATION" } });
  return { account, demarche, documentId: stored.documentId };
}


describe("authorization: every review function refuses a visitor and a parent by itself", () => {
  test.each(["anonymous", "parent"] as const)("%s is refused everywhere", async (who) => {
    const { account, demarche, documentId } = await sentDeclaration();
    const caller: Caller = who === "anonymous" ? null : { kind: "parent", id: account.id };
    const filters = queueFiltersSchema.parse({});
    const calls: [string, () => Promise<unknown>][] = [
      ["listQueue", () => listQueue(caller, filters)],
      ["getDeclarationForStaff", () => getDeclarationForStaff(caller, demarche.id)],
      ["declarationRemarkTargets", () => declarationRemarkTargets(caller, demarche.id)],
      ["readDeclarationDocument", () => readDeclarationDocument(caller, demarche.id, documentId)],
      ["takeDeclaration", () => takeDeclaration(caller, demarche.id, demarche.version)],
      ["requestCorrection", () => requestCorrection(caller, demarche.id, demarche.version, "Merci de compléter.", [])],
      ["acceptDeclaration", () => acceptDeclaration(caller, demarche.id, demarche.version)],
      ["refuseDeclaration", () => refuseDeclaration(caller, demarche.id, demarche.version, "Motif de refus.")],
      ["exportValidatedFamilies", () => exportValidatedFamilies(caller)],
    ];
    for (const [name, call] of calls) {
      await expect(call().then(() => name)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // Nothing moved.
    const after = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(after).toMatchObject({ status: "SUBMITTED", version: demarche.version, assignedToId: null });
  });

  test("an agent and an administrator may read a declaration; each access is in the audit log", async () => {
    const { demarche } = await sentDeclaration();
    for (const caller of [agents.agent, agents.admin]) {
      const seen = await getDeclarationForStaff(caller, demarche.id);
      expect(seen?.reference).toBe(demarche.reference);
      expect(seen?.presented.map((person) => person.role)).toEqual(["Titulaire du compte", "Enfant"]);
    }
    const entries = await prisma.auditLog.findMany({ where: { action: "declaration.viewed", targetId: demarche.id } });
    expect(entries.map((entry) => entry.actorId).sort()).toEqual([agents.agent!.id, agents.admin!.id].sort());
  });

  test("a document is served to staff only through the démarche that holds it, and recorded", async () => {
    const { demarche, documentId } = await sentDeclaration();
    const other = await sentDeclaration();
    const read = await readDeclarationDocument(agents.agent, demarche.id, documentId);
    expect(Buffer.from(read!.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    await expect(readDeclarationDocument(agents.agent, other.demarche.id, documentId)).resolves.toBeNull();
    const entry = await prisma.auditLog.findFirst({ where: { action: "document.viewed", targetId: documentId } });
    expect(entry).toMatchObject({ actorType: "STAFF", actorId: agents.agent!.id });
  });

  test("a draft is not visible to staff", async () => {
    const account = await parentAccount("BROUILLON");
    await savePerson(account.id, { kind: "holder" }, holder("BROUILLON", account.email));
    const draft = await prisma.demarche.findFirstOrThrow({ where: { accountId: account.id } });
    await expect(getDeclarationForStaff(agents.agent, draft.id)).resolves.toBeNull();
    await expect(takeDeclaration(agents.agent, draft.id, draft.version)).rejects.toThrow("Cette déclaration n'existe pas.");
  });
});

describe("the review journey: take, correction, resubmission, validation into the family dossier", () => {
  test("each step writes its event, tells the parent, and the validation builds the dossier", async () => {
    const { account, demarche, documentId } = await sentDeclaration("MARTIN");

    await takeDeclaration(agents.agent, demarche.id, demarche.version);
    let row = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(row).toMatchObject({ status: "IN_REVIEW", assignedToId: agents.agent!.id, version: demarche.version + 1 });

    const childKey = (await getDeclarationForStaff(agents.agent, demarche.id))!.presented[1]!.key;
    await requestCorrection(agents.agent, demarche.id, row.version, "Le livret de famille est illisible.", [
      { key: `personne:${childKey}`, target: "Hugo MARTIN (enfant)", message: "Précisez la date de naissance." },
      { key: "piece:LIVRET_FAMILLE", target: "Livret de famille", message: "Joignez toutes les pages." },
    ]);
    row = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(row.status).toBe("NEEDS_CORRECTION");
    expect(await lastStaffRequest(demarche.id)).toBe(
      "Le livret de famille est illisible.\n\nÀ corriger :\n- Hugo MARTIN (enfant) : Précisez la date de naissance.\n- Livret de famille : Joignez toutes les pages.",
    );
    const notification = await prisma.notification.findFirst({ where: { accountId: account.id }, orderBy: { createdAt: "desc" } });
    expect(notification?.title).toBe("Votre déclaration de famille est à compléter");
    await deliverQueuedMailsTo(account.email);
    const correctionMail = await prisma.outboxMail.findFirst({ where: { to: account.email, subject: { startsWith: "Votre déclaration est à compléter" } } });
    expect(correctionMail?.text).toContain("Joignez toutes les pages.");

    // The parent corrects and sends again: back in the queue "à traiter".
    expect((await savePerson(account.id, { kind: "child", id: (row.data as { children: { id: string }[] }).children[0]!.id }, { ...child("Hugo", "MARTIN"), birthDate: "05/09/2017" })).ok).toBe(true);
    expect((await submitDeclaration(account.id, randomUUID())).ok).toBe(true);
    row = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(row.status).toBe("SUBMITTED");

    const dossier = await acceptDeclaration(agents.agent, demarche.id, row.version);
    expect(dossier.dossierNumber).toMatch(new RegExp(`^F-${new Date().getUTCFullYear()}-\\d{5}$`));
    expect(dossier.created).toBe(true);

    row = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(row).toMatchObject({ status: "ACCEPTED", familyId: dossier.familyId });
    expect(row.decidedAt).not.toBeNull();
    const family = await familyOfAccount(account.id);
    expect(family?.dossierNumber).toBe(dossier.dossierNumber);
    expect(family?.members.map((member) => [member.role, member.firstName, member.usageName])).toEqual([
      ["HOLDER", "Julie", "MARTIN"],
      ["CHILD", "Hugo", "MARTIN"],
    ]);
    expect(family?.members[1]?.birthDate?.toISOString().slice(0, 10)).toBe("2017-09-05");
    expect(family?.documents.map((kept) => kept.document.id)).toEqual([documentId]);
    const holderRow = await prisma.familyMember.findFirstOrThrow({ where: { familyId: dossier.familyId, role: "HOLDER" } });
    expect(holderRow).toMatchObject({ accountId: account.id, allocataireMember: true, allocataireRegime: "GENERAL", allocataireNumber: "1234567", mobile: "+33611223344" });
    const links = await prisma.parentalLink.findMany({ where: { representativeId: holderRow.id } });
    expect(links).toEqual([expect.objectContaining({ quality: "MERE", parentalAuthority: true })]);

    const events = await prisma.demarcheEvent.findMany({ where: { demarcheId: demarche.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["CREATED", "SUBMITTED", "TAKEN", "CORRECTION_REQUESTED", "RESUBMITTED", "ACCEPTED"]);
    const audited = await prisma.auditLog.findMany({ where: { targetId: demarche.id, action: { in: ["declaration.taken", "declaration.correction_requested", "declaration.accepted"] } } });
    expect(audited.map((entry) => entry.action).sort()).toEqual(["declaration.accepted", "declaration.correction_requested", "declaration.taken"]);
    await deliverQueuedMailsTo(account.email);
    const acceptedMail = await prisma.outboxMail.findFirst({ where: { to: account.email, subject: { startsWith: "Votre déclaration a été acceptée" } } });
    expect(acceptedMail?.text).toContain(dossier.dossierNumber);
  });

  test("a refusal keeps its reason, reaches the parent, and creates no dossier", async () => {
    const { account, demarche } = await sentDeclaration();
    await refuseDeclaration(agents.agent, demarche.id, demarche.version, "Vous n'habitez pas la commune.");
    const row = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(row).toMatchObject({ status: "REFUSED", refusalReason: "Vous n'habitez pas la commune.", familyId: null });
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).familyId).toBeNull();
    expect(await prisma.notification.count({ where: { accountId: account.id, title: "Votre déclaration de famille est refusée" } })).toBe(1);
    // A decided declaration takes no further decision.
    await expect(acceptDeclaration(agents.agent, demarche.id, row.version)).rejects.toThrow("Cette déclaration est « refusée » : cette décision n'est plus possible.");
  });

  test("validating for a family the town already knows (Clé Enfance) updates that dossier in place", async () => {
    const known = await createKnownFamily(agents.agent, { representatives: [{ civility: "MADAME", usageName: "DURAND", firstName: "Julie" }], children: [{ usageName: "DURAND", firstName: "Hugo", birthDate: new Date("2017-09-04") }] });
    const knownChild = await prisma.familyMember.findFirstOrThrow({ where: { familyId: known.id, role: "CHILD" } });
    const { account, demarche } = await sentDeclaration("DURAND");
    await prisma.account.update({ where: { id: account.id }, data: { familyId: known.id } });

    const dossier = await acceptDeclaration(agents.admin, demarche.id, demarche.version);

    expect(dossier).toMatchObject({ familyId: known.id, dossierNumber: known.dossierNumber, created: false });
    const members = await prisma.familyMember.findMany({ where: { familyId: known.id }, orderBy: { role: "asc" } });
    expect(members.map((member) => member.role)).toEqual(["HOLDER", "CHILD"]);
    // The child the town knew is the same row (its enrolments would survive), now with the declared details.
    expect(members[1]!.id).toBe(knownChild.id);
    expect(members[0]!.accountId).toBe(account.id);
    expect((await prisma.family.findUniqueOrThrow({ where: { id: known.id } })).status).toBe("ACTIVE");
  });
});

describe("concurrent decisions: nobody silently overwrites another agent's work", () => {
  test("a decision on a version that changed meanwhile is refused with a message", async () => {
    const { demarche } = await sentDeclaration();
    await takeDeclaration(agents.other, demarche.id, demarche.version);
    const error = await requestCorrection(agents.agent, demarche.id, demarche.version, "Il manque une pièce.", []).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExpectedError);
    expect((error as Error).message).toContain("a été modifiée entre-temps");
    const row = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(row).toMatchObject({ status: "IN_REVIEW", assignedToId: agents.other!.id });
  });

  test("two agents validating and refusing at the same instant: exactly one decision, one dossier", async () => {
    const { account, demarche } = await sentDeclaration();
    const outcomes = await Promise.allSettled([
      acceptDeclaration(agents.agent, demarche.id, demarche.version),
      refuseDeclaration(agents.other, demarche.id, demarche.version, "Refus concurrent du même instant."),
      acceptDeclaration(agents.admin, demarche.id, demarche.version),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        expect(outcome.reason).toBeInstanceOf(ExpectedError);
        expect((outcome.reason as Error).message).toContain("a été modifiée entre-temps");
      }
    }
    const row = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(row.version).toBe(demarche.version + 1);
    expect(await prisma.demarcheEvent.count({ where: { demarcheId: demarche.id, type: { in: ["ACCEPTED", "REFUSED"] } } })).toBe(1);
    const families = await prisma.family.count({ where: { accounts: { some: { id: account.id } } } });
    expect(families).toBe(row.status === "ACCEPTED" ? 1 : 0);
  });

  test("validations of different declarations at the same instant get distinct dossier numbers", async () => {
    const sent = await Promise.all([sentDeclaration(), sentDeclaration(), sentDeclaration(), sentDeclaration()]);
    const dossiers = await Promise.all(sent.map(({ demarche }) => acceptDeclaration(agents.agent, demarche.id, demarche.version)));
    expect(new Set(dossiers.map((dossier) => dossier.dossierNumber)).size).toBe(4);
  });
});

describe("the queue", () => {
  const tag = uniqueName("FILE");
  let ids: string[] = [];

  beforeAll(async () => {
    // 60 sent declarations in one go (straight SQL: the declaring itself is tested above), one minute apart.
    const account = await parentAccount(tag);
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO demarches (id, reference, kind, status, "accountId", data, "submittedAt", "updatedAt")
      SELECT gen_random_uuid(), ${tag} || '-' || n, 'FAMILY_DECLARATION', 'SUBMITTED', ${account.id}::uuid, '{}'::jsonb,
             timestamp '2026-01-01 08:00' + n * interval '1 minute', now()
      FROM generate_series(1, 60) AS n
      RETURNING id`;
    ids = rows.map((row) => row.id);
  });

  afterAll(async () => {
    await prisma.demarche.deleteMany({ where: { id: { in: ids } } });
  });

  test("keyset pages follow each other without gap or repeat, in both date orders", async () => {
    for (const tri of ["anciennes", "recentes"] as const) {
      const seen: string[] = [];
      let apres: string | undefined;
      for (let page = 0; page < 5; page += 1) {
        const result = await listQueue(agents.agent, queueFiltersSchema.parse({ q: tag, tri, apres }));
        seen.push(...result.rows.map((row) => row.reference));
        if (!result.nextCursor) break;
        apres = result.nextCursor;
      }
      const expected = Array.from({ length: 60 }, (_, index) => `${tag}-${index + 1}`);
      expect(seen).toEqual(tri === "anciennes" ? expected : expected.reverse());
    }
  });

  test("search, date filters and counts", async () => {
    const byDay = await listQueue(agents.agent, queueFiltersSchema.parse({ q: tag.toLowerCase(), du: "2026-01-01", au: "2026-01-01" }));
    expect(byDay.counts.find((tab) => tab.slug === "a-traiter")?.count).toBe(60);
    const none = await listQueue(agents.agent, queueFiltersSchema.parse({ q: tag, du: "2026-01-02" }));
    expect(none.rows).toEqual([]);
    expect(none.counts.every((tab) => tab.count === 0)).toBe(true);
    const elsewhere = await listQueue(agents.agent, queueFiltersSchema.parse({ q: tag, statut: "validees" }));
    expect(elsewhere.rows).toEqual([]);
    const { account, demarche } = await sentDeclaration();
    const byEmail = await listQueue(agents.agent, queueFiltersSchema.parse({ q: account.email.toUpperCase() }));
    expect(byEmail.rows.map((row) => row.id)).toEqual([demarche.id]);
    const byReference = await listQueue(agents.agent, queueFiltersSchema.parse({ q: demarche.reference }));
    expect(byReference.rows.map((row) => row.id)).toEqual([demarche.id]);
  });

  test("a malformed address falls back to the default tab and first page", () => {
    expect(queueFiltersSchema.parse({ statut: "n'importe", tri: "<script>", du: "hier", apres: "!!!" })).toMatchObject({ statut: "a-traiter", tri: "anciennes", du: undefined });
  });
});

describe("the CSV export", () => {
  test("validated families, one line per person, UTF-8 with BOM, formulas neutralised, audited", async () => {
    const { demarche } = await sentDeclaration();
    await acceptDeclaration(agents.agent, demarche.id, demarche.version);
    const family = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id }, select: { familyId: true } });
    // A parent cannot type a name starting with "=" (the form refuses it): force one to prove the neutralisation.
    await prisma.familyMember.updateMany({ where: { familyId: family.familyId!, role: "CHILD" }, data: { firstName: "=1+1" } });

    const stream = await exportValidatedFamilies(agents.agent);
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(";"));
    const dossier = (await prisma.family.findUniqueOrThrow({ where: { id: family.familyId! } })).dossierNumber;
    const mine = lines.filter((line) => line.startsWith(`${dossier};`));
    expect(mine).toHaveLength(2);
    const childLine = mine.find((line) => line.split(";")[1] === "enfant")!;
    expect(childLine.split(";")[4]).toBe("'=1+1");
    expect(childLine).toContain("autorité parentale oui");
    expect(mine.every((line) => line.split(";").length === EXPORT_COLUMNS.length)).toBe(true);
    // Phones in the national format a spreadsheet keeps as text.
    expect(mine.find((line) => line.split(";")[1] === "titulaire")!.split(";")[EXPORT_COLUMNS.indexOf("telephone_portable")]).toBe("06 11 22 33 44");
    expect(await prisma.auditLog.count({ where: { action: "families.exported", actorId: agents.agent!.id } })).toBeGreaterThan(0);
  });

  test("cells with separators, quotes or line breaks are quoted", () => {
    expect(csvCell('Dupont; "dit" Toto')).toBe('"Dupont; ""dit"" Toto"');
    expect(csvCell("ligne\nsuivante")).toBe('"ligne\nsuivante"');
    expect(csvCell("+33611223344")).toBe("'+33611223344");
    expect(csvCell(null)).toBe("");
  });
});

describe("hostile input to the review", () => {
  /** Refused with a French message, or done: never a crash, never an unstorable row. */
  async function refusesOrAnswers(call: () => Promise<unknown>) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ExpectedError)) throw error;
      expectFrenchMessage(error.message);
      return error;
    }
  }

  test("queue filters from the address: any values give a page, never an error", async () => {
    await fc.assert(
      fc.asyncProperty(hostileForm(["statut", "q", "du", "au", "tri", "mes", "apres"]), async (raw) => {
        const result = await listQueue(agents.agent, queueFiltersSchema.parse(raw));
        expect(result.counts).toHaveLength(5);
      }),
      { numRuns: RUNS.service },
    );
  });

  test("decisions with hostile ids, versions, messages and remarks", async () => {
    const { demarche } = await sentDeclaration();
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.uuid(), fc.constant(demarche.id)), fc.integer({ min: -5, max: 5 }), hostileString, async (id, version, text) => {
        await refusesOrAnswers(() => getDeclarationForStaff(agents.agent, id));
        await refusesOrAnswers(() => takeDeclaration(agents.agent, id, version));
        await refusesOrAnswers(() => requestCorrection(agents.agent, id, version, text, [{ key: "piece:LIVRET_FAMILLE", target: text, message: text }]));
        await refusesOrAnswers(() => refuseDeclaration(agents.agent, id, version, text));
        await refusesOrAnswers(() => readDeclarationDocument(agents.agent, id, id));
      }),
      { numRuns: RUNS.service },
    );
    const events = await prisma.demarcheEvent.findMany({ where: { demarcheId: demarche.id }, select: { message: true, remarks: true } });
    expect(events.filter((event) => holdsForbidden(event.message) || holdsForbidden(event.remarks))).toEqual([]);
  });

  test("the correction and refusal forms refuse forbidden characters on their field, in French", () => {
    const correction = correctionSchema.safeParse({ version: "1", message: "Merci de joindre\u0000 le livret." });
    expect(correction.success).toBe(false);
    expect(correction.error?.issues[0]?.message).toBe("Le champ 'message au parent' contient des caractères non autorisés.");
    const refusal = refusalSchema.safeParse({ version: "1", reason: "\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b" });
    expect(refusal.error?.issues.map((issue) => issue.message)).toContain("Le champ 'motif du refus' doit contenir au moins une lettre ou un chiffre.");
  });
});

/** What a worker's `mail.deliver` jobs do (lib/platform/mail/queue.ts), run here for one recipient's queued mails. */
async function deliverQueuedMailsTo(to: string) {
  const { deliverQueuedMail } = await import("@/lib/platform/mail/queue");
  for (const mail of await prisma.queuedMail.findMany({ where: { to }, select: { id: true } })) await deliverQueuedMail(mail.id);
}
