import { db } from "@/lib/platform/db";
import { listQueue } from "@/lib/review/queue";
import { queueFiltersSchema } from "@/lib/review/schemas";
import { testPrisma } from "../fixtures/db";
import { parentAccount, reviewStaff, sentDeclaration, uniqueName } from "./support/review";

/** The staff's queue of declarations: keyset pagination, search, date filters and counts per tab. */
const prisma = testPrisma();
const agents = reviewStaff();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
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
    expect(queueFiltersSchema.parse({ statut: "n'importe", tri: "<script>", du: "hier", apres: "!!!" })).toMatchObject({
      statut: "a-traiter",
      tri: "anciennes",
      du: undefined,
    });
  });
});
