import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/platform/db";
import { deriveKey } from "@/lib/platform/security/keys";

/** Keyed, so the list of closed identifiers cannot be rebuilt from a database dump by trying common names. */
export function closedLoginHash(login: string): string {
  return createHmac("sha256", deriveKey("closed-login")).update(login.trim().toLowerCase()).digest("hex");
}

/** Signing in with the identifier of an account closed within the retention period. */
export async function wasClosed(login: string): Promise<boolean> {
  const normalized = login.trim().toLowerCase();
  if (!normalized) return false;
  return (await db().account.count({ where: { status: "CLOSED", closedLoginHash: closedLoginHash(normalized) } })) > 0;
}
