/**
 * `npm run purge [-- --dry-run]`: deletes what has passed its retention period (lib/privacy/retention.ts,
 * periods in the town configuration). Safe to run from cron: idempotent, and a run that finds nothing is fine.
 *   0 3 * * *  cd /srv/espace-famille && npm run purge >> /var/log/espace-famille-purge.log 2>&1
 */
import { db } from "../lib/platform/db";
import { describePurge, purge } from "../lib/privacy/retention";

async function main(): Promise<number> {
  const dryRun = process.argv.includes("--dry-run");
  const unknown = process.argv.slice(2).filter((arg) => arg !== "--dry-run");
  if (unknown.length > 0) {
    console.error(`Option inconnue : ${unknown.join(" ")}. Usage : npm run purge [-- --dry-run]`);
    return 2;
  }
  const report = await purge({ dryRun });
  console.log(`${new Date().toISOString()} ${describePurge(report).join("\n")}`);
  return report.fileErrors > 0 ? 1 : 0;
}

main()
  .then(async (code) => {
    await db().$disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error("La purge a échoué :", error instanceof Error ? error.message : error);
    await db()
      .$disconnect()
      .catch(() => undefined);
    process.exit(1);
  });
