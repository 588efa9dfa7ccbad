import { randomUUID } from "node:crypto";
import { computeDraft } from "@/lib/billing";
import {
  answerRetrievedQuotient,
  quotientOverview,
  rejectAttestation,
  retrieveQuotientWithFranceConnect,
  validateAttestation,
} from "@/lib/billing/quotient";
import { db } from "@/lib/platform/db";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { startApiParticulierStandin, type ApiParticulierStandin } from "../../scripts/api-particulier-standin";
import { billingFamily, billingStaff, canteenItem } from "../support/billing";
import { testPrisma } from "../fixtures/db";

/** The quotient familial from API Particulier (stand-in over HTTP) or from an attestation, and its use in prices. */
const prisma = testPrisma();
let api: ApiParticulierStandin;

beforeAll(async () => {
  api = await startApiParticulierStandin();
  process.env.API_PARTICULIER_URL = api.url;
});

afterAll(async () => {
  await api.stop();
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("quotient familial", () => {
  it("retrieves it with the FranceConnect token, lets the parent confirm it, and prices with it", async () => {
    const parent = await billingFamily(prisma, { quotient: null });
    const staff = await billingStaff(prisma);
    expect((await quotientOverview(parent.account.id))?.current).toBeNull();
    expect((await quotientOverview(parent.account.id))?.defaultBracket).toContain("Tranche E");

    expect(await retrieveQuotientWithFranceConnect(parent.account.id, "jeton-fc")).toBe("retrieved");
    expect(api.calls.at(-1)).toEqual({ recipient: "21330096300016", hadToken: true });
    const overview = await quotientOverview(parent.account.id);
    expect(overview?.retrieved).toMatchObject({ value: 812, provider: "CNAF" });
    expect(overview?.current).toBeNull(); // not used before the parent confirms it
    const stored = JSON.stringify(await prisma.quotientFamilial.findMany({ where: { familyId: parent.family.id } }));
    expect(stored).not.toContain("jeton-fc");
    expect(
      JSON.stringify((await prisma.auditLog.findMany({ where: { actorId: parent.account.id } })).map((entry) => entry.details)),
    ).not.toContain("jeton-fc");

    const other = await billingFamily(prisma);
    await expect(answerRetrievedQuotient(other.account.id, overview!.retrieved!.id, "confirm")).rejects.toThrow(/déjà été traité/);
    await answerRetrievedQuotient(parent.account.id, overview!.retrieved!.id, "confirm");
    await expect(answerRetrievedQuotient(parent.account.id, overview!.retrieved!.id, "dispute")).rejects.toThrow(/déjà été traité/);
    const confirmed = await quotientOverview(parent.account.id);
    expect(confirmed?.current).toMatchObject({ value: 812, source: "API_PARTICULIER" });
    expect(confirmed?.current?.bracket).toContain("Tranche C");

    const month = new Date().toISOString().slice(0, 7);
    const run = await computeDraft(staff, "RES", month, async () => [canteenItem(parent.family.id, parent.children.lea, `${month}-28`)]);
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { runId: run.runId, familyId: parent.family.id } });
    expect(invoice.quotientValue).toBe(812);
  });

  it("records a dispute, and says when no quotient exists", async () => {
    const parent = await billingFamily(prisma, { quotient: null });
    await retrieveQuotientWithFranceConnect(parent.account.id, "jeton-msa");
    const retrieved = (await quotientOverview(parent.account.id))!.retrieved!;
    expect(retrieved.provider).toBe("MSA");
    await answerRetrievedQuotient(parent.account.id, retrieved.id, "dispute");
    expect((await prisma.quotientFamilial.findUniqueOrThrow({ where: { id: retrieved.id } })).status).toBe("DISPUTED");
    expect((await quotientOverview(parent.account.id))?.current).toBeNull();
    expect(await retrieveQuotientWithFranceConnect(parent.account.id, "jeton-sans-qf")).toBe("introuvable");
  });

  it("lets staff validate or reject an attestation, and refuses parents", async () => {
    const parent = await billingFamily(prisma, { quotient: null });
    const staff = await billingStaff(prisma);
    const make = () =>
      prisma.quotientFamilial.create({
        data: {
          familyId: parent.family.id,
          source: "ATTESTATION",
          status: "SUBMITTED",
          validFrom: new Date("2026-01-01"),
          validUntil: new Date("2026-12-31"),
          documentId: randomUUID(),
          accountId: parent.account.id,
        },
      });
    const first = await make();
    await expect(
      validateAttestation(parent.caller, first.id, { value: 450, validFrom: "2026-01-01", validUntil: "2026-12-31" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(validateAttestation(staff, first.id, { value: -3, validFrom: "2026-01-01", validUntil: "2026-12-31" })).rejects.toThrow(
      /euros/,
    );
    await expect(validateAttestation(staff, first.id, { value: 450, validFrom: "2026-12-31", validUntil: "2026-01-01" })).rejects.toThrow(
      /période/,
    );
    await validateAttestation(staff, first.id, { value: 450, validFrom: "2026-01-01", validUntil: "2026-12-31" });
    await expect(validateAttestation(staff, first.id, { value: 451, validFrom: "2026-01-01", validUntil: "2026-12-31" })).rejects.toThrow(
      /déjà été traitée/,
    );
    const second = await make();
    await rejectAttestation(staff, second.id, "Attestation illisible");
    expect(await prisma.auditLog.count({ where: { actorId: staff.id, action: { in: ["quotient.validated", "quotient.rejected"] } } })).toBe(
      2,
    );
    const overview = await quotientOverview(parent.account.id, new Date("2026-06-01"));
    expect(overview?.current).toMatchObject({ value: 450, source: "ATTESTATION" });
    expect(overview?.current?.bracket).toContain("Tranche A");
  });
});
