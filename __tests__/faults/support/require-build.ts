import { existsSync } from "node:fs";
import path from "node:path";

// The load and fault tests start their own `next start` processes from the build of the run.
if (!process.env.DATABASE_URL || process.env.EF_TEST_DATABASE !== "1" || !process.env.AUTH_SECRET) {
  throw new Error(
    "Les tests de charge et de pannes se lancent avec `npm test` (ou `npm test -- --only-faults`), qui crée une base neuve et construit le portail.",
  );
}
if (!existsSync(path.join(process.cwd(), ".next", "standalone", "server.js"))) {
  throw new Error("Le portail n'est pas construit : lancez `npm test -- --only-faults` (sans --no-build).");
}

// Starting servers, killing them and waiting for the database: generous on a loaded two-core machine.
jest.setTimeout(180_000);
