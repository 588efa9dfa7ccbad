import "server-only";
import { exportChildFiles } from "@/lib/child-file";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { cleanFileName } from "@/lib/documents/schemas";
import { fileStore } from "@/lib/platform/storage";
import { town } from "@/lib/platform/town";
import { EXPORT_FORMAT, exportReadme } from "./export-readme";

/**
 * The right of access and to portability (RGPD art. 15 and 20): everything the portal holds about a parent
 * and their family, as one ZIP: `donnees.json` (documented in README.txt), and their documents' files.
 * Never: password hash, tokens, FranceConnect tokens, another family's rows, staff identities.
 */

function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

export interface ExportFile {
  documentId: string;
  path: string;
  provider: "LOCAL" | "UPLOADTHING";
  storageKey: string;
}

export interface ExportBundle {
  /** What goes into donnees.json, before the files' availability is known. */
  data: Record<string, unknown> & { documents: Record<string, unknown>[]; demarches: unknown[]; notifications: unknown[] };
  files: ExportFile[];
  fileName: string;
}

export async function collectExport(accountId: string): Promise<ExportBundle> {
  const client = db();
  const account = await client.account.findUniqueOrThrow({
    where: { id: accountId },
    include: {
      franceConnectIdentities: { select: { sub: true, linkedAt: true, lastLoginAt: true }, orderBy: { linkedAt: "asc" } },
      notifications: { select: { title: true, body: true, link: true, createdAt: true, readAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const demarches = await client.demarche.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    include: {
      events: { orderBy: { createdAt: "asc" } },
      documents: { select: { documentId: true, kind: true, attachedAt: true }, orderBy: { attachedAt: "asc" } },
    },
  });
  const family = account.familyId
    ? await client.family.findUnique({
        where: { id: account.familyId },
        include: {
          members: { orderBy: [{ role: "asc" }, { createdAt: "asc" }], include: { linksAsChild: true } },
          documents: { select: { documentId: true, kind: true, keptAt: true } },
          invoices: { orderBy: { issuedAt: "asc" }, include: { payments: { orderBy: { createdAt: "asc" } } } },
        },
      })
    : null;
  // Only what this account provided: the dossier's documents another representative sent (a judgment, their
  // proof of address) are theirs to export, not this account's. The dossier's people are in `family.members`.
  const documents = await client.document.findMany({ where: { ownerId: accountId }, orderBy: { createdAt: "asc" } });
  const ownDocumentIds = new Set(documents.map((document) => document.id));
  // Every attempt recorded about this account, whatever its scope: sign-in, new links, closure confirmation.
  const identifiers = [account.login, account.email.toLowerCase(), accountId].filter((value): value is string => Boolean(value));
  const signInAttempts = await client.loginAttempt.findMany({
    where: { identifier: { in: identifiers }, scope: { notIn: ["child-key", "signup-password", "signup-photo"] } },
    orderBy: { createdAt: "asc" },
    select: { scope: true, createdAt: true, succeeded: true, ipAddress: true },
  });
  const activity = await client.auditLog.findMany({
    where: { actorType: "ACCOUNT", actorId: accountId },
    orderBy: { at: "asc" },
    select: { at: true, action: true, targetType: true, targetId: true, ipAddress: true, userAgent: true },
  });

  const files: ExportFile[] = documents
    .filter((document) => !document.deletedAt)
    .map((document) => ({
      documentId: document.id,
      path: `fichiers/${document.id.slice(-12)}-${cleanFileName(document.fileName).replace(/[/\\]/g, "_")}`,
      provider: document.provider,
      storageKey: document.storageKey,
    }));
  const pathOf = new Map(files.map((file) => [file.documentId, file.path]));
  const { name, portalName, legal } = town();

  const data = {
    format: EXPORT_FORMAT,
    generatedAt: new Date().toISOString(),
    portal: { name: portalName, town: name, dataController: legal.dataController, dpoContact: legal.dpoContact },
    account: {
      id: account.id,
      login: account.login,
      email: account.email,
      emailVerifiedAt: account.emailVerifiedAt,
      status: account.status,
      createdAt: account.createdAt,
      activatedAt: account.activatedAt,
      lastLoginAt: account.lastLoginAt,
      hasPassword: Boolean(account.passwordHash),
      civility: account.civility,
      usageName: account.usageName,
      birthName: account.birthName,
      firstNames: account.firstNames,
      birthDate: day(account.birthDate),
      birthCountryCode: account.birthCountryCode,
      birthDepartmentCode: account.birthDepartmentCode,
      birthCommuneCode: account.birthCommuneCode,
      address: {
        addressLine: account.addressLine,
        streetNumber: account.streetNumber,
        building: account.building,
        apartment: account.apartment,
        addressComplement: account.addressComplement,
        postalCode: account.postalCode,
        city: account.city,
        country: account.country,
      },
      phone: account.phone,
      mobile: account.mobile,
      preferredContact: account.preferredContact,
      cguAcceptedAt: account.cguAcceptedAt,
      cguVersion: account.cguVersion,
      photoDocumentId: account.photoDocumentId,
    },
    franceConnect: account.franceConnectIdentities,
    demarches: demarches.map((demarche) => ({
      reference: demarche.reference,
      kind: demarche.kind,
      status: demarche.status,
      createdAt: demarche.createdAt,
      updatedAt: demarche.updatedAt,
      submittedAt: demarche.submittedAt,
      decidedAt: demarche.decidedAt,
      refusalReason: demarche.refusalReason,
      data: demarche.data,
      history: demarche.events.map((event) => ({
        at: event.createdAt,
        type: event.type,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        by: event.staffId ? "services" : event.accountId === accountId ? "vous" : "portail",
        message: event.message,
        remarks: event.remarks,
      })),
      documents: demarche.documents,
    })),
    family: family
      ? {
          dossierNumber: family.dossierNumber,
          status: family.status,
          createdAt: family.createdAt,
          members: family.members.map((member) => ({
            ...omit(member, "familyId", "accountId", "linksAsChild"),
            birthDate: day(member.birthDate),
            expectedBirthDate: day(member.expectedBirthDate),
            isYou: member.accountId === accountId,
            parentalLinks: member.linksAsChild.map(({ representativeId, quality, parentalAuthority }) => ({
              representativeId,
              quality,
              parentalAuthority,
            })),
          })),
          documents: family.documents.filter((link) => ownDocumentIds.has(link.documentId)),
          invoices: family.invoices.map((invoice) => ({
            ...omit(invoice, "familyId", "payments"),
            dueDate: day(invoice.dueDate),
            payments: invoice.payments.map((payment) => omit(payment, "invoiceId")),
          })),
        }
      : null,
    documents: documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      kindCode: document.kindCode,
      documentDate: day(document.documentDate),
      validUntil: day(document.validUntil),
      childId: document.childId,
      fileName: document.fileName,
      mediaType: document.mediaType,
      size: document.size,
      sha256: document.sha256,
      createdAt: document.createdAt,
      deletedAt: document.deletedAt,
      ownedByYou: document.ownerId === accountId,
      file: pathOf.get(document.id) ?? null,
    })),
    childFiles: await exportChildFiles(accountId),
    notifications: account.notifications,
    signInAttempts: signInAttempts.map(({ createdAt, ...attempt }) => ({ at: createdAt, ...attempt })),
    activity,
  };
  const stamp = new Date().toISOString().slice(0, 10);
  return { data, files, fileName: `mes-donnees-${stamp}.zip` };
}

/** Records the export in the audit log (who asked, how much left the portal), never its content. */
export async function auditExport(accountId: string, bundle: ExportBundle): Promise<void> {
  const { data } = bundle;
  await audit({
    actorType: "ACCOUNT",
    actorId: accountId,
    action: "account.data_exported",
    targetType: "Account",
    targetId: accountId,
    details: {
      demarches: data.demarches.length,
      documents: bundle.data.documents.length,
      files: bundle.files.length,
      notifications: data.notifications.length,
    },
  });
}

/**
 * The ZIP as a stream: one file is read from storage only when the previous one has been sent on, so
 * memory holds at most one document (10 MB) whatever the number of documents. donnees.json comes last,
 * once it is known which files storage could give back.
 */
export function exportZipStream(bundle: ExportBundle): ReadableStream<Uint8Array> {
  const missing = new Set<string>();
  const encoder = new TextEncoder();
  let zip: Zip;
  const steps: (() => Promise<void>)[] = [
    ...bundle.files.map((file) => async () => {
      const bytes = await fileStore(file.provider)
        .get(file.storageKey)
        .catch((error: unknown) => {
          console.error(`[export] file ${file.storageKey} could not be read:`, error instanceof Error ? error.message : error);
          return null;
        });
      if (!bytes) {
        missing.add(file.documentId);
        return;
      }
      // PDF, JPEG and PNG are compressed already: stored as they are.
      const entry = new ZipPassThrough(file.path);
      zip.add(entry);
      entry.push(bytes, true);
    }),
    async () => {
      const documents = bundle.data.documents.map((document) =>
        missing.has(String(document.id)) ? { ...document, file: null, fileUnavailable: true } : document,
      );
      addText(zip, "donnees.json", JSON.stringify({ ...bundle.data, documents }, null, 2));
      addText(zip, "README.txt", exportReadme(town()));
      zip.end();
    },
  ];
  function addText(target: Zip, name: string, text: string) {
    const entry = new ZipDeflate(name, { level: 6 });
    target.add(entry);
    entry.push(encoder.encode(text), true);
  }
  let produced = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        produced = true;
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    // The stream asks again only after something was enqueued: a step that adds nothing (a file storage
    // could not give back) must not end the pull, or the download would hang.
    async pull() {
      produced = false;
      while (!produced && steps.length > 0) await steps.shift()!();
    },
  });
}
