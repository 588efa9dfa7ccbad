import { randomUUID } from "node:crypto";
import { ExpectedError } from "@/lib/platform/errors";
import { db } from "@/lib/platform/db";
import { lastStaffRequest } from "@/lib/review/history";
import { savePerson, submitDeclaration } from "@/lib/declaration/service";
import { createKnownFamily } from "@/lib/dossier/service";
import { familyOfAccount } from "@/lib/dossier/queries";
import { acceptDeclaration, getDeclarationForStaff, refuseDeclaration, requestCorrection, takeDeclaration } from "@/lib/review/service";
import { testPrisma } from "../fixtures/db";
import { child, deliverQueuedMailsTo, reviewStaff, sentDeclaration } from "./support/review";

/**
 * The staff's decisions on a family declaration, on a real database: what each one writes (events,
 * notification, mail, audit, family dossier), and concurrent decisions, where nobody silently overwrites
 * another agent's work.
 */
const prisma = testPrisma();
const agents = reviewStaff();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
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
    const correctionMail = await prisma.outboxMail.findFirst({
      where: { to: account.email, subject: { startsWith: "Votre déclaration est à compléter" } },
    });
    expect(correctionMail?.text).toContain("Joignez toutes les pages.");

    // The parent corrects and sends again: back in the queue "à traiter".
    expect(
      (
        await savePerson(
          account.id,
          { kind: "child", id: (row.data as { children: { id: string }[] }).children[0]!.id },
          { ...child("Hugo", "MARTIN"), birthDate: "05/09/2017" },
        )
      ).ok,
    ).toBe(true);
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
    expect(holderRow).toMatchObject({
      accountId: account.id,
      allocataireMember: true,
      allocataireRegime: "GENERAL",
      allocataireNumber: "1234567",
      mobile: "+33611223344",
    });
    const links = await prisma.parentalLink.findMany({ where: { representativeId: holderRow.id } });
    expect(links).toEqual([expect.objectContaining({ quality: "MERE", parentalAuthority: true })]);

    const events = await prisma.demarcheEvent.findMany({ where: { demarcheId: demarche.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["CREATED", "SUBMITTED", "TAKEN", "CORRECTION_REQUESTED", "RESUBMITTED", "ACCEPTED"]);
    const audited = await prisma.auditLog.findMany({
      where: { targetId: demarche.id, action: { in: ["declaration.taken", "declaration.correction_requested", "declaration.accepted"] } },
    });
    expect(audited.map((entry) => entry.action).sort()).toEqual([
      "declaration.accepted",
      "declaration.correction_requested",
      "declaration.taken",
    ]);
    await deliverQueuedMailsTo(account.email);
    const acceptedMail = await prisma.outboxMail.findFirst({
      where: { to: account.email, subject: { startsWith: "Votre déclaration a été acceptée" } },
    });
    expect(acceptedMail?.text).toContain(dossier.dossierNumber);
  });

  test("a refusal keeps its reason, reaches the parent, and creates no dossier", async () => {
    const { account, demarche } = await sentDeclaration();
    await refuseDeclaration(agents.agent, demarche.id, demarche.version, "Vous n'habitez pas la commune.");
    const row = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id } });
    expect(row).toMatchObject({ status: "REFUSED", refusalReason: "Vous n'habitez pas la commune.", familyId: null });
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).familyId).toBeNull();
    expect(await prisma.notification.count({ where: { accountId: account.id, title: "Votre déclaration de famille est refusée" } })).toBe(
      1,
    );
    // A decided declaration takes no further decision.
    await expect(acceptDeclaration(agents.agent, demarche.id, row.version)).rejects.toThrow(
      "Cette déclaration est « refusée » : cette décision n'est plus possible.",
    );
  });

  test("validating for a family the town already knows (Clé Enfance) updates that dossier in place", async () => {
    const known = await createKnownFamily(agents.agent, {
      representatives: [{ civility: "MADAME", usageName: "DURAND", firstName: "Julie" }],
      children: [{ usageName: "DURAND", firstName: "Hugo", birthDate: new Date("2017-09-04") }],
    });
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
    const error = await requestCorrection(agents.agent, demarche.id, demarche.version, "Il manque une pièce.", []).catch(
      (caught: unknown) => caught,
    );
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
