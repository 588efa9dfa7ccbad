import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Carbon-Blanc's activities, as data: what a town sets up once (and edits from /admin/reservations/activites).
 * Seeded in development and tests; a town starting in production writes its own rows the same way.
 * Capacities are per group and unit; periods follow zone A's 2026-2027 calendar (rules/closures.ts).
 */
type UnitSpec = {
  kind: "MATIN" | "REPAS" | "APRES_MIDI" | "SOIR" | "JOURNEE" | "DEMI_JOURNEE";
  label: string;
  startTime: string;
  endTime: string;
};
type GroupSpec = { code: string; name: string; minAge: number; maxAge: number; capacity: number };
type PeriodSpec = {
  name: string;
  kind: "SCHOOL_YEAR" | "HOLIDAY_SESSION";
  startDate: string;
  endDate: string;
  weekdays: number[];
  bookingOpensAt?: string;
  lotteryMinutes?: number;
};

export interface ActivitySpec {
  code: string;
  service: { code: string; kind: "ALSH" | "RESTAURATION" | "PERISCOLAIRE"; name: string };
  name: string;
  description: string;
  location: string;
  minAge: number;
  maxAge: number;
  validation: "AUTOMATIC" | "STAFF";
  requiredDocuments: string[];
  requiredAuthorisations: string[];
  deadlines: { bookingDaysBefore: number; bookingTime: string; cancelDaysBefore: number; cancelTime: string; workingDays: boolean };
  offerHours: number;
  units: UnitSpec[];
  groups: GroupSpec[];
  periods: PeriodSpec[];
}

const ALSH = { code: "ALSH", kind: "ALSH" as const, name: "Accueil de loisirs (ALSH)" };
const AGES = [
  { code: "maternelle", name: "Maternelle", minAge: 3, maxAge: 5 },
  { code: "elementaire", name: "Élémentaire", minAge: 6, maxAge: 11 },
];

export const CARBON_BLANC_ACTIVITIES: ActivitySpec[] = [
  {
    code: "alsh-mercredis",
    service: ALSH,
    name: "Accueil de loisirs du mercredi",
    description: "Les mercredis de l'année scolaire, à la journée ou à la demi-journée (après-midi avec le repas).",
    location: "Centre de loisirs du Faisan, rue du Faisan, Carbon-Blanc",
    minAge: 3,
    maxAge: 11,
    validation: "AUTOMATIC",
    requiredDocuments: ["attestation-assurance"],
    requiredAuthorisations: ["soins-urgence"],
    deadlines: { bookingDaysBefore: 2, bookingTime: "10:00", cancelDaysBefore: 2, cancelTime: "10:00", workingDays: true },
    offerHours: 24,
    units: [
      { kind: "JOURNEE", label: "Journée", startTime: "08:30", endTime: "17:30" },
      { kind: "DEMI_JOURNEE", label: "Après-midi avec repas", startTime: "11:45", endTime: "17:30" },
    ],
    groups: AGES.map((group) => ({ ...group, capacity: group.code === "maternelle" ? 24 : 36 })),
    periods: [{ name: "Année scolaire 2026-2027", kind: "SCHOOL_YEAR", startDate: "2026-09-02", endDate: "2027-07-02", weekdays: [3] }],
  },
  {
    code: "alsh-vacances",
    service: ALSH,
    name: "Accueil de loisirs des vacances",
    description: "Pendant les vacances scolaires, à la journée. Les réservations de chaque session ouvrent à une date annoncée.",
    location: "Centre de loisirs du Faisan, rue du Faisan, Carbon-Blanc",
    minAge: 3,
    maxAge: 11,
    validation: "AUTOMATIC",
    requiredDocuments: ["attestation-assurance"],
    requiredAuthorisations: ["soins-urgence"],
    deadlines: { bookingDaysBefore: 3, bookingTime: "12:00", cancelDaysBefore: 3, cancelTime: "12:00", workingDays: true },
    offerHours: 24,
    units: [{ kind: "JOURNEE", label: "Journée", startTime: "08:30", endTime: "17:30" }],
    groups: AGES.map((group) => ({ ...group, capacity: group.code === "maternelle" ? 16 : 24 })),
    periods: [
      {
        name: "Vacances de Noël 2026",
        kind: "HOLIDAY_SESSION",
        startDate: "2026-12-21",
        endDate: "2026-12-31",
        weekdays: [1, 2, 3, 4, 5],
        bookingOpensAt: "2026-11-16T07:30:00Z",
      },
      {
        name: "Vacances d'hiver 2027",
        kind: "HOLIDAY_SESSION",
        startDate: "2027-02-15",
        endDate: "2027-02-26",
        weekdays: [1, 2, 3, 4, 5],
        bookingOpensAt: "2027-01-11T07:30:00Z",
        lotteryMinutes: 15,
      },
    ],
  },
  {
    code: "restauration",
    service: { code: "RESTAURATION", kind: "RESTAURATION", name: "Restauration scolaire" },
    name: "Restauration scolaire",
    description: "Le repas du midi dans les écoles publiques de la commune, les jours d'école.",
    location: "Restaurants scolaires des écoles de Carbon-Blanc",
    minAge: 3,
    maxAge: 11,
    validation: "STAFF",
    requiredDocuments: [],
    requiredAuthorisations: [],
    deadlines: { bookingDaysBefore: 2, bookingTime: "10:00", cancelDaysBefore: 2, cancelTime: "10:00", workingDays: true },
    offerHours: 12,
    units: [{ kind: "REPAS", label: "Repas", startTime: "11:45", endTime: "13:30" }],
    groups: AGES.map((group) => ({ ...group, capacity: group.code === "maternelle" ? 90 : 160 })),
    periods: [
      { name: "Année scolaire 2026-2027", kind: "SCHOOL_YEAR", startDate: "2026-09-01", endDate: "2027-07-02", weekdays: [1, 2, 4, 5] },
    ],
  },
];

const date = (day: string) => new Date(`${day}T00:00:00Z`);

/** Writes the activities if missing (idempotent: running it twice leaves one copy, and staff edits are kept). */
export async function seedActivities(prisma: PrismaClient, specs: readonly ActivitySpec[] = CARBON_BLANC_ACTIVITIES): Promise<void> {
  for (const spec of specs) {
    if (await prisma.activity.findUnique({ where: { code: spec.code } })) continue;
    const service = await prisma.service.upsert({ where: { code: spec.service.code }, update: {}, create: spec.service });
    const activity = await prisma.activity.create({
      data: {
        code: spec.code,
        serviceId: service.id,
        name: spec.name,
        description: spec.description,
        location: spec.location,
        minAge: spec.minAge,
        maxAge: spec.maxAge,
        validation: spec.validation,
        requiredDocuments: spec.requiredDocuments,
        requiredAuthorisations: spec.requiredAuthorisations,
        ...spec.deadlines,
        offerHours: spec.offerHours,
        units: { create: spec.units.map((unit, position) => ({ ...unit, position })) },
        groups: { create: spec.groups.map(({ capacity, ...group }) => (void capacity, group)) },
        periods: {
          create: spec.periods.map((period) => ({
            name: period.name,
            kind: period.kind,
            startDate: date(period.startDate),
            endDate: date(period.endDate),
            weekdays: period.weekdays,
            bookingOpensAt: period.bookingOpensAt ? new Date(period.bookingOpensAt) : null,
            openingMode: period.lotteryMinutes ? "LOTTERY" : "FIRST_COME",
            lotteryMinutes: period.lotteryMinutes ?? 0,
          })),
        },
      },
      include: { units: true, groups: true },
    });
    await prisma.groupCapacity.createMany({
      data: activity.groups.flatMap((group) =>
        activity.units.map((unit) => ({
          groupId: group.id,
          unitId: unit.id,
          capacity: spec.groups.find((candidate) => candidate.code === group.code)!.capacity,
        })),
      ),
    });
  }
}
