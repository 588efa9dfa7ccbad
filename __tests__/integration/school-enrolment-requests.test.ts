import { randomUUID } from "node:crypto";
import { ExpectedError } from "@/lib/platform/errors";
import { db } from "@/lib/platform/db";
import { simplePdf } from "@/lib/platform/pdf/simple-document";
import { applyCarteImport, previewCarteImport } from "@/lib/school-enrolment/carte";
import { certificateFor } from "@/lib/school-enrolment/certificate";
import { DEMO_SCHOOLS_CSV, DEMO_SECTORS_CSV } from "@/lib/school-enrolment/demo-carte";
import { schoolRequestPage, submitSchoolRequest } from "@/lib/school-enrolment/requests";
import { decideSchoolRequest, enrolledChildren, headcounts, readSchoolRequestDocument } from "@/lib/school-enrolment/review";
import { currentCampaign, saveCampaign } from "@/lib/school-enrolment/campaign-settings";
import { schoolRequestSchema } from "@/lib/school-enrolment/schemas";
import { ForbiddenError, type Caller } from "@/lib/platform/security/authorize";
import { testPrisma } from "../fixtures/db";

/**
 * School enrolment requests and their review on a real database: the rules of a request (validated family,
 * campaign dates, computed level, sector school, documents, one per child and year), another family refused,
 * concurrent staff decisions, the mail sent once and the certificate to its family only.
 */
const prisma = testPrisma();
const IN_CAMPAIGN = new Date("2027-01-15T10:00:00Z");
let agent: Caller = null;
let other: Caller = null;

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

beforeAll(async () => {
  const staff = async () => {
    const suffix = randomUUID().slice(0, 8);
    const row = await prisma.staffUser.create({
      data: { login: `sco.${suffix}`, email: `sco.${suffix}@example.org`, displayName: `Agent ${suffix}`, passwordHash: "x" },
    });
    return { kind: "staff" as const, id: row.id };
  };
  agent = await staff();
  other = await staff();
  if ((await prisma.school.count()) === 0) {
    const preview = await previewCarteImport(agent, { schoolsCsv: DEMO_SCHOOLS_CSV, sectorsCsv: DEMO_SECTORS_CSV });
    await applyCarteImport(agent, { schoolsCsv: DEMO_SCHOOLS_CSV, sectorsCsv: DEMO_SECTORS_CSV }, preview.fingerprint);
  }
});

/** A validated family living at `street`, with a parent account and a child born on `birthDate`. */
async function family(streetNumber: string, streetName: string, birthDate = "2024-05-10", status: "ACTIVE" | "KNOWN" = "ACTIVE") {
  const suffix = randomUUID().slice(0, 8);
  const dossier = await prisma.family.create({ data: { dossierNumber: `F-SCO-${suffix}`, status } });
  const account = await prisma.account.create({
    data: {
      login: `sco.${suffix}`,
      email: `sco.${suffix}@example.org`,
      emailVerifiedAt: new Date(),
      passwordHash: "x",
      status: "ACTIVE",
      activatedAt: new Date(),
      civility: "MADAME",
      usageName: "Martin",
      firstNames: "Julie",
      birthDate: new Date("1988-02-11"),
      cguAcceptedAt: new Date(),
      cguVersion: "test",
      familyId: dossier.id,
    },
  });
  await prisma.familyMember.create({
    data: {
      familyId: dossier.id,
      role: "HOLDER",
      accountId: account.id,
      usageName: "Martin",
      firstName: "Julie",
      streetNumber,
      streetName,
      postalCode: "33560",
      city: "Carbon-Blanc",
    },
  });
  const child = await prisma.familyMember.create({
    data: { familyId: dossier.id, role: "CHILD", usageName: "Martin", firstName: `Léa${suffix}`, birthDate: new Date(birthDate) },
  });
  return { familyId: dossier.id, accountId: account.id, email: account.email, childId: child.id };
}

async function pdf(name: string) {
  return new File([Buffer.from(await simplePdf({ title: name, paragraphs: ["Pièce de test"], author: "Test" }))], `${name}.pdf`, {
    type: "application/pdf",
  });
}
async function allDocuments() {
  return { "livret-famille": await pdf("livret"), "justificatif-domicile": await pdf("domicile"), vaccinations: await pdf("vaccins") };
}
const input = (childId: string, extra: Record<string, string> = {}) => schoolRequestSchema.parse({ childId, level: "PS", ...extra });

describe("a parent's request", () => {
  it("computes the level and the sector school from the family's address, and asks for the missing documents", async () => {
    const parent = await family("44", "rue Jean Jaurès");
    const page = await schoolRequestPage(parent.accountId, IN_CAMPAIGN);
    expect(page?.campaign.kind).toBe("open");
    expect(page?.schoolYear).toBe("2027-2028");
    expect(page?.sector?.maternelle.code).toBe("MAT-PARC");
    expect(page?.children[0]?.computedLevel).toBe("PS");
    expect(page?.documents.map((document) => document.held)).toEqual([false, false, false]);
    await expect(submitSchoolRequest(parent.accountId, input(parent.childId), {}, IN_CAMPAIGN)).rejects.toMatchObject({
      field: "doc_livret-famille",
    });
  });

  it("says when the campaign opens, and refuses a request outside it", async () => {
    const parent = await family("3", "Rue du Parc");
    const before = new Date("2026-11-20T10:00:00Z");
    expect((await schoolRequestPage(parent.accountId, before))?.campaign).toMatchObject({
      kind: "not-yet",
      campaign: { opensOn: "2026-12-01" },
    });
    await expect(submitSchoolRequest(parent.accountId, input(parent.childId), await allDocuments(), before)).rejects.toThrow(
      /pas ouvertes/,
    );
  });

  it("asks a reason to change the level, refuses a family not validated and another family's child", async () => {
    const parent = await family("3", "Rue du Parc");
    await expect(
      submitSchoolRequest(parent.accountId, input(parent.childId, { level: "MS" }), await allDocuments(), IN_CAMPAIGN),
    ).rejects.toMatchObject({ field: "levelReason" });
    const stranger = await family("5", "Rue du Parc");
    await expect(submitSchoolRequest(stranger.accountId, input(parent.childId), await allDocuments(), IN_CAMPAIGN)).rejects.toThrow(
      /ne fait pas partie de votre famille/,
    );
    const pending = await family("7", "Rue du Parc", "2024-05-10", "KNOWN");
    await expect(submitSchoolRequest(pending.accountId, input(pending.childId), await allDocuments(), IN_CAMPAIGN)).rejects.toThrow(
      /déclarée et validée/,
    );
    expect(await prisma.schoolEnrolment.count({ where: { childId: parent.childId } })).toBe(0);
  });

  it("reuses the family's valid documents instead of asking them again", async () => {
    const parent = await family("9", "Rue du Parc");
    for (const kind of ["LIVRET_FAMILLE", "JUSTIFICATIF_DOMICILE"] as const) {
      const document = await prisma.document.create({
        data: {
          ownerId: parent.accountId,
          kind,
          fileName: "x.pdf",
          provider: "LOCAL",
          storageKey: `test/${randomUUID()}`,
          mediaType: "application/pdf",
          size: 1,
          sha256: "x",
        },
      });
      await prisma.familyDocument.create({ data: { familyId: parent.familyId, documentId: document.id, kind } });
    }
    const page = await schoolRequestPage(parent.accountId, IN_CAMPAIGN);
    expect(page?.documents.filter((document) => !document.held).map((document) => document.code)).toEqual(["vaccinations"]);
    const created = await submitSchoolRequest(parent.accountId, input(parent.childId), { vaccinations: await pdf("vaccins") }, IN_CAMPAIGN);
    const row = await prisma.schoolEnrolment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.documents).toMatchObject({
      "livret-famille": { reused: true },
      "justificatif-domicile": { reused: true },
      vaccinations: { reused: false },
    });
  });

  it("keeps one request per child and school year, even sent twice at once", async () => {
    const parent = await family("12", "Allée des Tilleuls");
    const results = await Promise.allSettled([
      submitSchoolRequest(parent.accountId, input(parent.childId), await allDocuments(), IN_CAMPAIGN),
      submitSchoolRequest(parent.accountId, input(parent.childId), await allDocuments(), IN_CAMPAIGN),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ExpectedError);
    expect(refused.reason.message).toMatch(/existe déjà/);
    expect(await prisma.schoolEnrolment.count({ where: { childId: parent.childId } })).toBe(1);
  });
});

describe("staff review", () => {
  it("is refused to parents and nobody", async () => {
    const parent = await family("14", "Rue du Parc");
    await expect(
      decideSchoolRequest({ kind: "parent", id: parent.accountId }, { id: randomUUID(), version: 0, decision: "validate", reason: "" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(headcounts(null, "2027-2028")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lets one of two concurrent decisions win, mails the family once, and gives the certificate to its family only", async () => {
    const parent = await family("20", "Rue du Parc");
    const { id } = await submitSchoolRequest(parent.accountId, input(parent.childId), await allDocuments(), IN_CAMPAIGN);
    const results = await Promise.allSettled([
      decideSchoolRequest(agent, { id, version: 0, decision: "validate", reason: "" }),
      decideSchoolRequest(other, { id, version: 0, decision: "refuse", reason: "Dossier incomplet" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason.message).toMatch(
      /a changé depuis votre lecture/,
    );
    const row = await prisma.schoolEnrolment.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(1);
    const mails =
      (await prisma.queuedMail.count({ where: { to: parent.email } })) + (await prisma.outboxMail.count({ where: { to: parent.email } }));
    expect(mails).toBe(1);
    expect(
      await prisma.auditLog.count({ where: { targetId: id, action: { in: ["school-enrolment.validate", "school-enrolment.refuse"] } } }),
    ).toBe(1);

    if (row.status === "VALIDATED") {
      const certificate = await certificateFor(parent.accountId, id);
      expect(Buffer.from(certificate!.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
      const stranger = await family("22", "Rue du Parc");
      expect(await certificateFor(stranger.accountId, id)).toBeNull();
      const list = await enrolledChildren(agent, "2027-2028", row.schoolId);
      expect(list?.rows.some((entry) => entry.reference === row.reference)).toBe(true);
    } else {
      expect(await certificateFor(parent.accountId, id)).toBeNull();
    }
  });

  it("grants or refuses a derogation with its reason before validating", async () => {
    const parent = await family("21", "Rue du Parc");
    const tilleuls = await prisma.school.findUniqueOrThrow({ where: { code: "MAT-TILLEULS" } });
    const request = input(parent.childId, {
      derogation: "oui",
      derogationSchoolId: tilleuls.id,
      derogationReason: "TRAVAIL",
      derogationDetails: "Travail près de l'école",
    });
    await expect(submitSchoolRequest(parent.accountId, request, await allDocuments(), IN_CAMPAIGN)).rejects.toMatchObject({
      field: "doc_derogation",
    });
    const { id } = await submitSchoolRequest(
      parent.accountId,
      request,
      { ...(await allDocuments()), derogation: await pdf("attestation") },
      IN_CAMPAIGN,
    );
    await expect(decideSchoolRequest(agent, { id, version: 0, decision: "validate", reason: "" })).rejects.toThrow(/dérogation attend/);
    await expect(decideSchoolRequest(agent, { id, version: 0, decision: "refuse-derogation", reason: "" })).rejects.toMatchObject({
      field: "reason",
    });
    await decideSchoolRequest(agent, { id, version: 0, decision: "refuse-derogation", reason: "Classes complètes à l'école Les Tilleuls" });
    const refused = await prisma.schoolEnrolment.findUniqueOrThrow({ where: { id }, include: { school: true } });
    expect(refused).toMatchObject({ derogation: "REFUSED", derogationDecision: "Classes complètes à l'école Les Tilleuls", version: 1 });
    expect(refused.school.code).toBe("MAT-PARC");
    const page = await schoolRequestPage(parent.accountId, IN_CAMPAIGN);
    expect(page?.children[0]?.request).toMatchObject({
      derogation: "REFUSED",
      derogationDecision: "Classes complètes à l'école Les Tilleuls",
    });
    await decideSchoolRequest(agent, { id, version: 1, decision: "validate", reason: "" });
    const counts = await headcounts(agent, "2027-2028");
    expect(
      counts.find((school) => school.name === "École maternelle du Parc")?.levels.find((level) => level.level === "PS")?.validated,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe("staff reading a request's documents", () => {
  it("gives an agent the documents the request names, records each access, and nothing to a parent", async () => {
    const parent = await family("23", "Rue du Parc");
    const { id } = await submitSchoolRequest(parent.accountId, input(parent.childId), await allDocuments(), IN_CAMPAIGN);
    const found = await readSchoolRequestDocument(agent, id, "livret-famille");
    expect(Buffer.from(found!.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(found!.document.fileName).toBe("livret.pdf");
    expect(await prisma.auditLog.count({ where: { action: "document.viewed", targetId: found!.document.id } })).toBe(1);
    expect(await readSchoolRequestDocument(agent, id, "derogation")).toBeNull();
    expect(await readSchoolRequestDocument(agent, randomUUID(), "livret-famille")).toBeNull();
    expect(await readSchoolRequestDocument(agent, id, "../../etc/passwd")).toBeNull();
    await expect(readSchoolRequestDocument({ kind: "parent", id: parent.accountId }, id, "livret-famille")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("the campaign's dates", () => {
  afterEach(async () => {
    await prisma.townSetting.deleteMany({ where: { key: "schoolEnrolment.campaign" } });
  });

  it("are changed by an administrator only, checked field by field, and close the requests outside them", async () => {
    const admin = await prisma.staffUser.create({
      data: {
        login: `sco.admin.${randomUUID().slice(0, 8)}`,
        email: `sco.admin.${randomUUID().slice(0, 8)}@example.org`,
        displayName: "Admin",
        passwordHash: "x",
        role: "ADMINISTRATOR",
      },
    });
    const administrator = { kind: "staff" as const, id: admin.id };
    await expect(saveCampaign(agent, { schoolYearStart: "2027", opensOn: "2027-02-01", closesOn: "2027-02-28" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      saveCampaign(administrator, { schoolYearStart: "2027", opensOn: "2027-02-01", closesOn: "2027-01-28" }),
    ).rejects.toMatchObject({ field: "closesOn" });
    await expect(
      saveCampaign(administrator, { schoolYearStart: "2027", opensOn: "2027-02-31", closesOn: "2027-03-28" }),
    ).rejects.toMatchObject({ field: "opensOn" });
    await expect(
      saveCampaign(administrator, { schoolYearStart: "deux mille", opensOn: "2027-02-01", closesOn: "2027-03-28" }),
    ).rejects.toMatchObject({ field: "schoolYearStart" });
    expect(await currentCampaign()).toEqual({ schoolYearStart: 2027, opensOn: "2026-12-01", closesOn: "2027-03-31" });

    await saveCampaign(administrator, { schoolYearStart: "2027", opensOn: "2027-02-01", closesOn: "2027-02-28" });
    expect(await currentCampaign()).toEqual({ schoolYearStart: 2027, opensOn: "2027-02-01", closesOn: "2027-02-28" });
    expect(await prisma.auditLog.count({ where: { action: "school-enrolment.campaign.updated", actorId: admin.id } })).toBe(1);
    const parent = await family("24", "Rue du Parc");
    expect((await schoolRequestPage(parent.accountId, IN_CAMPAIGN))?.campaign).toMatchObject({
      kind: "not-yet",
      campaign: { opensOn: "2027-02-01" },
    });
    await expect(submitSchoolRequest(parent.accountId, input(parent.childId), await allDocuments(), IN_CAMPAIGN)).rejects.toThrow(
      /pas ouvertes/,
    );
  });
});
