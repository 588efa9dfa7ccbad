/**
 * `npm run bench:queue`: the staff review queue at volume. Creates a throwaway database, fills it with
 * N family declarations (default 50 000, one account each), then times what an agent does: the first page
 * of each tab, a page deep in the queue (keyset cursor), a search by name and by email, and prints the
 * query plan of the page query. A measurement, not a test: numbers vary with the machine's load.
 *
 *   npm run bench:queue               # 50 000 declarations
 *   npm run bench:queue -- 200000     # another volume
 */
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { createTestDatabase } from "./db/test-database.mjs";

const volume = Number(process.argv[2] ?? 50_000);

async function main() {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.EF_TEST_DATABASE = "1";
  const sql = new Client({ connectionString: database.url });
  await sql.connect();
  try {
    const started = performance.now();
    await sql.query(
      `
      INSERT INTO accounts (id, login, email, status, civility, "usageName", "firstNames", "cguAcceptedAt", "cguVersion", "updatedAt")
      SELECT gen_random_uuid(), 'parent' || n, 'parent' || n || '@example.org', 'ACTIVE', 'MADAME',
             (ARRAY['MARTIN','BERNARD','DUBOIS','THOMAS','ROBERT','RICHARD','PETIT','DURAND','LEROY','MOREAU'])[1 + n % 10] || chr(65 + n % 26) || chr(65 + (n / 26) % 26),
             'Prénom' || n, now(), 'bench', now()
      FROM generate_series(1, $1::int) AS n`,
      [volume],
    );
    await sql.query(`
      INSERT INTO demarches (id, reference, kind, status, "accountId", data, version, "submittedAt", "updatedAt")
      SELECT gen_random_uuid(), 'D-2026-B' || a.login, 'FAMILY_DECLARATION',
             (ARRAY['SUBMITTED','SUBMITTED','SUBMITTED','IN_REVIEW','NEEDS_CORRECTION','ACCEPTED','ACCEPTED','REFUSED'])[1 + (row_number() OVER ()) % 8]::"DemarcheStatus",
             a.id, '{"children":[{},{}]}'::jsonb, 1, timestamp '2026-09-01' + (row_number() OVER ()) * interval '37 seconds', now()
      FROM accounts a WHERE a."cguVersion" = 'bench'`);
    // Two documents sent with each declaration, as in real life (the page counts them).
    await sql.query(`
      INSERT INTO documents (id, "ownerId", kind, "fileName", provider, "storageKey", "mediaType", size, sha256)
      SELECT gen_random_uuid(), d."accountId", k.kind::"DocumentKind", 'piece.pdf', 'LOCAL', gen_random_uuid()::text, 'application/pdf', 1000, 'x'
      FROM demarches d CROSS JOIN (VALUES ('LIVRET_FAMILLE'), ('JUSTIFICATIF_DOMICILE')) AS k(kind)`);
    await sql.query(`
      INSERT INTO demarche_documents ("demarcheId", "documentId", kind)
      SELECT d.id, doc.id, doc.kind FROM demarches d JOIN documents doc ON doc."ownerId" = d."accountId"`);
    // What autovacuum does on a live database (index-only scans need the visibility map).
    await sql.query("VACUUM ANALYZE");
    console.log(`${volume} déclarations créées en ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Imported after DATABASE_URL is set: lib/platform/db reads it once.
    const { listQueue } = await import("../lib/review/queue");
    const { queueFiltersSchema } = await import("../lib/review/schemas");
    const { rows: staff } = await sql.query(
      `INSERT INTO staff_users (id, login, email, "displayName", "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), 'bench', 'bench@example.org', 'Bench', 'x', 'AGENT', now()) RETURNING id`,
    );
    const caller = { kind: "staff" as const, id: staff[0].id as string };

    const time = async (label: string, filters: Record<string, string>, runs = 7) => {
      const parsed = queueFiltersSchema.parse(filters);
      await listQueue(caller, parsed); // warm-up
      const samples: number[] = [];
      let result: Awaited<ReturnType<typeof listQueue>> | undefined;
      for (let run = 0; run < runs; run += 1) {
        const start = performance.now();
        result = await listQueue(caller, parsed);
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(48)} médiane ${samples[Math.floor(runs / 2)]!.toFixed(1).padStart(7)} ms   max ${samples[runs - 1]!.toFixed(1).padStart(7)} ms   (${result!.rows.length} lignes)`,
      );
      return result!;
    };

    // The floor on this machine now: one trivial query through the same client (the load of the moment shows here).
    const { db } = await import("../lib/platform/db");
    const floor: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      const start = performance.now();
      await db().$queryRaw`SELECT 1`;
      floor.push(performance.now() - start);
    }
    floor.sort((a, b) => a - b);
    console.log(`${"Requête témoin (SELECT 1)".padEnd(48)} médiane ${floor[3]!.toFixed(1).padStart(7)} ms`);

    let page = await time("À traiter, première page", {});
    for (const statut of ["en-cours", "a-completer", "validees", "refusees"]) await time(`Onglet ${statut}, première page`, { statut });
    await time("À traiter, plus récentes d'abord", { tri: "recentes" });
    await time("À traiter, par nom", { tri: "nom" });
    // Walk 40 pages in, then time the page there.
    for (let index = 0; index < 40 && page.nextCursor; index += 1)
      page = await listQueue(caller, queueFiltersSchema.parse({ apres: page.nextCursor }));
    await time("À traiter, 41e page (curseur)", { apres: page.nextCursor ?? "" });
    await time("Recherche par nom (« DUBOIS »)", { q: "DUBOIS" });
    await time("Recherche par courriel exact", { q: `parent${Math.floor(volume / 2)}@example.org` });
    await time("Recherche par nom, onglet validées, 2 mots", { q: "MARTIN Prénom1", statut: "validees" });

    const plan = await sql.query(
      `EXPLAIN ANALYZE SELECT id FROM demarches WHERE kind = 'FAMILY_DECLARATION' AND status = 'SUBMITTED' AND ("submittedAt" > '2026-09-10' OR ("submittedAt" = '2026-09-10' AND id > '00000000-0000-0000-0000-000000000000')) ORDER BY "submittedAt", id LIMIT 26`,
    );
    console.log("\nPlan de la requête d'une page (curseur) :");
    for (const row of plan.rows) console.log(`  ${row["QUERY PLAN"]}`);
  } finally {
    await sql.end();
    const { db } = await import("../lib/platform/db");
    await db().$disconnect();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
