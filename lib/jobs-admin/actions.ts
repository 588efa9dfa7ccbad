"use server";

import { revalidatePath } from "next/cache";
import { done, type AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { runAdminAction } from "@/lib/platform/actions/run-action";
import { ExpectedError } from "@/lib/platform/errors";
import { staffCaller } from "@/lib/staff";
import { retryJob } from "./service";

/** The retry button of /admin/taches (administrators only: checked here again, and in retryJob). */
export async function retryJobAction(name: string, id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller("ADMINISTRATOR");
    if (!(await retryJob(caller, name, id)))
      throw new ExpectedError("Cette tâche n'est plus en échec : elle a déjà été relancée ou archivée.");
    revalidatePath("/admin/taches");
    return done(previous, "La tâche est relancée : un processus de tâches de fond va l'exécuter.");
  });
}
