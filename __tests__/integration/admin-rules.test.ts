import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { ExpectedError } from "@/lib/platform/errors";
import { createPublicDocument } from "@/lib/content/public-documents-admin";
import { childKeyLetter, createKnownFamily, issueFamilyChildKey } from "@/lib/dossier/service";
import { findActiveChildKey } from "@/lib/dossier/child-keys";
import { changeStaffRole, createStaff, setStaffActive } from "@/lib/staff/accounts";
import { authorizeStaff, ForbiddenError } from "@/lib/platform/security/authorize";
import { acceptTotpCode } from "@/lib/auth/staff-sign-in";
import { totpCode, TOTP_PERIOD_SECONDS } from "@/lib/auth/totp";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-secret";
import { townWithOverrides, updateTownContact } from "@/lib/platform/town/settings";
import { verifyPassword } from "@/lib/platform/security/password";
import { testPrisma } from "../fixtures/db";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

async function admin() {
  const suffix = randomUUID().slice(0, 8);
  const row = await prisma.staffUser.create({
    data: {
      login: `rules.${suffix}`,
      email: `rules.${suffix}@example.org`,
      displayName: `Rules ${suffix}`,
      passwordHash: "x",
      role: "ADMINISTRATOR",
    },
  });
  return { kind: "staff" as const, id: row.id };
}

describe("TOTP second factor", () => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  test("the secret is stored sealed, and a tampered value does not open", () => {
    const sealed = sealTotpSecret(secret);
    expect(sealed).not.toContain(secret);
    expect(openTotpSecret(sealed)).toBe(secret);
    const [version, iv, body, tag] = sealed.split(".");
    // Another character at the second-to-last place (the last one may only carry padding bits).
    const flipped = `${body!.slice(0, -2)}${body!.at(-2) === "A" ? "B" : "A"}${body!.slice(-1)}`;
    expect(openTotpSecret([version, iv, flipped, tag].join("."))).toBeNull();
  });

  test("a code is accepted once; the same code, or an older one, is then refused", async () => {
    const caller = await admin();
    const staff = await prisma.staffUser.update({
      where: { id: caller.id },
      data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: new Date() },
    });
    // Start early in a time step: crossing into the next one mid-test would make `previous` two steps old (outside the
    // accepted window), so the check would say "code" instead of "replayed".
    const msIntoStep = Date.now() % (TOTP_PERIOD_SECONDS * 1000);
    if (msIntoStep > (TOTP_PERIOD_SECONDS - 5) * 1000)
      await new Promise((resolve) => setTimeout(resolve, TOTP_PERIOD_SECONDS * 1000 - msIntoStep + 100));
    const previous = totpCode(secret, Date.now() - TOTP_PERIOD_SECONDS * 1000);
    const current = totpCode(secret);
    expect(await acceptTotpCode(staff, "000000" === current ? "111111" : "000000")).toBe("code");
    expect(await acceptTotpCode(staff, current)).toBe("ok");
    expect(await acceptTotpCode(staff, current)).toBe("replayed");
    if (previous !== current) expect(await acceptTotpCode(staff, previous)).toBe("replayed");
  });

  test("two requests racing with the same code: exactly one wins", async () => {
    const caller = await admin();
    const staff = await prisma.staffUser.update({
      where: { id: caller.id },
      data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: new Date() },
    });
    const code = totpCode(secret);
    const results = await Promise.all([acceptTotpCode(staff, code), acceptTotpCode(staff, code), acceptTotpCode(staff, code)]);
    expect(results.filter((result) => result === "ok")).toHaveLength(1);
  });

  test("the first code of an enrolment turns the second factor on", async () => {
    const caller = await admin();
    const staff = await prisma.staffUser.update({
      where: { id: caller.id },
      data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: null },
    });
    expect(await acceptTotpCode(staff, totpCode(secret))).toBe("ok");
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: caller.id } })).totpEnabledAt).toBeInstanceOf(Date);
  });
});

describe("staff accounts", () => {
  test("a new account gets a one-time password, to replace at first sign-in", async () => {
    const caller = await admin();
    const login = `agent.${randomUUID().slice(0, 8)}`;
    const { id, password } = await createStaff(caller, { login, email: `${login}@example.org`, displayName: "Agent", role: "AGENT" });
    const row = await prisma.staffUser.findUniqueOrThrow({ where: { id } });
    expect(row.passwordChangeRequired).toBe(true);
    expect(row.passwordHash).not.toContain(password);
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
    await expect(createStaff(caller, { login, email: `other-${login}@example.org`, displayName: "Agent", role: "AGENT" })).rejects.toThrow(
      "Cet identifiant est déjà utilisé",
    );
  });

  test("nobody demotes or deactivates themselves; a deactivated account is refused at once", async () => {
    const caller = await admin();
    await expect(changeStaffRole(caller, caller.id, "AGENT")).rejects.toBeInstanceOf(ExpectedError);
    await expect(setStaffActive(caller, caller.id, false)).rejects.toBeInstanceOf(ExpectedError);
    const other = await admin();
    await setStaffActive(caller, other.id, false);
    await expect(authorizeStaff(other)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the audit log", () => {
  test("records who did what to which record, and the database refuses to change or delete it", async () => {
    const caller = await admin();
    await updateTownContact(caller, {
      service: "Service Enfance",
      address: ["Mairie", "33560 Carbon-Blanc"],
      phone: "05 11 22 33 44",
      email: "enfance@example.org",
      hours: ["Lundi"],
    });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { actorId: caller.id, action: "town.contact.updated" } });
    expect(entry).toMatchObject({ actorType: "STAFF", targetType: "TownSetting", targetId: "contact" });
    await expect(prisma.auditLog.update({ where: { id: entry.id }, data: { action: "rien" } })).rejects.toThrow();
    await expect(prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect((await townWithOverrides()).contact.phone).toBe("05 11 22 33 44");
    await prisma.townSetting.delete({ where: { key: "contact" } });
  });
});

describe("Clé Enfance", () => {
  test("a key is found by the parent's typing (O for 0, dashes), revoked by the next one, and never stored in clear", async () => {
    const caller = await admin();
    const family = await createKnownFamily(caller, {
      representatives: [{ civility: "MONSIEUR", usageName: "TESTO", firstName: "Maurice" }],
      children: [{ usageName: "TESTO", firstName: "Nina", birthDate: null }],
    });
    expect(family.dossierNumber).toMatch(/^F-\d{4}-\d{5}$/);
    const first = await issueFamilyChildKey(caller, family.id);
    expect(await findActiveChildKey(first.toLowerCase().replace(/0/g, "o"))).toMatchObject({ familyId: family.id });
    const second = await issueFamilyChildKey(caller, family.id);
    expect(await findActiveChildKey(first)).toBeNull();
    expect(await findActiveChildKey(second)).toMatchObject({ familyId: family.id });
    const rows = await prisma.childKey.findMany({ where: { familyId: family.id } });
    expect(JSON.stringify(rows)).not.toContain(second.replace(/-/g, ""));
    expect(
      await prisma.auditLog.count({ where: { targetId: family.id, action: { in: ["child_key.issued", "child_key.reissued"] } } }),
    ).toBe(2);
  });

  test("the letter is printed only with the family's active key", async () => {
    const caller = await admin();
    const one = await createKnownFamily(caller, {
      representatives: [{ civility: "MADAME", usageName: "UN", firstName: "Une" }],
      children: [],
    });
    const two = await createKnownFamily(caller, {
      representatives: [{ civility: "MADAME", usageName: "DEUX", firstName: "Deux" }],
      children: [],
    });
    const keyOfTwo = await issueFamilyChildKey(caller, two.id);
    expect(await childKeyLetter(caller, one.id, keyOfTwo)).toBeNull();
    const letter = await childKeyLetter(caller, two.id, keyOfTwo);
    expect(Buffer.from(letter!.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(letter!.fileName).toBe(`cle-enfance-${two.dossierNumber}.pdf`);
  });
});

describe("documents à télécharger", () => {
  const input = { title: "Guide", description: null, position: 0, publish: false };
  test("a file that is not a PDF by its first bytes is refused, whatever its name", async () => {
    const caller = await admin();
    await expect(
      createPublicDocument(caller, input, { name: "faux.pdf", bytes: new TextEncoder().encode("<html>pas un pdf</html>") }),
    ).rejects.toThrow("Le fichier doit être un PDF");
  });
  test("a file over 10 Mo is refused", async () => {
    const caller = await admin();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7"));
    await expect(createPublicDocument(caller, input, { name: "gros.pdf", bytes: big })).rejects.toThrow("Le fichier dépasse 10 Mo");
  });
});
