import fc from "fast-check";
import { ExpectedError } from "@/lib/platform/errors";
import { db } from "@/lib/platform/db";
import { listQueue } from "@/lib/review/queue";
import { correctionSchema, queueFiltersSchema, refusalSchema } from "@/lib/review/schemas";
import {
  getDeclarationForStaff,
  readDeclarationDocument,
  refuseDeclaration,
  requestCorrection,
  takeDeclaration,
} from "@/lib/review/service";
import { expectFrenchMessage, holdsForbidden, hostileForm, hostileString, RUNS } from "../support/hostile";
import { testPrisma } from "../fixtures/db";
import { reviewStaff, sentDeclaration } from "./support/review";

/** The review under hostile input: any filters, ids, versions and texts give a page or a French refusal, never a crash. */
const prisma = testPrisma();
const agents = reviewStaff();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
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
      fc.asyncProperty(
        fc.oneof(hostileString, fc.uuid(), fc.constant(demarche.id)),
        fc.integer({ min: -5, max: 5 }),
        hostileString,
        async (id, version, text) => {
          await refusesOrAnswers(() => getDeclarationForStaff(agents.agent, id));
          await refusesOrAnswers(() => takeDeclaration(agents.agent, id, version));
          await refusesOrAnswers(() =>
            requestCorrection(agents.agent, id, version, text, [{ key: "piece:LIVRET_FAMILLE", target: text, message: text }]),
          );
          await refusesOrAnswers(() => refuseDeclaration(agents.agent, id, version, text));
          await refusesOrAnswers(() => readDeclarationDocument(agents.agent, id, id));
        },
      ),
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
    expect(refusal.error?.issues.map((issue) => issue.message)).toContain(
      "Le champ 'motif du refus' doit contenir au moins une lettre ou un chiffre.",
    );
  });
});
