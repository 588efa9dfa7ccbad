import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { hashPassword } from "@/lib/platform/security/password";
import { testPrisma } from "../../fixtures/db";
import { createParent, TEST_PASSWORD } from "../../fixtures/parents";
import { expectFrenchMessage } from "../../support/hostile";
import { actAs, outcomeOf, type Outcome } from "./request-scope";

/**
 * The callers of the server-action tests (hostile-actions, actions-authorization): parent A, parent B, an agent
 * and an administrator, created before the file's tests. Afterwards the file removes what the actions wrote to
 * the public pages, the town's settings, the families and the staff list: the browser tests run next on the
 * same database and count those.
 */
type Session = Parameters<typeof actAs>[0];
export type Callers = Record<"parentA" | "parentB" | "agent" | "admin", Session> & { parentALogin: string };

export const idle = { status: "idle" } as const;
export const idleAdmin = { status: "idle" } as const;

// Both with a second factor: the town's default policy requires one for agents too, and an agent without it is
// sent back to the sign-in whatever the action.
async function staffRow(role: "AGENT" | "ADMINISTRATOR") {
  const suffix = randomUUID().slice(0, 8);
  return testPrisma().staffUser.create({
    data: {
      login: `hostile.${suffix}`,
      email: `hostile.${suffix}@example.org`,
      displayName: `Hostile ${suffix}`,
      passwordHash: await hashPassword(TEST_PASSWORD),
      role,
      totpEnabledAt: new Date(),
    },
  });
}

export function actionCallers(): Callers {
  const prisma = testPrisma();
  const startedAt = new Date();
  const who: Callers = { parentA: null, parentB: null, agent: null, admin: null, parentALogin: "" };

  beforeAll(async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const parent = () =>
      createParent({ loginPrefix: "hostile", usageName: "HOSTILE", firstNames: "Hélène", account: { civility: "MADAME" } });
    const a = await parent();
    const b = await parent();
    who.parentALogin = a.login;
    who.parentA = { user: { id: a.id, kind: "parent", sessionVersion: a.sessionVersion } };
    who.parentB = { user: { id: b.id, kind: "parent", sessionVersion: b.sessionVersion } };
    const agent = await staffRow("AGENT");
    const admin = await staffRow("ADMINISTRATOR");
    who.agent = { user: { id: agent.id, kind: "staff", sessionVersion: agent.sessionVersion, role: "AGENT" } };
    who.admin = { user: { id: admin.id, kind: "staff", sessionVersion: admin.sessionVersion, role: "ADMINISTRATOR" } };
  });

  afterAll(async () => {
    await prisma.newsItem.deleteMany({
      where: { OR: [{ authorId: { in: [who.agent!.user.id, who.admin!.user.id] } }, { createdAt: { gte: startedAt } }] },
    });
    await prisma.publicDocument.deleteMany({ where: { createdAt: { gte: startedAt } } });
    await prisma.townSetting.deleteMany({ where: { key: { in: ["contact", "legal", "staff.agentsNeedTotp"] } } });
    await prisma.family.deleteMany({ where: { createdAt: { gte: startedAt } } });
    await prisma.staffUser.deleteMany({ where: { createdAt: { gte: startedAt } } });
    await prisma.$disconnect();
    await db().$disconnect();
  });

  return who;
}

/** Whatever an action answered, it is not a crash, and any refusal in it is French. */
export function expectHandled(outcome: Outcome): Outcome {
  if (outcome.kind === "crashed") throw outcome.error;
  if (outcome.kind === "returned" && outcome.value && typeof outcome.value === "object") {
    const state = outcome.value as { status?: string; message?: unknown; fieldErrors?: Record<string, unknown> };
    if (state.message !== undefined) expectFrenchMessage(state.message);
    for (const message of Object.values(state.fieldErrors ?? {})) expectFrenchMessage(message);
    if (state.status === "error") expect(state.message !== undefined || Object.keys(state.fieldErrors ?? {}).length > 0).toBe(true);
  }
  return outcome;
}

export const run = async (action: () => Promise<unknown>) => expectHandled(await outcomeOf(action));
