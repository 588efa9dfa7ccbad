import "server-only";
import { clientIp, userAgent } from "@/lib/platform/security/client-ip";
import { db } from "@/lib/platform/db";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorType: ActorType;
  actorId?: string | null;
  /** Dotted verb: "account.created", "declaration.viewed", "document.downloaded", "declaration.accepted"... */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Never secrets, tokens or document contents. */
  details?: Prisma.InputJsonValue;
}

/**
 * Appends to the audit log (who, what, which record, when, from where). The table refuses
 * UPDATE and DELETE at the database level: nobody can rewrite it from the portal.
 */
export async function audit(entry: AuditEntry, client: Pick<ReturnType<typeof db>, "auditLog"> = db()): Promise<void> {
  await client.auditLog.create({
    data: {
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details,
      ipAddress: await clientIp().catch(() => null),
      userAgent: await userAgent().catch(() => undefined),
    },
  });
}
