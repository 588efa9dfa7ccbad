import { db } from "@/lib/platform/db";
import { savePerson } from "@/lib/declaration/service";
import { exportValidatedFamilies } from "@/lib/review/export";
import { listQueue } from "@/lib/review/queue";
import { queueFiltersSchema } from "@/lib/review/schemas";
import {
  acceptDeclaration,
  declarationRemarkTargets,
  getDeclarationForStaff,
  readDeclarationDocument,
  refuseDeclaration,
  requestCorrection,
  takeDeclaration,
} from "@/lib/review/service";
import { ForbiddenError, type Caller } from "@/lib/platform/security/authorize";
import { testPrisma } from "../fixtures/db";
import { holder, parentAccount, reviewStaff, sentDeclaration } from "./support/review";

/**
 * Who may see a family declaration under review: every review function refuses a visitor and a parent by
 * itself; staff reads are audited; a document is served only through the démarche that holds it.
 */
const prisma = testPrisma();
const agents = reviewStaff();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

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
