/**
 * `npm run dev`: the portal with demo data on http://localhost:3000, on a fresh machine, with nothing
 * to configure. Without DATABASE_URL it starts an embedded PostgreSQL (PGlite, kept in .data/pglite),
 * applies the migrations, loads the demo data, starts the job worker in this process (mails, nightly purge:
 * nothing more to start), then starts `next dev` and prints where to click.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { deployMigrations } from "./db/engine.mjs";
import { startEmbeddedPostgres } from "./db/embedded.mjs";
import { startStandinForPortal } from "./franceconnect-standin/index.mjs";
import { startApiParticulierStandin } from "./api-particulier-standin";
import { startPayfipStandin } from "./payfip-standin";
import seed from "../prisma/seed";
import { dataDir, ensureDevSecret, loadDotEnv } from "./lib/local-setup";
import { startWorker } from "../lib/platform/jobs/worker";
import { jobs } from "../lib/worker/jobs";
import { demoAdmin, demoAgent, demoParent, demoParentWithDeclaration, demoParentWithInvoices } from "../lib/platform/demo/accounts";

async function main() {
  loadDotEnv();
  const port = Number(process.env.PORT ?? 3000);
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: ensureDevSecret(),
    AUTH_TRUST_HOST: "true",
    APP_URL: appUrl,
  };

  const stops: (() => Promise<void>)[] = [];
  let databaseLabel: string;
  if (process.env.DATABASE_URL) {
    childEnv.DATABASE_URL = process.env.DATABASE_URL;
    databaseLabel = "PostgreSQL (DATABASE_URL)";
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite") });
    stops.push(embedded.stop);
    childEnv.DATABASE_URL = embedded.url;
    childEnv.DATABASE_POOL_MAX ??= embedded.poolMax ? String(embedded.poolMax) : undefined;
    databaseLabel = `PostgreSQL embarqué (PGlite, ${path.relative(process.cwd(), path.join(dataDir, "pglite"))})`;
  }

  // Without a FranceConnect configuration, the local stand-in (never in production: see the README).
  let franceConnectLabel: string;
  if (process.env.FRANCECONNECT_ISSUER) {
    franceConnectLabel = process.env.FRANCECONNECT_ISSUER;
  } else {
    const standin = await startStandinForPortal({ appUrl, port: port + 1000 }).catch(() => startStandinForPortal({ appUrl, port: 0 }));
    stops.push(standin.stop);
    Object.assign(childEnv, standin.env);
    franceConnectLabel = `doublure locale, ${standin.issuer} (identité de test : test / 123)`;
  }

  // Without PayFiP or API Particulier addresses, their local stand-ins (test mode; see the README).
  let payfipLabel = process.env.PAYFIP_BASE_URL ?? "";
  if (!process.env.PAYFIP_BASE_URL) {
    const payfip = await startPayfipStandin({ port: port + 1001 }).catch(() => startPayfipStandin());
    stops.push(payfip.stop);
    childEnv.PAYFIP_BASE_URL = payfip.url;
    childEnv.PAYFIP_SAISIE = "T";
    payfipLabel = `doublure locale, ${payfip.url} (mode test : payer, refuser ou abandonner)`;
  }
  let apiParticulierLabel = process.env.API_PARTICULIER_URL ?? "";
  if (!process.env.API_PARTICULIER_URL) {
    const apiParticulier = await startApiParticulierStandin({ port: port + 1002 }).catch(() => startApiParticulierStandin());
    stops.push(apiParticulier.stop);
    childEnv.API_PARTICULIER_URL = apiParticulier.url;
    apiParticulierLabel = `doublure locale, ${apiParticulier.url} (quotient familial 812 € CNAF)`;
  }

  const applied = await deployMigrations(childEnv.DATABASE_URL);
  if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(", ")}`);
  const demo = (process.env.DEMO_DATA ?? "true") !== "false";
  if (demo)
    await seed(childEnv.DATABASE_URL, { fileStorageDir: process.env.FILE_STORAGE_DIR ?? ".data/files", authSecret: childEnv.AUTH_SECRET });

  // The worker runs here, beside `next dev` (production runs `npm run worker`): same database, same settings.
  Object.assign(process.env, childEnv);
  const worker = await startWorker(jobs);
  stops.push(() => worker.stop(5_000));

  const banner = [
    "",
    "──────────────────────────────────────────────────────────────",
    `  Espace Famille : ${appUrl}`,
    `  Base de données : ${databaseLabel}`,
    `  Courriels : ${process.env.RESEND_API_KEY ? "Resend" : `boîte locale, ${appUrl}/dev/courriels`}`,
    `  Fichiers : ${process.env.UPLOADTHING_TOKEN ? "UploadThing" : "dossier privé .data/files"}`,
    `  FranceConnect : ${franceConnectLabel}`,
    "  Tâches de fond : dans ce processus (courriels, purge nocturne)",
    `  PayFiP : ${payfipLabel}`,
    `  API Particulier : ${apiParticulierLabel}`,
    ...(demo
      ? [
          "",
          "  Comptes de démonstration :",
          `    Parent         ${demoParent.login} / ${demoParent.password}   → ${appUrl}/`,
          `    Parent (déclaration envoyée) ${demoParentWithDeclaration.login} / ${demoParentWithDeclaration.password}`,
          `    Parent (factures à payer) ${demoParentWithInvoices.login} / ${demoParentWithInvoices.password}   → ${appUrl}/espace/factures`,
          `    Agent          ${demoAgent.login} / ${demoAgent.password}   → ${appUrl}/admin`,
          `    Administrateur ${demoAdmin.login} / ${demoAdmin.password}   → ${appUrl}/admin`,
          `    Second facteur (TOTP) : clé ${demoAgent.totpSecret} (agent), ${demoAdmin.totpSecret} (admin)`,
          "    Code du moment : npm run totp -- agent.demo   (ou admin.demo)",
        ]
      : []),
    "──────────────────────────────────────────────────────────────",
    "",
  ].join("\n");

  const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", "--port", String(port)], {
    env: childEnv,
    stdio: ["inherit", "pipe", "inherit"],
  });
  let announced = false;
  next.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready in/.test(chunk.toString())) {
      announced = true;
      console.log(banner);
    }
  });

  const shutdown = async (code: number) => {
    next.kill("SIGTERM");
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
