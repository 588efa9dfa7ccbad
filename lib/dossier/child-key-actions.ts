"use server";

import { redirect } from "next/navigation";
import { audit } from "@/lib/platform/audit";
import { clientIp } from "@/lib/platform/security/client-ip";
import { requireParent } from "@/lib/auth";
import { claimAttempt } from "@/lib/platform/security/throttle";
import { db } from "@/lib/platform/db";
import { ChildKeyAlreadyUsedError, CHILD_KEY_USED_MESSAGE, childKeyWasUsed, findActiveChildKey, useChildKey } from "./child-keys";
import type { FailureState } from "@/lib/platform/actions/action-state";

export type ChildKeyState = FailureState & {
  /** The key as typed, shown again after an error. */
  value?: string;
};

/** Entering the Clé Enfance from the parent's space links the account to the family dossier the town holds. */
export async function linkChildKeyAction(_previous: ChildKeyState, formData: FormData): Promise<ChildKeyState> {
  const parent = await requireParent("/espace");
  const value = String(formData.get("cle") ?? "").slice(0, 40);
  if (!value.trim()) return { status: "error", message: "Le champ 'clé enfance' est obligatoire.", value };
  const ip = await clientIp();
  const attempt = await claimAttempt("child-key", ip, ip);
  if (attempt.throttled) {
    return {
      status: "error",
      message: "Trop de clés enfance erronées ont été saisies depuis votre connexion. Réessayez dans 15 minutes.",
      value,
    };
  }
  const key = await findActiveChildKey(value);
  if (key) await attempt.succeed();
  if (!key && (await childKeyWasUsed(value))) return { status: "error", message: CHILD_KEY_USED_MESSAGE, value };
  if (!key) return { status: "error", message: "Cette clé enfance n'est pas reconnue : vérifiez chaque caractère.", value };
  try {
    await db().$transaction(async (tx) => {
      const told = await useChildKey(tx, key, parent);
      await tx.account.update({ where: { id: parent.id }, data: { familyId: key.familyId } });
      await tx.family.update({ where: { id: key.familyId }, data: { status: "ACTIVE" } });
      await audit(
        {
          actorType: "ACCOUNT",
          actorId: parent.id,
          action: "family.linked-by-key",
          targetType: "Family",
          targetId: key.familyId,
          details: { holdersTold: told },
        },
        tx,
      );
    });
  } catch (error) {
    if (error instanceof ChildKeyAlreadyUsedError) return { status: "error", message: CHILD_KEY_USED_MESSAGE, value };
    throw error;
  }
  redirect("/espace?cle=ok");
}
