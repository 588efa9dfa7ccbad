"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/platform/security/client-ip";
import { signOut } from "@/lib/auth";
import { requireParent } from "@/lib/auth";
import { claimAttempt } from "@/lib/platform/security/throttle";
import { currentFranceConnectIdToken, franceConnectLogoutUrl } from "@/lib/franceconnect";
import type { FormState } from "@/lib/platform/actions/form-state";
import { AccountNotActiveError, closeAccount, closureMethod, closurePasswordMatches, CLOSURE_THROTTLE_SCOPE } from "./closure";
import { CLOSED_NOTICE_COOKIE } from "./notice";
import { CLOSURE_MESSAGES, closureSchema } from "./schemas";

const PAGE = "/espace/mes-donnees";

/**
 * "Fermer mon compte", once confirmed with the password (or the word FERMER without one): the account is
 * closed, this session ends (the bumped session version ends every other one), and FranceConnect's too.
 */
export async function closeAccountAction(previous: FormState, formData: FormData): Promise<FormState> {
  const parent = await requireParent(PAGE);
  const method = await closureMethod(parent.id);
  const attempt = previous.status === "error" ? previous.attempt + 1 : 1;
  const fail = (message: string): FormState => ({ status: "error", fieldErrors: { confirmation: message }, values: {}, attempt });

  const parsed = closureSchema(method).safeParse({ confirmation: String(formData.get("confirmation") ?? "") });
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? CLOSURE_MESSAGES.wordWrong);
  if (method === "password") {
    const ip = await clientIp();
    const claimed = await claimAttempt(CLOSURE_THROTTLE_SCOPE, parent.id, ip);
    if (claimed.throttled) return fail(CLOSURE_MESSAGES.throttled);
    const valid = await closurePasswordMatches(parent.id, parsed.data.confirmation);
    if (valid) await claimed.succeed();
    if (!valid) return fail(CLOSURE_MESSAGES.passwordWrong);
  }

  const franceConnectIdToken = await currentFranceConnectIdToken();
  try {
    await closeAccount(parent.id);
  } catch (error) {
    // The other submission closed it a moment ago: this one only has to sign out.
    if (!(error instanceof AccountNotActiveError)) throw error;
  }
  await signOut({ redirect: false });
  (await cookies()).set(CLOSED_NOTICE_COOKIE, "1", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 10 * 60 });
  const franceConnectLogout = franceConnectIdToken ? await franceConnectLogoutUrl(franceConnectIdToken) : null;
  redirect(franceConnectLogout ?? "/compte-ferme");
}
