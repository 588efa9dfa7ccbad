jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);

import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { activateAccount, requestNewActivationLink } from "@/lib/account/activation";
import { confirmEmailChange } from "@/lib/account/email-change";
import { requestPasswordReset, resetPassword } from "@/lib/account/password-reset";
import { loginTaken } from "@/lib/account/signup-steps";
import { consumeToken, peekToken } from "@/lib/account/tokens";
import { ExpectedError } from "@/lib/platform/errors";
import { listAuditEntries } from "@/lib/journal/queries";
import { verifyParentCredentials } from "@/lib/auth/credentials";
import { createNews, deleteNews, getNewsForStaff, setNewsPublished, updateNews } from "@/lib/content/news-admin";
import {
  createPublicDocument,
  deletePublicDocument,
  readPublicDocumentForStaff,
  updatePublicDocument,
} from "@/lib/content/public-documents-admin";
import { db } from "@/lib/platform/db";
import { attachDocument, detachDocument } from "@/lib/declaration/attachments";
import { representativeSchema } from "@/lib/declaration/schemas";
import { DeclarationError, findDeclaration, removePerson, savePerson, submitDeclaration } from "@/lib/declaration/service";
import { deleteOwnDocument, readOwnDocument, storeDocument } from "@/lib/documents/service";
import {
  childKeyLetter,
  createKnownFamily,
  getFamilyForStaff,
  issueFamilyChildKey,
  revokeFamilyChildKeys,
  searchFamilies,
} from "@/lib/dossier/service";
import { findActiveChildKey } from "@/lib/dossier/child-keys";
import type { DocumentKind } from "@/lib/generated/prisma/client";
import { simplePdf } from "@/lib/platform/pdf/simple-document";
import { changeStaffRole, createStaff, getStaffForAdmin, resetStaffPassword, setStaffActive } from "@/lib/staff/accounts";
import { ForbiddenError, type Caller } from "@/lib/platform/security/authorize";
import { verifyStaffPassword } from "@/lib/auth/staff-sign-in";
import { updateLegalTexts, updateTownContact } from "@/lib/platform/town/settings";
import {
  expectFrenchMessage,
  expectFrenchMessages,
  hostileFile,
  hostileRecord,
  hostileString,
  hostileValue,
  RUNS,
} from "../support/hostile";
import { testPrisma } from "../fixtures/db";
import { createParent } from "../fixtures/parents";
import { actAs } from "./support/request-scope";
import { rowsWithForbiddenText } from "./support/stored";

/**
 * The lib functions behind the actions, called directly with raw hostile values (no FormData on the way,
 * so lone surrogates arrive as they are): they answer, refuse with a French message, or throw one of
 * their own expected errors (French too), never a database error; and nothing invalid is stored.
 */
const prisma = testPrisma();
const startedAt = new Date();
let parentId = "";
let admin: Caller = null;
let pdf: Uint8Array;

beforeAll(async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  actAs(null);
  const suffix = randomUUID().slice(0, 8);
  const parent = await createParent({ loginPrefix: "services", usageName: "SERVICES", firstNames: "Serge" });
  parentId = parent.id;
  const staff = await prisma.staffUser.create({
    data: {
      login: `services.${suffix}`,
      email: `services.${suffix}@example.org`,
      displayName: "Services",
      passwordHash: "x",
      role: "ADMINISTRATOR",
      totpEnabledAt: new Date(),
    },
  });
  admin = { kind: "staff", id: staff.id };
  pdf = await simplePdf({ title: "Guide", paragraphs: ["Bonjour"], author: "Ville" });
});

afterAll(async () => {
  await prisma.newsItem.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.publicDocument.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.townSetting.deleteMany({ where: { key: { in: ["contact", "legal"] } } });
  // The browser tests list staff accounts and families: leave them the ones they know.
  await prisma.family.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.staffUser.deleteMany({ where: { createdAt: { gte: startedAt } } });
  await prisma.$disconnect();
  await db().$disconnect();
});

/** A call that may refuse, but only with one of the portal's own errors, in French. */
async function refusesOrAnswers(
  call: () => Promise<unknown>,
  expected: (new (...args: never[]) => Error)[] = [ExpectedError, ForbiddenError, DeclarationError],
) {
  try {
    return await call();
  } catch (error) {
    if (!expected.some((kind) => error instanceof kind)) throw error;
    expectFrenchMessage((error as Error).message);
    return error;
  }
}

const hostileId = fc.oneof(hostileString, fc.uuid(), fc.constant(""));
const personRef = fc.constantFrom(
  { kind: "holder" } as const,
  { kind: "co" } as const,
  { kind: "child", id: null } as const,
  { kind: "contact", id: null } as const,
);

describe("the declaration", () => {
  test("savePerson: any values, of any type, for any person", async () => {
    const fields = Object.keys(representativeSchema.shape).concat([
      "sex",
      "quality_holder",
      "authority_holder",
      "relationship",
      "expectedBirth",
      "__proto__",
      "extra\u0000",
    ]);
    await fc.assert(
      fc.asyncProperty(personRef, hostileRecord(fields), async (ref, values) => {
        const result = await refusesOrAnswers(() => savePerson(parentId, ref, values as Record<string, string>));
        if (result && typeof result === "object" && "ok" in result && !result.ok)
          expectFrenchMessages((result as unknown as { fieldErrors: Record<string, string> }).fieldErrors);
      }),
      { numRuns: RUNS.service },
    );
    for (const values of [null, "texte", 42, []]) {
      expect(await savePerson(parentId, { kind: "holder" }, values as unknown as Record<string, string>)).toEqual({
        ok: false,
        fieldErrors: { form: expect.any(String) },
      });
    }
  });

  test("a valid person is kept without the fields its form does not know", async () => {
    const values = {
      civility: "MADAME",
      usageName: "SERVICES",
      firstName: "Sonia",
      phone: "06 12 34 56 78",
      relationship: "TANTE",
      email: "",
      injected: "\u0000<script>",
      nested: { a: 1 },
    };
    const saved = await savePerson(parentId, { kind: "contact", id: null }, values as unknown as Record<string, string>);
    expect(saved).toMatchObject({ ok: true });
    const stored = (await findDeclaration(parentId))!.people.contacts.at(-1)!.values;
    expect(stored).not.toHaveProperty("injected");
    expect(stored).not.toHaveProperty("nested");
    expect(stored.firstName).toBe("Sonia");
  });

  test("removePerson, submitDeclaration, attach and detach with hostile ids and keys", async () => {
    await fc.assert(
      fc.asyncProperty(hostileId, hostileValue, async (id, kind) => {
        await refusesOrAnswers(() => removePerson(parentId, { kind: "child", id }));
        await refusesOrAnswers(() => submitDeclaration(parentId, id));
        await refusesOrAnswers(() => attachDocument(parentId, id, kind as DocumentKind));
        await refusesOrAnswers(() => detachDocument(parentId, id));
      }),
      { numRuns: RUNS.service },
    );
  });
});

describe("documents", () => {
  test("storeDocument: hostile files and kinds never crash; only plain PDFs and real images are kept", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, fc.oneof(fc.constantFrom("LIVRET_FAMILLE", "AUTRE"), hostileString), async (file, kind) => {
        const result = await storeDocument(parentId, file, kind as DocumentKind);
        if (!result.ok) expectFrenchMessage(result.message);
        else {
          const row = await prisma.document.findUniqueOrThrow({ where: { id: result.documentId } });
          expect(row.fileName).not.toMatch(/[\\/]/);
          expect(row.mediaType).toBe("application/pdf");
          expect(new TextDecoder().decode(await file.arrayBuffer())).not.toMatch(/JavaScript|J#61|Launch|OpenAction/);
        }
      }),
      { numRuns: RUNS.service },
    );
  });

  test("read and delete with hostile ids", async () => {
    await fc.assert(
      fc.asyncProperty(hostileId, async (id) => {
        expect(await readOwnDocument(parentId, id)).toBeNull();
        const deleted = await deleteOwnDocument(parentId, id);
        if (!deleted.ok) expectFrenchMessage(deleted.message);
      }),
      { numRuns: RUNS.service },
    );
  });
});

describe("accounts, sign-in, activation and reset", () => {
  test("identifiers and tokens of any shape", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (identifier, secret) => {
        actAs(null);
        const signIn = await verifyParentCredentials(identifier, secret);
        expect(signIn.ok).toBe(false);
        expect((await verifyStaffPassword(identifier, secret)).ok).toBe(false);
        await requestNewActivationLink(identifier);
        await requestPasswordReset(identifier);
        expect(["invalid", "expired", "used"]).toContain((await activateAccount(secret)).status);
        expect(["invalid", "expired", "used"]).toContain(await resetPassword(secret, "Glycines-Bleues-42"));
        expect((await consumeToken(secret, "ACTIVATION")).status).toBe("invalid");
        expect(await peekToken(secret, "PASSWORD_RESET")).toBe("invalid");
        expect((await confirmEmailChange(secret)).status).toBe("invalid");
        expect(typeof (await loginTaken(identifier))).toBe("boolean");
        expect(await findActiveChildKey(secret)).toBeNull();
      }),
      { numRuns: 20 },
    );
  });
});

describe("the back-office functions (administrator)", () => {
  test("news, documents, town settings, staff accounts, families: hostile text and ids", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, hostileId, fc.option(hostileFile), async (text, other, id, file) => {
        await refusesOrAnswers(() => createNews(admin, { title: text, summary: other, body: text, publish: false }));
        await refusesOrAnswers(() => updateNews(admin, id, { title: other, summary: text, body: other, publish: false }));
        await refusesOrAnswers(() => setNewsPublished(admin, id, false));
        await refusesOrAnswers(() => getNewsForStaff(admin, id));
        await refusesOrAnswers(() => deleteNews(admin, id));
        // The raw name (a File would already have replaced a lone surrogate by U+FFFD).
        const upload = { name: other, bytes: file ? new Uint8Array(await file.arrayBuffer()) : pdf };
        await refusesOrAnswers(() => createPublicDocument(admin, { title: text, description: other, position: 1, publish: false }, upload));
        await refusesOrAnswers(() =>
          updatePublicDocument(admin, id, { title: other, description: null, position: 2, publish: false }, null),
        );
        await refusesOrAnswers(() => readPublicDocumentForStaff(admin, id));
        await refusesOrAnswers(() => deletePublicDocument(admin, id));
        await refusesOrAnswers(() =>
          updateTownContact(admin, { service: text, address: [other], phone: text, email: "a@b.fr", hours: [text] }),
        );
        await refusesOrAnswers(() =>
          updateLegalTexts(admin, {
            mentionsLegales: [{ title: text, paragraphs: [other] }],
            cgu: [{ title: other, paragraphs: [text] }],
            cguVersion: "v1",
          }),
        );
        await refusesOrAnswers(() =>
          createStaff(admin, {
            login: `s.${randomUUID().slice(0, 8)}`,
            email: `${randomUUID()}@example.org`,
            displayName: text,
            role: "AGENT",
          }),
        );
        await refusesOrAnswers(() => getStaffForAdmin(admin, id));
        await refusesOrAnswers(() => changeStaffRole(admin, id, "AGENT"));
        await refusesOrAnswers(() => setStaffActive(admin, id, true));
        await refusesOrAnswers(() => resetStaffPassword(admin, id));
        await refusesOrAnswers(() =>
          createKnownFamily(admin, {
            representatives: [{ civility: "MADAME", usageName: text, firstName: other }],
            children: [{ usageName: other, firstName: text, birthDate: null }],
          }),
        );
        await refusesOrAnswers(() => searchFamilies(admin, text));
        await refusesOrAnswers(() => getFamilyForStaff(admin, id));
        await refusesOrAnswers(() => issueFamilyChildKey(admin, id));
        await refusesOrAnswers(() => revokeFamilyChildKeys(admin, id));
        await refusesOrAnswers(() => childKeyLetter(admin, id, text));
        await refusesOrAnswers(() => listAuditEntries(admin, { acteur: text, action: other, cible: text }));
      }),
      { numRuns: RUNS.service },
    );
  });

  test("a caller that is not a UUID, or not an object, is refused", async () => {
    for (const caller of [
      { kind: "staff", id: "\u0000" },
      { kind: "staff", id: "'; DROP TABLE staff_users; --" },
      { kind: "staff", id: 42 },
      "admin",
      0,
    ]) {
      await expect(listAuditEntries(caller as unknown as Caller, {})).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

test("after all of the above, no stored row holds NUL, a control character, a bidi override, half an emoji or its U+FFFD trace", async () => {
  expect(await rowsWithForbiddenText(prisma, { replacementCharacterSince: startedAt })).toEqual([]);
});
