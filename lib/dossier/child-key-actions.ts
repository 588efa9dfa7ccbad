"use server";

import { redirect } from "next/navigation";
import { audit } from "@/lib/platform/audit";
import { clientIp } from "@/lib/platform/security/client-ip";
import { requireParent } from "@/lib/auth/session";
import { isThrottled, recordAttempt } from "@/lib/platform/security/throttle";
import { db } from "@/lib/platform/db";
import { findActiveChildKey } from "./child-keys";

export interface ChildKeyState {
  status: "idle" | "error";
  message?: string;
  value?: string;
}

/** Entering the Clé Enfance from the parent's space links the account to the family dossier the town holds. */
export async function linkChildKeyAction(_previous: ChildKeyState, formData: FormData): Promise<ChildKeyState> {
  const parent = await requireParent("/espace");
  const value = String(formData.get("cle") ?? "").slice(0, 40);
  if (!value.trim()) return { status: "error", message: "Le champ 'clé enfance' est obligatoire.", value };
  const ip = await clientIp();
  if (await isThrottled("child-key", ip, ip)) {
    return { status: "error", message: "Trop de clés enfance erronées ont été saisies depuis votre connexion. Réessayez dans 15 minutes.", value };
  }
  const key = await findActiveChildKey(value);
  await recordAttempt("child-key", ip, ip, Boolean(key));
  if (!key) return { status: "error", message: "Cette clé enfance n'est pas reconnue : vérifiez chaque caractère.", value };
  await db().$transaction(async (tx) => {
    await tx.account.update({ where: { id: parent.id }, data: { familyId: key.familyId } });
    await tx.childKey.update({ where: { id: key.id }, data: { usedAt: new Date(), usedByAccountId: parent.id } });
    await tx.family.update({ where: { id: key.familyId }, data: { status: "ACTIVE" } });
    await audit({ actorType: "ACCOUNT", actorId: parent.id, action: "family.linked-by-key", targetType: "Family", targetId: key.familyId }, tx);
  });
  redirect("/espace?cle=ok");
}
