/**
 * What `npm run dev` and the test runner share: a per-machine secret, the embedded database
 * when no DATABASE_URL is given, migrations, demo data.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const dataDir = path.resolve(".data");

/** Reads .env.local / .env when present (Node's own loader), without overriding the real environment. */
export function loadDotEnv() {
  for (const file of [".env.local", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}

/**
 * AUTH_SECRET for development: generated once per machine into .data/ (git-ignored), never committed.
 */
export function ensureDevSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
