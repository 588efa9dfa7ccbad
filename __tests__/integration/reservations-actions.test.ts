jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);
jest.mock("next/cache", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextCacheMock);
jest.mock("@/lib/auth/config", () => jest.requireActual<typeof import("./support/auth-mock")>("./support/auth-mock").authConfigMock);

import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { calendarAction, enrolAction, weekPatternAction, type ReservationState } from "@/lib/reservations/actions";
import { settleJobs } from "@/lib/reservations/jobs";
import { PDFDocument } from "pdf-lib";
import { dayPdf } from "@/lib/reservations/day-pdf";
import { dayCsv } from "@/lib/reservations/staff";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { attendanceAction, decideEnrolmentAction, staffCancelAction, walkInAction } from "@/lib/reservations/staff-actions";
import { createTestActivity, createTestFamilies, enrolAll, slotInvariant, type TestFamily } from "../support/reservations";
import { testPrisma } from "../fixtures/db";
import { actAs, form, outcomeOf, type Session } from "./support/request-scope";

const asParentCaller = (family: { accountId: string }) => ({ kind: "parent" as const, id: family.accountId });

/**
 * The reservations' server actions as a browser (or a script) calls them: another family's child or booking is
 * refused, garbage answers a French message and never crashes, staff actions are for staff and audited.
 */
const prisma = testPrisma();
const idle: ReservationState = { status: "idle" };
const asParent = (family: TestFamily): Session => ({ user: { id: family.accountId, kind: "parent", sessionVersion: 0 } });
let agent: Session = null;
let agentId = "";

beforeAll(async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const row = await prisma.staffUser.create({
    data: {
      login: `resa.agent.${randomUUID().slice(0, 8)}`,
      email: `resa.${randomUUID().slice(0, 8)}@example.org`,
      displayName: "Agent",
      passwordHash: "x",
      role: "AGENT",
      totpEnabledAt: new Date(),
    },
  });
  agentId = row.id;
  agent = { user: { id: row.id, kind: "staff", sessionVersion: 0, role: "AGENT" } };
});

afterAll(async () => {
  await settleJobs();
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("parent actions", () => {
  it("enrols two children at once, books ticked days and refuses another family's child", async () => {
    const activity = await createTestActivity(prisma, { capacity: 10, startDate: "2027-06-01", endDate: "2027-06-30" });
    const [family, other] = await createTestFamilies(prisma, 2, 2);
    actAs(asParent(family!));
    const both = new FormData();
    both.set("periode", activity.periodId);
    for (const id of family!.childIds) both.append("enfant", id);
    const enrolled = await enrolAction(idle, both);
    expect(enrolled).toMatchObject({ status: "done" });
    expect(enrolled.results?.map((result) => result.text)).toEqual(["Enfant1 : acceptée", "Enfant2 : acceptée"]);

    const ticked = new FormData();
    ticked.set("activite", activity.activityId);
    ticked.append("case", `${family!.childIds[0]}|2027-06-01|${activity.unitId}`);
    ticked.append("case", `${family!.childIds[1]}|2027-06-01|${activity.unitId}`);
    const booked = await calendarAction(idle, ticked);
    expect(booked.results?.map((result) => result.text)).toEqual([
      "Enfant1, mardi 1er juin 2027 (Journée) : réservé",
      "Enfant2, mardi 1er juin 2027 (Journée) : réservé",
    ]);

    // Parent B ticks parent A's child: refused, nothing written.
    actAs(asParent(other!));
    const hostile = new FormData();
    hostile.set("activite", activity.activityId);
    hostile.append("case", `${family!.childIds[0]}|2027-06-02|${activity.unitId}`);
    expect(await calendarAction(idle, hostile)).toEqual({ status: "error", message: "Cet enfant ne fait pas partie de votre famille." });
    const booking = await prisma.booking.findFirstOrThrow({ where: { childId: family!.childIds[0]! } });
    expect(await calendarAction(idle, form({ annuler: booking.id }))).toEqual({ status: "error", message: "Réservation introuvable." });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("BOOKED");
    expect(await prisma.booking.count({ where: { childId: family!.childIds[0]!, date: new Date("2027-06-02T00:00:00Z") } })).toBe(0);

    // Parent A cancels in one tap.
    actAs(asParent(family!));
    expect(await calendarAction(idle, form({ annuler: booking.id }))).toEqual({ status: "done", message: "Réservation annulée." });
    await settleJobs();
    expect(await slotInvariant(prisma, activity, "2027-06-01")).toMatchObject({ booked: 1, rowsHoldingPlaces: 1 });
  });

  it("books a week pattern to the end of the period in one step", async () => {
    const activity = await createTestActivity(prisma, {
      capacity: 10,
      kind: "SCHOOL_YEAR",
      startDate: "2027-03-01",
      endDate: "2027-06-30",
      weekdays: [1, 2, 3, 4, 5],
    });
    const [family] = await createTestFamilies(prisma, 1);
    await enrolAll(prisma, activity, [family!]);
    actAs(asParent(family!));
    const data = new FormData();
    data.set("activite", activity.activityId);
    data.set("unite", activity.unitId);
    data.append("enfant", family!.childIds[0]!);
    data.append("jour", "3");
    const answer = await weekPatternAction(idle, data);
    // Wednesdays from 3 March to 30 June 2027, less the spring holidays (14 and 21 April).
    expect(answer.message).toBe("16 jours réservés d'un coup.");
    expect(await prisma.booking.count({ where: { childId: family!.childIds[0]!, status: "BOOKED" } })).toBe(16);
  });

  it("answers garbage with a French message, never a crash", async () => {
    const [family] = await createTestFamilies(prisma, 1);
    actAs(asParent(family!));
    for (const values of [{}, { activite: "x", case: "a|b|c" }, { annuler: "'; DROP TABLE bookings; --" }, { accepter: "zz" }]) {
      const outcome = await outcomeOf(() => calendarAction(idle, form(values)));
      expect(outcome.kind).toBe("returned");
      expect((outcome as { value: ReservationState }).value.status).toBe("error");
    }
    expect((await outcomeOf(() => enrolAction(idle, form({ periode: "nope", enfant: "nope" })))).kind).toBe("returned");
    actAs(null);
    expect((await outcomeOf(() => calendarAction(idle, form({})))).kind).toBe("redirected");
  });
});

describe("staff actions", () => {
  it("are refused to a parent and to nobody", async () => {
    const [family] = await createTestFamilies(prisma, 1);
    for (const session of [asParent(family!), null]) {
      actAs(session);
      const outcome = await outcomeOf(() => attendanceAction(form({ reservation: randomUUID(), pointage: "PRESENT" })));
      expect(outcome).toEqual({ kind: "redirected", to: "/admin/connexion" });
      expect(await outcomeOf(() => decideEnrolmentAction(form({ inscription: randomUUID(), decision: "accept" })))).toEqual({
        kind: "redirected",
        to: "/admin/connexion",
      });
    }
  });

  it("validate an enrolment, take attendance, add an unexpected presence, cancel with a reason and export the day", async () => {
    const activity = await createTestActivity(prisma, { capacity: 4, validation: "STAFF", startDate: "2027-06-01", endDate: "2027-06-30" });
    const [family, walkInFamily] = await createTestFamilies(prisma, 2);
    actAs(asParent(family!));
    const data = new FormData();
    data.set("periode", activity.periodId);
    data.append("enfant", family!.childIds[0]!);
    expect((await enrolAction(idle, data)).results?.[0]?.text).toBe("Enfant1 : demandée");
    await enrolAll(prisma, activity, [walkInFamily!]);
    actAs(agent);
    const enrolment = await prisma.enrolment.findFirstOrThrow({ where: { childId: family!.childIds[0]! } });
    expect(
      await outcomeOf(() =>
        decideEnrolmentAction(form({ inscription: enrolment.id, decision: "accept", retour: "/admin/reservations/inscriptions" })),
      ),
    ).toEqual({
      kind: "redirected",
      to: `/admin/reservations/inscriptions?ok=${encodeURIComponent("Inscription acceptée : la famille est prévenue.")}`,
    });

    actAs(asParent(family!));
    const ticked = new FormData();
    ticked.set("activite", activity.activityId);
    ticked.append("case", `${family!.childIds[0]}|2027-06-01|${activity.unitId}`);
    await calendarAction(idle, ticked);
    const booking = await prisma.booking.findFirstOrThrow({ where: { childId: family!.childIds[0]! } });

    actAs(agent);
    const back = "/admin/reservations/x/2027-06-01";
    const code = (await prisma.activity.findUniqueOrThrow({ where: { id: activity.activityId } })).code;
    const day = `/admin/reservations/${code}/2027-06-01`;
    expect(
      await outcomeOf(() => attendanceAction(form({ reservation: booking.id, pointage: "LATE", heure: "09:15", retour: day }))),
    ).toEqual({ kind: "redirected", to: `${day}?ok=${encodeURIComponent("Pointage enregistré.")}` });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      attendance: "LATE",
      attendanceTime: "09:15",
      attendanceById: agentId,
    });
    expect((await outcomeOf(() => attendanceAction(form({ reservation: booking.id, pointage: "LEFT_EARLY", retour: back })))).kind).toBe(
      "redirected",
    );
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).attendance).toBe("LATE");

    await outcomeOf(() =>
      walkInAction(form({ activite: code, jour: "2027-06-01", unite: activity.unitId, enfant: walkInFamily!.childIds[0], retour: back })),
    );
    expect(await prisma.booking.findFirstOrThrow({ where: { childId: walkInFamily!.childIds[0]! } })).toMatchObject({
      status: "WALK_IN",
      walkIn: true,
      attendance: "PRESENT",
    });
    expect(await slotInvariant(prisma, activity, "2027-06-01")).toMatchObject({ booked: 1 });

    const csv = (await dayCsv({ kind: "staff", id: agentId }, code, "2027-06-01"))!;
    expect(csv.startsWith("\uFEFFdate;groupe;temps_accueil;enfant")).toBe(true);
    expect(csv).toContain("Arrivé en retard;09:15");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
    const printed = await PDFDocument.load((await dayPdf({ kind: "staff", id: agentId }, code, "2027-06-01"))!);
    expect(printed.getTitle()).toMatch(/^Pointage Accueil de loisirs .* du 1 juin 2027$/);
    expect(printed.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(await dayPdf({ kind: "staff", id: agentId }, "pas-une-activite", "2027-06-01")).toBeNull();
    await expect(dayPdf(asParentCaller(family!), code, "2027-06-01")).rejects.toBeInstanceOf(ForbiddenError);

    expect(await outcomeOf(() => staffCancelAction(form({ reservation: booking.id, motif: "", retour: back })))).toMatchObject({
      kind: "redirected",
    });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("BOOKED");
    await outcomeOf(() => staffCancelAction(form({ reservation: booking.id, motif: "Appel de la maman", retour: back })));
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      status: "CANCELLED",
      staffReason: "Appel de la maman",
    });
    expect(
      await prisma.auditLog.count({
        where: {
          actorId: agentId,
          action: {
            in: [
              "reservations.attendance",
              "reservations.walk-in",
              "reservations.staff-cancelled",
              "reservations.day-viewed",
              "enrolment.accepted",
            ],
          },
        },
      }),
    ).toBeGreaterThanOrEqual(5);
    await settleJobs();
  });
});
