jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);
jest.mock("next/cache", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextCacheMock);
jest.mock("@/lib/auth/config", () => jest.requireActual<typeof import("./support/auth-mock")>("./support/auth-mock").authConfigMock);

import { randomUUID } from "node:crypto";
import fc from "fast-check";
import {
  checkLoginAvailability,
  checkPasswordStrength,
  requestActivationLinkAction,
  requestPasswordResetAction,
  resetPasswordAction,
  submitSignupStep,
} from "@/lib/account/actions";
import { STEP_FIELDS } from "@/lib/account/signup-steps";
import { signInParent } from "@/lib/auth/actions";
import { hashPassword } from "@/lib/platform/security/password";
import { publishNews, publishPublicDocument, removeNews, removePublicDocument, saveNews, savePublicDocument } from "@/lib/content/actions";
import { db } from "@/lib/platform/db";
import {
  attachFromStorageAction,
  cancelDeclarationAction,
  detachAttachmentAction,
  goToSummaryAction,
  removePersonAction,
  savePersonAction,
  submitDeclarationAction,
  uploadAttachmentAction,
} from "@/lib/declaration/actions";
import { representativeSchema } from "@/lib/declaration/schemas";
import { deleteFromStorageAction, uploadToStorageAction } from "@/lib/documents/actions";
import { storeDocument } from "@/lib/documents/service";
import { createKnownFamilyAction, issueChildKeyAction, revokeChildKeysAction } from "@/lib/dossier/actions";
import { linkChildKeyAction } from "@/lib/dossier/child-key-actions";
import { changeMyPassword, createStaffAccount, resetStaffAccountPassword, resetStaffAccountTotp, toggleStaffActive, updateStaffRole } from "@/lib/staff/actions";
import { submitStaffCode, submitStaffNewPassword, submitStaffPassword } from "@/lib/staff/sign-in-actions";
import { saveLegalTexts, saveTotpPolicy, saveTownContact } from "@/lib/town-settings/actions";
import { expectFrenchMessage, hostileFile, hostileForm, hostileString, RUNS } from "../support/hostile";
import { testPrisma } from "../fixtures/db";
import { actAs, form, outcomeOf, scope, type Outcome } from "./support/request-scope";
import { rowsWithForbiddenText } from "./support/stored";

/**
 * Every server action, called the way a script would call it (any caller, any posted value): it answers
 * with a French message or a redirect, never crashes (a 500 in the browser), and leaves no invalid row.
 * The second half is the authorization matrix of the actions: signed out, parent A, parent B, agent,
 * administrator.
 */
const prisma = testPrisma();
const startedAt = new Date();
const PASSWORD = "Tulipes-et-Roses-7";
type Session = Parameters<typeof actAs>[0];
const who: Record<"parentA" | "parentB" | "agent" | "admin", Session> = { parentA: null, parentB: null, agent: null, admin: null };
let parentALogin = "";

const idle = { status: "idle" } as const;
const idleAdmin = { status: "idle" } as const;

async function parentRow() {
  const suffix = randomUUID().slice(0, 8);
  const row = await prisma.account.create({
    data: {
      login: `hostile.${suffix}`,
      email: `hostile.${suffix}@example.org`,
      emailVerifiedAt: new Date(),
      passwordHash: await hashPassword(PASSWORD),
      status: "ACTIVE",
      activatedAt: new Date(),
      civility: "MADAME",
      usageName: "HOSTILE",
      firstNames: "Hélène",
      cguAcceptedAt: new Date(),
      cguVersion: "test",
    },
  });
  return row;
}

async function staffRow(role: "AGENT" | "ADMINISTRATOR") {
  const suffix = randomUUID().slice(0, 8);
  return prisma.staffUser.create({
    data: { login: `hostile.${suffix}`, email: `hostile.${suffix}@example.org`, displayName: `Hostile ${suffix}`, passwordHash: await hashPassword(PASSWORD), role, totpEnabledAt: role === "ADMINISTRATOR" ? new Date() : null },
  });
}

beforeAll(async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const a = await parentRow();
  const b = await parentRow();
  parentALogin = a.login!;
  who.parentA = { user: { id: a.id, kind: "parent", sessionVersion: a.sessionVersion } };
  who.parentB = { user: { id: b.id, kind: "parent", sessionVersion: b.sessionVersion } };
  const agent = await staffRow("AGENT");
  const admin = await staffRow("ADMINISTRATOR");
  who.agent = { user: { id: agent.id, kind: "staff", sessionVersion: agent.sessionVersion, role: "AGENT" } };
  who.admin = { user: { id: admin.id, kind: "staff", sessionVersion: admin.sessionVersion, role: "ADMINISTRATOR" } };
});

afterAll(async () => {
  // Leave the public pages as the browser tests expect them (they run next, on the same database).
  await prisma.newsItem.deleteMany({ where: { OR: [{ authorId: { in: [who.agent!.user.id, who.admin!.user.id] } }, { createdAt: { gte: startedAt } }] } });
  await prisma.publicDocument.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.townSetting.deleteMany({ where: { key: { in: ["contact", "legal", "staff.agentsNeedTotp"] } } });
  // The browser tests list staff accounts and families: leave them the ones they know.
  await prisma.family.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.staffUser.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.$disconnect();
  await db().$disconnect();
});

/** Whatever an action answered, it is not a crash, and any refusal in it is French. */
function expectHandled(outcome: Outcome): Outcome {
  if (outcome.kind === "crashed") throw outcome.error;
  if (outcome.kind === "returned" && outcome.value && typeof outcome.value === "object") {
    const state = outcome.value as { status?: string; message?: unknown; fieldErrors?: Record<string, unknown> };
    if (state.message !== undefined) expectFrenchMessage(state.message);
    for (const message of Object.values(state.fieldErrors ?? {})) expectFrenchMessage(message);
    if (state.status === "error") expect(state.message !== undefined || Object.keys(state.fieldErrors ?? {}).length > 0).toBe(true);
  }
  return outcome;
}

const run = async (action: () => Promise<unknown>) => expectHandled(await outcomeOf(action));
/** An id from an address or a form: a real-looking UUID, a hostile string, or nothing. */
const hostileId = fc.oneof(hostileString, fc.uuid(), fc.constant(""));

describe("parent actions under hostile input (parent A signed in)", () => {
  beforeEach(() => actAs(who.parentA));

  test("savePersonAction: each person form", async () => {
    const fields = Object.keys(representativeSchema.shape).concat(["quality_holder", "authority_holder", "relationship", "sex", "expectedBirth", "expectedBirthDate"]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom("titulaire", "co-representant", "nouvel-enfant", "nouveau-contact"), hostileString), hostileForm(fields), async (param, values) => {
        await run(() => savePersonAction(param, idle, form(values)));
      }),
      { numRuns: RUNS.action },
    );
  });

  test("removePersonAction, detachAttachmentAction, goToSummaryAction", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (value) => {
        await run(() => removePersonAction(form({ personne: value })));
        await run(() => detachAttachmentAction(form({ document: value })));
        await run(() => goToSummaryAction(form({ seul: value })));
      }),
      { numRuns: RUNS.action },
    );
  });

  test("uploadAttachmentAction and uploadToStorageAction: hostile files", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom("LIVRET_FAMILLE", "JUGEMENT", "PHOTO"), hostileString), hostileFile, async (kind, file) => {
        const upload = await run(() => uploadAttachmentAction(kind, idle, form({ fichier: file })));
        const storage = await run(() => uploadToStorageAction(idle, form({ type: kind, fichier: file })));
        // Only a plain PDF may be stored: every other file of the arbitrary is refused.
        const plain = file.size > 0 && file.size <= 10 * 1024 * 1024 && (await file.text()).includes("trailer << >>");
        if (!plain || !["LIVRET_FAMILLE", "JUGEMENT"].includes(kind)) expect(upload.kind).toBe("returned");
        if (!plain || !["LIVRET_FAMILLE", "JUGEMENT"].includes(kind)) expect(storage.kind).toBe("returned");
      }),
      { numRuns: RUNS.action },
    );
  });

  test("attachFromStorageAction, deleteFromStorageAction, submitDeclarationAction, linkChildKeyAction", async () => {
    await fc.assert(
      fc.asyncProperty(hostileId, hostileString, async (id, key) => {
        await run(() => attachFromStorageAction("LIVRET_FAMILLE", idle, form({ document: id })));
        await run(() => deleteFromStorageAction(form({ document: id })));
        await run(() => submitDeclarationAction(idle, form({ cle: key })));
        const linked = await run(() => linkChildKeyAction(idle, form({ cle: key })));
        expect(linked.kind).toBe("returned");
      }),
      { numRuns: RUNS.action },
    );
    await run(() => cancelDeclarationAction());
  });
});

describe("public actions under hostile input (signed out)", () => {
  beforeEach(() => actAs(null));

  test("signInParent: no crash, never signed in, one French message", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, hostileString, async (login, password, back) => {
        const outcome = await run(() => signInParent(idle, form({ login, password, retour: back })));
        expect(outcome.kind).toBe("returned");
      }),
      { numRuns: RUNS.action },
    );
    // The right password still opens the session, and the return path never leaves the site.
    actAs(null);
    await expect(run(() => signInParent(idle, form({ login: parentALogin, password: PASSWORD, retour: "//evil.example" })))).resolves.toEqual({ kind: "redirected", to: "/espace" });
  });

  test("activation link, password reset request, new password", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, hostileString, async (identifier, token, password) => {
        await run(() => requestActivationLinkAction({ status: "idle" }, form({ identifier })));
        await run(() => requestPasswordResetAction({ status: "idle" }, form({ identifier })));
        await run(() => resetPasswordAction({ status: "idle" }, form({ jeton: token, password, passwordConfirmation: password })));
        expect(await checkLoginAvailability(identifier)).toEqual(expect.objectContaining({ available: expect.any(Boolean) }));
        const strength = await checkPasswordStrength(password);
        if (strength.message) expectFrenchMessage(strength.message);
      }),
      { numRuns: RUNS.action },
    );
  });

  test("a new password longer than sign-in reads (128 characters) is refused", async () => {
    const long = `Aa1-Bb2-${"x".repeat(200)}`;
    const outcome = await run(() => resetPasswordAction({ status: "idle" }, form({ jeton: "x".repeat(43), password: long, passwordConfirmation: long })));
    expect(outcome).toEqual({ kind: "returned", value: { status: "error", fieldErrors: { password: "Le champ 'mot de passe' ne peut pas dépasser 128 caractères." } } });
  });

  test("staff sign-in, step 1", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (login, password) => {
        const outcome = await run(() => submitStaffPassword(idle, form({ login, password })));
        expect(outcome.kind).toBe("returned");
        // Later steps without the "password checked" cookie start over.
        expect(await run(() => submitStaffNewPassword(idle, form({ password, passwordConfirmation: password })))).toEqual({ kind: "redirected", to: "/admin/connexion?expire=1" });
        expect(await run(() => submitStaffCode(idle, form({ code: login })))).toMatchObject({ kind: login.trim() ? "redirected" : "returned" });
      }),
      { numRuns: RUNS.action },
    );
  });

  test("the account wizard: every step, forward and back, keeps a draft PostgreSQL accepts", async () => {
    actAs(null);
    expect((await run(() => submitSignupStep("bienvenue", idle, form({ cgu: "on" })))).kind).toBe("redirected");
    const valid: Record<string, Record<string, string>> = {
      identite: { civility: "MADAME", usageName: "HOSTILE", firstNames: "Hélène", birthDate: "", birthCountryCode: "" },
      adresse: { city: "Carbon-Blanc", postalCode: "33560" },
      contact: { email: `hostile.${randomUUID().slice(0, 8)}@example.org`, preferredContact: "EMAIL" },
      authentification: { login: `hostile.${randomUUID().slice(0, 8)}`, password: "Glycines-Bleues-du-Jardin-42", passwordConfirmation: "Glycines-Bleues-du-Jardin-42" },
    };
    for (const step of ["identite", "adresse", "contact", "authentification"] as const) {
      const fields = [...STEP_FIELDS[step].text, ...STEP_FIELDS[step].checkboxes, "password", "passwordConfirmation"];
      await fc.assert(
        fc.asyncProperty(hostileForm(fields), fc.boolean(), async (values, back) => {
          const outcome = await run(() => submitSignupStep(step, idle, form({ ...values, intent: back ? "previous" : undefined })));
          if (back) expect(outcome.kind).toBe("redirected");
        }),
        { numRuns: RUNS.action },
      );
      // The hostile submissions above may have used up this address's costly-work allowance (argon2, images).
      scope.headers.set("x-forwarded-for", `192.0.2.${Math.floor(Math.random() * 250) + 1}`);
      if (valid[step]) expect(await run(() => submitSignupStep(step, idle, form(valid[step]!)))).toEqual({ kind: "redirected", to: expect.stringMatching(/^\/creer-mon-espace\//) });
    }
    await fc.assert(
      fc.asyncProperty(hostileString, async (pow) => {
        const outcome = await run(() => submitSignupStep("securite", idle, form({ pow })));
        expect(outcome.kind).toBe("returned");
      }),
      { numRuns: 10 },
    );
    // An unknown step name goes back to the start.
    expect(await run(() => submitSignupStep("\u0000<script>", idle, form({})))).toEqual({ kind: "redirected", to: "/creer-mon-espace" });
  });
});

describe("staff actions under hostile input (administrator signed in)", () => {
  beforeEach(() => actAs(who.admin));

  test("news and public documents", async () => {
    await fc.assert(
      fc.asyncProperty(hostileForm(["title", "summary", "body", "publish", "description", "position"]), hostileId, fc.option(hostileFile), async (values, id, file) => {
        await run(() => saveNews(null, idleAdmin, form({ ...values, publish: undefined })));
        await run(() => saveNews(id, idleAdmin, form(values)));
        await run(() => publishNews(id, false, idleAdmin, form({})));
        await run(() => removeNews(id, idleAdmin, form({ confirmation: values.publish })));
        await run(() => savePublicDocument(null, idleAdmin, form({ ...values, publish: undefined, file: file ?? undefined })));
        await run(() => publishPublicDocument(id, false, idleAdmin, form({})));
        await run(() => removePublicDocument(id, idleAdmin, form({ confirmation: "on" })));
      }),
      { numRuns: RUNS.action },
    );
  });

  test("town settings", async () => {
    await fc.assert(
      fc.asyncProperty(hostileForm(["service", "address", "phone", "email", "hours", "mentionsLegales", "cgu", "cguVersion", "agentsNeedTotp"]), async (values) => {
        await run(() => saveTownContact(idleAdmin, form(values)));
        await run(() => saveLegalTexts(idleAdmin, form(values)));
      }),
      { numRuns: RUNS.action },
    );
    await run(() => saveTotpPolicy(idleAdmin, form({})));
  });

  test("staff accounts", async () => {
    await fc.assert(
      fc.asyncProperty(hostileForm(["login", "displayName", "email", "role", "currentPassword", "password", "passwordConfirmation"]), hostileId, async (values, id) => {
        await run(() => createStaffAccount(idleAdmin, form(values)));
        await run(() => updateStaffRole(id, idleAdmin, form({ role: values.role })));
        await run(() => toggleStaffActive(id, false, idleAdmin, form({})));
        await run(() => resetStaffAccountPassword(id, idleAdmin, form({})));
        await run(() => resetStaffAccountTotp(id, idleAdmin, form({})));
        await run(() => changeMyPassword(idleAdmin, form(values)));
      }),
      { numRuns: RUNS.action },
    );
  });

  test("known families and Clé Enfance", async () => {
    const fields = ["rep1Civility", "rep1UsageName", "rep1FirstName", "rep2Civility", "rep2UsageName", "rep2FirstName", "child1UsageName", "child1FirstName", "child1BirthDate"];
    await fc.assert(
      fc.asyncProperty(hostileForm(fields), hostileId, async (values, id) => {
        await run(() => createKnownFamilyAction(idleAdmin, form(values)));
        await run(() => issueChildKeyAction(id, idleAdmin, form({})));
        await run(() => revokeChildKeysAction(id, idleAdmin, form({})));
      }),
      { numRuns: RUNS.action },
    );
  });
});

test("after all of the above, no stored row holds NUL, a control character, a bidi override or half an emoji", async () => {
  // FormData itself turns a lone surrogate into U+FFFD, as a browser's UTF-8 body would: that one is legitimate text here.
  expect(await rowsWithForbiddenText(prisma)).toEqual([]);
});

describe("authorization of the actions: signed out, parent A, parent B, agent, administrator", () => {
  const staffActions: [string, "AGENT" | "ADMINISTRATOR", () => Promise<unknown>][] = [
    ["saveNews", "AGENT", () => saveNews(null, idleAdmin, form({ title: "Refusée", summary: "s", body: "b" }))],
    ["publishNews", "AGENT", () => publishNews(randomUUID(), true, idleAdmin, form({}))],
    ["removeNews", "AGENT", () => removeNews(randomUUID(), idleAdmin, form({ confirmation: "on" }))],
    ["savePublicDocument", "AGENT", () => savePublicDocument(null, idleAdmin, form({ title: "Refusé", position: "1" }))],
    ["createKnownFamilyAction", "AGENT", () => createKnownFamilyAction(idleAdmin, form({ rep1Civility: "MADAME", rep1UsageName: "REFUS", rep1FirstName: "Rita" }))],
    ["issueChildKeyAction", "AGENT", () => issueChildKeyAction(randomUUID(), idleAdmin, form({}))],
    ["saveTownContact", "ADMINISTRATOR", () => saveTownContact(idleAdmin, form({ service: "Pirate", address: "x", phone: "1", email: "a@b.fr", hours: "x" }))],
    ["saveLegalTexts", "ADMINISTRATOR", () => saveLegalTexts(idleAdmin, form({ mentionsLegales: "## A\n\nB", cgu: "## A\n\nB", cguVersion: "pirate" }))],
    ["saveTotpPolicy", "ADMINISTRATOR", () => saveTotpPolicy(idleAdmin, form({ agentsNeedTotp: "on" }))],
    ["createStaffAccount", "ADMINISTRATOR", () => createStaffAccount(idleAdmin, form({ login: `pirate.${randomUUID().slice(0, 6)}`, displayName: "Pirate", email: `${randomUUID()}@example.org`, role: "ADMINISTRATOR" }))],
    ["updateStaffRole", "ADMINISTRATOR", () => updateStaffRole(who.agent!.user.id, idleAdmin, form({ role: "ADMINISTRATOR" }))],
    ["toggleStaffActive", "ADMINISTRATOR", () => toggleStaffActive(who.admin!.user.id, false, idleAdmin, form({}))],
    ["resetStaffAccountPassword", "ADMINISTRATOR", () => resetStaffAccountPassword(who.admin!.user.id, idleAdmin, form({}))],
    ["resetStaffAccountTotp", "ADMINISTRATOR", () => resetStaffAccountTotp(who.admin!.user.id, idleAdmin, form({}))],
  ];

  test.each(staffActions)("%s (%s) sends signed-out visitors and parents to the staff sign-in, agents where it belongs", async (_name, role, action) => {
    const before = await prisma.auditLog.count();
    for (const session of [null, who.parentA, who.parentB]) {
      actAs(session);
      expect(await run(action)).toEqual({ kind: "redirected", to: "/admin/connexion" });
    }
    // A parent's id presented in a staff session is not staff either.
    actAs({ user: { id: who.parentA!.user.id, kind: "staff", sessionVersion: 0 } });
    expect(await run(action)).toEqual({ kind: "redirected", to: "/admin/connexion" });
    expect(await prisma.auditLog.count()).toBe(before);
    actAs(who.agent);
    const agent = await run(action);
    if (role === "ADMINISTRATOR") expect(agent).toEqual({ kind: "redirected", to: "/admin/acces-refuse" });
    else expect(agent).not.toEqual({ kind: "redirected", to: "/admin/connexion" });
  });

  const parentActions: [string, () => Promise<unknown>][] = [
    ["savePersonAction", () => savePersonAction("titulaire", idle, form({ usageName: "X" }))],
    ["removePersonAction", () => removePersonAction(form({ personne: "co-representant" }))],
    ["uploadAttachmentAction", () => uploadAttachmentAction("LIVRET_FAMILLE", idle, form({}))],
    ["attachFromStorageAction", () => attachFromStorageAction("LIVRET_FAMILLE", idle, form({ document: randomUUID() }))],
    ["detachAttachmentAction", () => detachAttachmentAction(form({ document: randomUUID() }))],
    ["goToSummaryAction", () => goToSummaryAction(form({}))],
    ["submitDeclarationAction", () => submitDeclarationAction(idle, form({ cle: randomUUID() }))],
    ["cancelDeclarationAction", () => cancelDeclarationAction()],
    ["uploadToStorageAction", () => uploadToStorageAction(idle, form({ type: "AUTRE" }))],
    ["deleteFromStorageAction", () => deleteFromStorageAction(form({ document: randomUUID() }))],
    ["linkChildKeyAction", () => linkChildKeyAction(idle, form({ cle: "ABCD-EFGH-JKMN-PQRS" }))],
  ];

  test.each(parentActions)("%s sends signed-out visitors and staff sessions to the parents' sign-in", async (_name, action) => {
    for (const session of [null, who.agent, who.admin]) {
      actAs(session);
      const outcome = await run(action);
      expect(outcome).toEqual({ kind: "redirected", to: expect.stringMatching(/^\/connexion(\?|$)/) });
    }
  });

  test("parent B can neither delete, attach nor detach parent A's document", async () => {
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")], "livret.pdf", { type: "application/pdf" });
    const stored = await storeDocument(who.parentA!.user.id, pdf, "LIVRET_FAMILLE");
    if (!stored.ok) throw new Error(stored.message);
    actAs(who.parentA);
    await run(() => attachFromStorageAction("LIVRET_FAMILLE", idle, form({ document: stored.documentId })));
    const links = () => prisma.demarcheDocument.count({ where: { documentId: stored.documentId } });
    expect(await links()).toBe(1);

    actAs(who.parentB);
    expect(await run(() => deleteFromStorageAction(form({ document: stored.documentId })))).toEqual({
      kind: "redirected",
      to: "/espace/documents?erreur=absent",
    });
    const attached = await run(() => attachFromStorageAction("LIVRET_FAMILLE", idle, form({ document: stored.documentId })));
    expect(attached).toEqual({ kind: "returned", value: { status: "error", message: "Ce document n'existe pas dans votre espace de stockage." } });
    await run(() => detachAttachmentAction(form({ document: stored.documentId })));

    expect(await prisma.document.findUniqueOrThrow({ where: { id: stored.documentId } })).toMatchObject({ deletedAt: null, ownerId: who.parentA!.user.id });
    expect(await links()).toBe(1);
  });
});
