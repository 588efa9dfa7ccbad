import { randomUUID } from "node:crypto";
import { attachDocument } from "@/lib/declaration/attachments";
import type { RawPerson } from "@/lib/declaration/schemas";
import { savePerson, submitDeclaration } from "@/lib/declaration/service";
import { storeDocument } from "@/lib/documents/service";
import type { Caller } from "@/lib/platform/security/authorize";
import { testPrisma } from "../../fixtures/db";
import { createParent } from "../../fixtures/parents";

/**
 * What the review tests (review-*.test.ts) start from: staff callers, and parents who declared themself and
 * one child, attached a document and sent it, through the portal's own services.
 */
export async function staffCaller(role: "AGENT" | "ADMINISTRATOR"): Promise<Caller> {
  const suffix = randomUUID().slice(0, 8);
  const row = await testPrisma().staffUser.create({
    data: { login: `review.${suffix}`, email: `review.${suffix}@example.org`, displayName: `Agent ${suffix}`, passwordHash: "x", role },
  });
  return { kind: "staff" as const, id: row.id };
}

/** Two agents and an administrator, created before the file's tests. */
export function reviewStaff() {
  const agents: { agent: Caller; other: Caller; admin: Caller } = { agent: null, other: null, admin: null };
  beforeAll(async () => {
    agents.agent = await staffCaller("AGENT");
    agents.other = await staffCaller("AGENT");
    agents.admin = await staffCaller("ADMINISTRATOR");
  });
  return agents;
}

export async function parentAccount(usageName: string) {
  const parent = await createParent({
    loginPrefix: "review",
    usageName,
    firstNames: "Julie",
    account: { civility: "MADAME", birthDate: new Date("1985-02-11") },
  });
  return testPrisma().account.findUniqueOrThrow({ where: { id: parent.id } });
}

// Julie, an allocataire of the general regime, and her son: what the validation copies into the dossier.
export const holder = (usageName: string, email: string): RawPerson => ({
  civility: "MADAME",
  usageName,
  firstName: "Julie",
  birthDate: "11/02/1985",
  streetNumber: "3",
  streetName: "Rue du Port",
  postalCode: "33560",
  city: "Carbon-Blanc",
  country: "FRANCE",
  mobile: "06 11 22 33 44",
  email,
  profession: "Infirmière",
  employer: "CHU de Bordeaux",
  allocataireMember: "OUI",
  allocataireRegime: "GENERAL",
  allocataireNumber: "1234567",
});

export const child = (firstName: string, usageName: string): RawPerson => ({
  usageName,
  firstName,
  sex: "MASCULIN",
  birthDate: "04/09/2017",
  quality_holder: "MERE",
  authority_holder: "OUI",
});

const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

/** A surname of letters only (the name fields refuse digits), unique to the test. */
export const uniqueName = (prefix: string) =>
  prefix + [...randomUUID().replace(/-/g, "").slice(0, 8)].map((char) => "ABCDEFGHIJKLMNOP"[parseInt(char, 16)]).join("");

/** A parent who declared themself, one child and a document, and sent it. */
export async function sentDeclaration(usageName = uniqueName("NOM")) {
  const account = await parentAccount(usageName);
  expect((await savePerson(account.id, { kind: "holder" }, holder(usageName, account.email))).ok).toBe(true);
  expect((await savePerson(account.id, { kind: "child", id: null }, child("Hugo", usageName))).ok).toBe(true);
  const stored = await storeDocument(account.id, new File([pdfBytes], "livret.pdf", { type: "application/pdf" }), "LIVRET_FAMILLE");
  if (!stored.ok) throw new Error(stored.message);
  await attachDocument(account.id, stored.documentId, "LIVRET_FAMILLE");
  const sent = await submitDeclaration(account.id, randomUUID());
  expect(sent.ok).toBe(true);
  const demarche = await testPrisma().demarche.findFirstOrThrow({ where: { accountId: account.id, kind: "FAMILY_DECLARATION" } });
  return { account, demarche, documentId: stored.documentId };
}

/** What a worker's `mail.deliver` jobs do (lib/platform/mail/queue.ts), run here for one recipient's queued mails. */
export async function deliverQueuedMailsTo(to: string) {
  const { deliverQueuedMail } = await import("@/lib/platform/mail/queue");
  for (const mail of await testPrisma().queuedMail.findMany({ where: { to }, select: { id: true } })) await deliverQueuedMail(mail.id);
}
