jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);

import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { totpRequiredFor } from "@/lib/auth/staff-sign-in";
import { agentsNeedTotp, setAgentsNeedTotp } from "@/lib/platform/town/settings";
import { testPrisma } from "../fixtures/db";

const prisma = testPrisma();
const KEY = "staff.agentsNeedTotp";

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

test("agents need the second factor on a new database, until an administrator explicitly turns it off", async () => {
  const before = await prisma.townSetting.findUnique({ where: { key: KEY } });
  await prisma.townSetting.deleteMany({ where: { key: KEY } });
  try {
    await expect(agentsNeedTotp()).resolves.toBe(true);
    await expect(totpRequiredFor("AGENT")).resolves.toBe(true);

    const suffix = randomUUID().slice(0, 8);
    const admin = await prisma.staffUser.create({
      data: {
        login: `admin.${suffix}`,
        email: `admin.${suffix}@mairie.example`,
        displayName: "Admin",
        passwordHash: "x",
        role: "ADMINISTRATOR",
        totpEnabledAt: new Date(),
      },
    });
    await setAgentsNeedTotp({ kind: "staff", id: admin.id }, false);
    await expect(totpRequiredFor("AGENT")).resolves.toBe(false);
    await expect(totpRequiredFor("ADMINISTRATOR")).resolves.toBe(true);
    await expect(prisma.auditLog.count({ where: { action: "staff.totp_policy.updated", actorId: admin.id } })).resolves.toBe(1);
  } finally {
    await prisma.townSetting.deleteMany({ where: { key: KEY } });
    if (before) await prisma.townSetting.create({ data: { key: KEY, value: before.value ?? false } });
  }
});
