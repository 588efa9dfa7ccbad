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
import { publishNews, publishPublicDocument, removeNews, removePublicDocument, saveNews, savePublicDocument } from "@/lib/content/actions";
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
import { uploadToStorageAction } from "@/lib/child-file/storage-actions";
import { deleteFromStorageAction } from "@/lib/documents/actions";
import { createKnownFamilyAction, issueChildKeyAction, revokeChildKeysAction } from "@/lib/dossier/actions";
import { linkChildKeyAction } from "@/lib/dossier/child-key-actions";
import {
  changeMyPassword,
  createStaffAccount,
  resetStaffAccountPassword,
  resetStaffAccountTotp,
  toggleStaffActive,
  updateStaffRole,
} from "@/lib/staff/actions";
import { submitStaffCode, submitStaffNewPassword, submitStaffPassword } from "@/lib/staff/sign-in-actions";
import { saveLegalTexts, saveTotpPolicy, saveTownContact } from "@/lib/town-settings/actions";
import { expectFrenchMessage, hostileFile, hostileForm, hostileString, RUNS } from "../support/hostile";
import { testPrisma } from "../fixtures/db";
import { TEST_PASSWORD } from "../fixtures/parents";
import { actionCallers, idle, idleAdmin, run } from "./support/hostile-callers";
import { actAs, form, scope } from "./support/request-scope";
import { rowsWithForbiddenText } from "./support/stored";

/**
 * Every server action, called the way a script would call it (any caller, any posted value): it answers
 * with a French message or a redirect, never crashes (a 500 in the browser), and leaves no invalid row.
 * Who may call which action is in actions-authorization.test.ts.
 */
const prisma = testPrisma();
const who = actionCallers();
/** An id from an address or a form: a real-looking UUID, a hostile string, or nothing. */
const hostileId = fc.oneof(hostileString, fc.uuid(), fc.constant(""));

describe("parent actions under hostile input (parent A signed in)", () => {
  beforeEach(() => actAs(who.parentA));

  test("savePersonAction: each person form", async () => {
    const fields = Object.keys(representativeSchema.shape).concat([
      "quality_holder",
      "authority_holder",
      "relationship",
      "sex",
      "expectedBirth",
      "expectedBirthDate",
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom("titulaire", "co-representant", "nouvel-enfant", "nouveau-contact"), hostileString),
        hostileForm(fields),
        async (param, values) => {
          await run(() => savePersonAction(param, idle, form(values)));
        },
      ),
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
    await expect(
      run(() => signInParent(idle, form({ login: who.parentALogin, password: TEST_PASSWORD, retour: "//evil.example" }))),
    ).resolves.toEqual({ kind: "redirected", to: "/espace" });
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
    const outcome = await run(() =>
      resetPasswordAction({ status: "idle" }, form({ jeton: "x".repeat(43), password: long, passwordConfirmation: long })),
    );
    expect(outcome).toEqual({
      kind: "returned",
      value: { status: "error", fieldErrors: { password: "Le champ 'mot de passe' ne peut pas dépasser 128 caractères." } },
    });
  });

  test("staff sign-in, step 1", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (login, password) => {
        const outcome = await run(() => submitStaffPassword(idle, form({ login, password })));
        expect(outcome.kind).toBe("returned");
        // Later steps without the "password checked" cookie start over.
        expect(await run(() => submitStaffNewPassword(idle, form({ password, passwordConfirmation: password })))).toEqual({
          kind: "redirected",
          to: "/admin/connexion?expire=1",
        });
        expect(await run(() => submitStaffCode(idle, form({ code: login })))).toMatchObject({
          kind: login.trim() ? "redirected" : "returned",
        });
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
      authentification: {
        login: `hostile.${randomUUID().slice(0, 8)}`,
        password: "Glycines-Bleues-du-Jardin-42",
        passwordConfirmation: "Glycines-Bleues-du-Jardin-42",
      },
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
      if (valid[step])
        expect(await run(() => submitSignupStep(step, idle, form(valid[step]!)))).toEqual({
          kind: "redirected",
          to: expect.stringMatching(/^\/creer-mon-espace\//),
        });
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
      fc.asyncProperty(
        hostileForm(["title", "summary", "body", "publish", "description", "position"]),
        hostileId,
        fc.option(hostileFile),
        async (values, id, file) => {
          await run(() => saveNews(null, idleAdmin, form({ ...values, publish: undefined })));
          await run(() => saveNews(id, idleAdmin, form(values)));
          await run(() => publishNews(id, false, idleAdmin, form({})));
          await run(() => removeNews(id, idleAdmin, form({ confirmation: values.publish })));
          await run(() => savePublicDocument(null, idleAdmin, form({ ...values, publish: undefined, file: file ?? undefined })));
          await run(() => publishPublicDocument(id, false, idleAdmin, form({})));
          await run(() => removePublicDocument(id, idleAdmin, form({ confirmation: "on" })));
        },
      ),
      { numRuns: RUNS.action },
    );
  });

  test("town settings", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileForm(["service", "address", "phone", "email", "hours", "mentionsLegales", "cgu", "cguVersion", "agentsNeedTotp"]),
        async (values) => {
          await run(() => saveTownContact(idleAdmin, form(values)));
          await run(() => saveLegalTexts(idleAdmin, form(values)));
        },
      ),
      { numRuns: RUNS.action },
    );
    await run(() => saveTotpPolicy(idleAdmin, form({})));
  });

  test("staff accounts", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileForm(["login", "displayName", "email", "role", "currentPassword", "password", "passwordConfirmation"]),
        hostileId,
        async (values, id) => {
          await run(() => createStaffAccount(idleAdmin, form(values)));
          await run(() => updateStaffRole(id, idleAdmin, form({ role: values.role })));
          await run(() => toggleStaffActive(id, false, idleAdmin, form({})));
          await run(() => resetStaffAccountPassword(id, idleAdmin, form({})));
          await run(() => resetStaffAccountTotp(id, idleAdmin, form({})));
          await run(() => changeMyPassword(idleAdmin, form(values)));
        },
      ),
      { numRuns: RUNS.action },
    );
  });

  test("known families and Clé Enfance", async () => {
    const fields = [
      "rep1Civility",
      "rep1UsageName",
      "rep1FirstName",
      "rep2Civility",
      "rep2UsageName",
      "rep2FirstName",
      "child1UsageName",
      "child1FirstName",
      "child1BirthDate",
    ];
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
