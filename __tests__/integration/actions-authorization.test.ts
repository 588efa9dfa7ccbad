jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);
jest.mock("next/cache", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextCacheMock);
jest.mock("@/lib/auth/config", () => jest.requireActual<typeof import("./support/auth-mock")>("./support/auth-mock").authConfigMock);

import { randomUUID } from "node:crypto";
import { publishNews, removeNews, saveNews, savePublicDocument } from "@/lib/content/actions";
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
import { uploadToStorageAction } from "@/lib/child-file/storage-actions";
import { deleteFromStorageAction } from "@/lib/documents/actions";
import { storeDocument } from "@/lib/documents/service";
import { createKnownFamilyAction, issueChildKeyAction } from "@/lib/dossier/actions";
import { linkChildKeyAction } from "@/lib/dossier/child-key-actions";
import {
  createStaffAccount,
  resetStaffAccountPassword,
  resetStaffAccountTotp,
  toggleStaffActive,
  updateStaffRole,
} from "@/lib/staff/actions";
import { saveLegalTexts, saveTotpPolicy, saveTownContact } from "@/lib/town-settings/actions";
import { testPrisma } from "../fixtures/db";
import { actionCallers, idle, idleAdmin, run } from "./support/hostile-callers";
import { actAs, form } from "./support/request-scope";

/**
 * The authorization matrix of the server actions: signed out, parent A, parent B, agent, administrator. Each
 * action itself sends whoever may not call it to the right sign-in page (the proxy and the layouts aside), and
 * parent B never reaches parent A's documents.
 */
const prisma = testPrisma();
const who = actionCallers();

describe("authorization of the actions: signed out, parent A, parent B, agent, administrator", () => {
  const staffActions: [string, "AGENT" | "ADMINISTRATOR", () => Promise<unknown>][] = [
    ["saveNews", "AGENT", () => saveNews(null, idleAdmin, form({ title: "Refusée", summary: "s", body: "b" }))],
    ["publishNews", "AGENT", () => publishNews(randomUUID(), true, idleAdmin, form({}))],
    ["removeNews", "AGENT", () => removeNews(randomUUID(), idleAdmin, form({ confirmation: "on" }))],
    ["savePublicDocument", "AGENT", () => savePublicDocument(null, idleAdmin, form({ title: "Refusé", position: "1" }))],
    [
      "createKnownFamilyAction",
      "AGENT",
      () => createKnownFamilyAction(idleAdmin, form({ rep1Civility: "MADAME", rep1UsageName: "REFUS", rep1FirstName: "Rita" })),
    ],
    ["issueChildKeyAction", "AGENT", () => issueChildKeyAction(randomUUID(), idleAdmin, form({}))],
    [
      "saveTownContact",
      "ADMINISTRATOR",
      () => saveTownContact(idleAdmin, form({ service: "Pirate", address: "x", phone: "1", email: "a@b.fr", hours: "x" })),
    ],
    [
      "saveLegalTexts",
      "ADMINISTRATOR",
      () => saveLegalTexts(idleAdmin, form({ mentionsLegales: "## A\n\nB", cgu: "## A\n\nB", cguVersion: "pirate" })),
    ],
    ["saveTotpPolicy", "ADMINISTRATOR", () => saveTotpPolicy(idleAdmin, form({ agentsNeedTotp: "on" }))],
    [
      "createStaffAccount",
      "ADMINISTRATOR",
      () =>
        createStaffAccount(
          idleAdmin,
          form({
            login: `pirate.${randomUUID().slice(0, 6)}`,
            displayName: "Pirate",
            email: `${randomUUID()}@example.org`,
            role: "ADMINISTRATOR",
          }),
        ),
    ],
    ["updateStaffRole", "ADMINISTRATOR", () => updateStaffRole(who.agent!.user.id, idleAdmin, form({ role: "ADMINISTRATOR" }))],
    ["toggleStaffActive", "ADMINISTRATOR", () => toggleStaffActive(who.admin!.user.id, false, idleAdmin, form({}))],
    ["resetStaffAccountPassword", "ADMINISTRATOR", () => resetStaffAccountPassword(who.admin!.user.id, idleAdmin, form({}))],
    ["resetStaffAccountTotp", "ADMINISTRATOR", () => resetStaffAccountTotp(who.admin!.user.id, idleAdmin, form({}))],
  ];

  test.each(staffActions)(
    "%s (%s) sends signed-out visitors and parents to the staff sign-in, agents where it belongs",
    async (_name, role, action) => {
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
    },
  );

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
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")], "livret.pdf", {
      type: "application/pdf",
    });
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
    expect(attached).toEqual({
      kind: "returned",
      value: { status: "error", message: "Ce document n'existe pas dans votre espace de stockage." },
    });
    await run(() => detachAttachmentAction(form({ document: stored.documentId })));

    expect(await prisma.document.findUniqueOrThrow({ where: { id: stored.documentId } })).toMatchObject({
      deletedAt: null,
      ownerId: who.parentA!.user.id,
    });
    expect(await links()).toBe(1);
  });
});
