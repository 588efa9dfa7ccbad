import "server-only";
import { audit } from "@/lib/platform/audit";
import { hashPassword } from "@/lib/platform/security/password";
import { db } from "@/lib/platform/db";
import { staffPasswordProblem } from "./passwords";
import { newStaffSchema } from "./schemas";

export type FirstAdministratorResult = { ok: true; id: string } | { ok: false; message: string };

/**
 * `npm run admin:create`: an administrator created from the server's terminal, the only way in on a new
 * production database (the demo seed never runs there). The second factor is enrolled at the first sign-in
 * (administrators always need it). The password comes from the terminal or a file, never from an argument
 * (arguments end up in the shell history and in `ps`).
 */
export async function createAdministratorFromTerminal(input: {
  login: string;
  email: string;
  displayName: string;
  password: string;
}): Promise<FirstAdministratorResult> {
  const parsed = newStaffSchema.safeParse({
    login: input.login,
    email: input.email,
    displayName: input.displayName,
    role: "ADMINISTRATOR",
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  const problem = staffPasswordProblem(input.password, [parsed.data.login, parsed.data.displayName, parsed.data.email]);
  if (problem) return { ok: false, message: problem };
  const taken = await db().staffUser.count({ where: { OR: [{ login: parsed.data.login }, { email: parsed.data.email }] } });
  if (taken) return { ok: false, message: "Un compte agent utilise déjà cet identifiant ou ce courriel." };
  const created = await db().staffUser.create({
    data: {
      login: parsed.data.login,
      email: parsed.data.email,
      displayName: parsed.data.displayName,
      role: "ADMINISTRATOR",
      passwordHash: await hashPassword(input.password),
    },
    select: { id: true },
  });
  await audit({
    actorType: "SYSTEM",
    action: "staff.created",
    targetType: "StaffUser",
    targetId: created.id,
    details: { role: "ADMINISTRATOR", from: "terminal" },
  });
  return { ok: true, id: created.id };
}
