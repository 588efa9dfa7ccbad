import { closedReason, isWorkingDay, openDays, publicHoliday, workingDaysBefore } from "@/lib/reservations/rules/closures";
import { dayState, describeDayState } from "@/lib/reservations/rules/day-state";
import { deadlineFor, formatInstant, isBeforeDeadline, parisDay, parisInstant } from "@/lib/reservations/rules/deadlines";
import { addDays, ageOn, isDay, isoWeekday, monthDays } from "@/lib/reservations/rules/days";
import { eligibility } from "@/lib/reservations/rules/enrolment";
import { lotteryOrder } from "@/lib/reservations/rules/lottery";
import { daysOfPattern } from "@/lib/reservations/rules/week-pattern";

const J2_WORKING = { daysBefore: 2, time: "10:00", workingDays: true };
const J2_CALENDAR = { daysBefore: 2, time: "10:00", workingDays: false };

describe("days", () => {
  it("accepts real calendar days only", () => {
    expect(isDay("2027-02-28")).toBe(true);
    expect(isDay("2027-02-29")).toBe(false);
    expect(isDay("2027-2-1")).toBe(false);
  });
  it("knows weekdays, months and ages", () => {
    expect(isoWeekday("2027-03-03")).toBe(3);
    expect(isoWeekday("2027-03-07")).toBe(7);
    expect(monthDays("2027-02")).toHaveLength(28);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(ageOn("2020-09-01", "2026-08-31")).toBe(5);
    expect(ageOn("2020-09-01", "2026-09-01")).toBe(6);
  });
});

describe("deadlines in Europe/Paris", () => {
  it("puts 10:00 at 09:00 UTC in winter and 08:00 UTC in summer", () => {
    expect(parisInstant("2027-01-15", "10:00").toISOString()).toBe("2027-01-15T09:00:00.000Z");
    expect(parisInstant("2027-06-15", "10:00").toISOString()).toBe("2027-06-15T08:00:00.000Z");
  });

  it("crosses the spring change of hour (Sunday 28 March 2027)", () => {
    // Calendar days: Monday 29 → Saturday 27 at 10:00 (winter time); Tuesday 30 → Sunday 28 at 10:00 (summer time).
    expect(deadlineFor("2027-03-29", J2_CALENDAR).toISOString()).toBe("2027-03-27T09:00:00.000Z");
    expect(deadlineFor("2027-03-30", J2_CALENDAR).toISOString()).toBe("2027-03-28T08:00:00.000Z");
    // One minute before and after the deadline on the day the clocks change.
    const deadline = deadlineFor("2027-03-30", J2_CALENDAR);
    expect(isBeforeDeadline("2027-03-30", J2_CALENDAR, new Date(deadline.getTime() - 60_000))).toBe(true);
    expect(isBeforeDeadline("2027-03-30", J2_CALENDAR, deadline)).toBe(false);
  });

  it("crosses the autumn change of hour (Sunday 31 October 2027)", () => {
    expect(deadlineFor("2027-11-02", J2_CALENDAR).toISOString()).toBe("2027-10-31T09:00:00.000Z");
    expect(deadlineFor("2027-11-01", J2_CALENDAR).toISOString()).toBe("2027-10-30T08:00:00.000Z");
    expect(parisDay(new Date("2027-10-30T22:30:00.000Z"))).toBe("2027-10-31");
  });

  it("counts working days: no weekend, no public holiday", () => {
    // Wednesday → Monday; Monday → the Thursday before.
    expect(deadlineFor("2027-03-10", J2_WORKING).toISOString()).toBe("2027-03-08T09:00:00.000Z");
    expect(deadlineFor("2027-03-15", J2_WORKING).toISOString()).toBe("2027-03-11T09:00:00.000Z");
    // Easter Monday 29 March 2027 is skipped: Wednesday 31 → Friday 26 (winter time), Tuesday 30 → Thursday 25.
    expect(publicHoliday("2027-03-29")).toBe("Lundi de Pâques");
    expect(deadlineFor("2027-03-31", J2_WORKING).toISOString()).toBe("2027-03-26T09:00:00.000Z");
    expect(deadlineFor("2027-03-30", J2_WORKING).toISOString()).toBe("2027-03-25T09:00:00.000Z");
    // Ascension Thursday 6 May 2027: Friday 7 → Tuesday 4 at 10:00 summer time.
    expect(deadlineFor("2027-05-07", J2_WORKING).toISOString()).toBe("2027-05-04T08:00:00.000Z");
    // 11 November 2026 (Wednesday) is not a working day; school holidays are.
    expect(isWorkingDay("2026-11-11")).toBe(false);
    expect(isWorkingDay("2027-02-15")).toBe(true);
    expect(workingDaysBefore("2026-11-12", 1)).toBe("2026-11-10");
  });

  it("words a deadline the way a parent reads it", () => {
    expect(formatInstant(new Date("2027-03-01T09:00:00.000Z"))).toBe("lundi 1er mars 2027 à 10 h 00");
  });
});

describe("closed days", () => {
  const schoolYear = { kind: "SCHOOL_YEAR" as const, startDate: "2026-09-01", endDate: "2027-07-02", weekdays: [3] };
  const winterSession = { kind: "HOLIDAY_SESSION" as const, startDate: "2027-02-15", endDate: "2027-02-26", weekdays: [1, 2, 3, 4, 5] };

  it("closes school-year activities during zone A school holidays and on public holidays", () => {
    expect(closedReason("2027-02-17", schoolYear)).toBe("Vacances d'hiver 2027");
    expect(closedReason("2026-11-11", schoolYear)).toBe("Jour férié (Armistice 1918)");
    expect(closedReason("2027-02-10", schoolYear)).toBeNull();
    expect(closedReason("2027-02-11", schoolYear)).toBe("Pas d'accueil ce jour-là");
  });

  it("opens holiday sessions during the holidays, except public holidays and the town's closures", () => {
    expect(closedReason("2027-02-17", winterSession)).toBeNull();
    expect(closedReason("2027-02-19", winterSession, [{ date: "2027-02-19", reason: "Sortie du personnel" }])).toBe("Sortie du personnel");
    expect(openDays(winterSession)).toHaveLength(10);
  });

  it("books a week pattern to the end of the period on open days only", () => {
    const wednesdays = daysOfPattern(openDays(schoolYear), [3], "2026-12-01", "2027-01-31");
    // 2, 9, 16 December; 23 and 30 December are school holidays; then 6, 13, 20, 27 January.
    expect(wednesdays).toEqual(["2026-12-02", "2026-12-09", "2026-12-16", "2027-01-06", "2027-01-13", "2027-01-20", "2027-01-27"]);
  });
});

describe("day state", () => {
  const base = {
    day: "2027-03-10",
    closedReason: null,
    bookingOpensAt: null,
    booking: null,
    remaining: 3,
    waitingList: true,
    bookingRule: J2_WORKING,
    cancelRule: J2_WORKING,
  };

  it("is free before the deadline, out of time after, full when no place is left", () => {
    expect(dayState({ ...base, now: new Date("2027-03-08T08:59:00.000Z") }).kind).toBe("libre");
    expect(dayState({ ...base, now: new Date("2027-03-08T09:00:00.000Z") }).kind).toBe("hors-delai");
    expect(dayState({ ...base, remaining: 0, now: new Date("2027-03-01T09:00:00.000Z") }).kind).toBe("complet");
  });

  it("says when bookings open", () => {
    const state = dayState({ ...base, bookingOpensAt: new Date("2027-02-01T07:30:00.000Z"), now: new Date("2027-01-20T10:00:00.000Z") });
    expect(describeDayState(state).detail).toBe("Réservations à partir du lundi 1er février 2027 à 8 h 30");
  });

  it("shows a booking, cancellable or not, and a waiting-list position", () => {
    const booked = dayState({ ...base, booking: { status: "BOOKED" }, now: new Date("2027-03-08T10:00:00.000Z") });
    expect(booked).toMatchObject({ kind: "reserve", cancellable: false });
    expect(
      describeDayState(dayState({ ...base, booking: { status: "WAITLISTED", position: 4 }, now: new Date("2027-03-01T10:00:00.000Z") }))
        .detail,
    ).toBe("Liste d'attente : position 4");
    expect(dayState({ ...base, closedReason: "Jour férié", booking: { status: "BOOKED" }, now: new Date() }).kind).toBe("ferme");
  });
});

describe("enrolment eligibility", () => {
  const groups = [
    { id: "maternelle", name: "Maternelle", minAge: 3, maxAge: 5 },
    { id: "elementaire", name: "Élémentaire", minAge: 6, maxAge: 11 },
  ];
  it("places a child in the group of its age at the period's start", () => {
    expect(eligibility({ birthDate: "2021-03-01" }, { minAge: 3, maxAge: 11 }, "2026-09-01", groups)).toEqual({
      ok: true,
      groupId: "maternelle",
    });
    expect(eligibility({ birthDate: "2018-03-01" }, { minAge: 3, maxAge: 11 }, "2026-09-01", groups)).toEqual({
      ok: true,
      groupId: "elementaire",
    });
  });
  it("refuses with a plain reason outside the ages", () => {
    const tooYoung = eligibility({ birthDate: "2024-01-01" }, { minAge: 3, maxAge: 11 }, "2026-09-01", groups);
    expect(tooYoung).toEqual({ ok: false, reason: "Activité ouverte à partir de 3 ans (l'enfant aura 2 ans au début de la période)." });
    expect(eligibility({ birthDate: null }, { minAge: 3, maxAge: 11 }, "2026-09-01", groups).ok).toBe(false);
  });
});

describe("lottery", () => {
  it("is reproducible from its seed and gives each child one rank", () => {
    const children = ["a", "b", "c", "d", "e", "f"];
    const order = lotteryOrder("seed-1", [...children, "a", "a"]);
    expect(order).toHaveLength(6);
    expect(lotteryOrder("seed-1", [...children].reverse())).toEqual(order);
    expect(lotteryOrder("seed-2", children)).not.toEqual(order);
    // Priority tiers come first (a rule met beats a rule not met, the first rule before the second), the draw's seed orders each tier.
    const tiers = new Map<string, number[]>(children.map((child, index) => [child, [index % 2, index % 3 === 0 ? 1 : 0]]));
    const prioritised = lotteryOrder("seed-1", children, tiers);
    const tierKey = (child: string) => tiers.get(child)!.join("");
    expect(prioritised.map(tierKey)).toEqual([...prioritised.map(tierKey)].sort().reverse());
    const sameTier = prioritised.filter((child) => tierKey(child) === "10");
    expect(sameTier).toEqual(order.filter((child) => tierKey(child) === "10"));
  });
});
