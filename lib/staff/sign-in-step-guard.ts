import "server-only";
import { redirect } from "next/navigation";
import { nextSignInStep, readPending, type StaffSignInStep } from "@/lib/auth";

/** Each sign-in step page: only with a fresh "password checked" cookie, and only when it is the next step. */
export async function pendingFor(step: StaffSignInStep) {
  const staff = await readPending();
  if (!staff) redirect("/admin/connexion?expire=1");
  const next = await nextSignInStep(staff);
  if (next !== step) redirect(next === "session" ? "/admin/connexion" : `/admin/connexion/${next}`);
  return staff;
}
