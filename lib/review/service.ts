import "server-only";
import { assertStorableText, ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { decodeDeclarationPeople } from "@/lib/declaration";
import { DOCUMENT_KINDS } from "@/lib/declaration/schemas";
import { env } from "@/lib/platform/env";
import { Prisma, type DemarcheEventType, type DemarcheStatus } from "@/lib/generated/prisma/client";
import { queueMail } from "@/lib/platform/mail/queue";
import { decisionMail, type Decision } from "@/lib/platform/mail/templates";
import { fileStore } from "@/lib/platform/storage";
import { authorizeStaff, staffAudit, type Caller, type StaffActor } from "@/lib/platform/security/authorize";
import { town } from "@/lib/platform/town";
import { writeFamilyDossier } from "@/lib/dossier";
import { CORRECTION_LINK } from "@/lib/notifications";
import { presentPeople } from "./present";
import { correctionText, type Remark } from "./schemas";
import { isUuid } from "@/lib/platform/validation/uuid";

/**
 * Staff decisions on a family declaration. Each one names the version of the démarche the agent saw:
 * if anyone changed it meanwhile (another agent, the parent), the decision is refused with a message
 * instead of overwriting their work. Every access and decision goes to the audit log; every decision
 * reaches the parent by mail and on their home page.
 */

/** Where a decision may start from. */
const FROM: Record<"take" | "correction" | "accept" | "refuse", DemarcheStatus[]> = {
  take: ["SUBMITTED", "IN_REVIEW"],
  correction: ["SUBMITTED", "IN_REVIEW"],
  accept: ["SUBMITTED", "IN_REVIEW"],
  refuse: ["SUBMITTED", "IN_REVIEW", "NEEDS_CORRECTION"],
};

export async function getDeclarationForStaff(caller: Caller, id: string) {
  const actor = await authorizeStaff(caller);
  if (!isUuid(id)) return null;
  const row = await db().demarche.findFirst({
    where: { id, kind: "FAMILY_DECLARATION", status: { not: "DRAFT" } },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      data: true,
      submittedAt: true,
      decidedAt: true,
      refusalReason: true,
      createdAt: true,
      account: {
        select: {
          id: true,
          login: true,
          civility: true,
          usageName: true,
          firstNames: true,
          email: true,
          mobile: true,
          phone: true,
          familyId: true,
          franceConnectIdentities: { select: { id: true } },
        },
      },
      assignedTo: { select: { id: true, displayName: true } },
      family: { select: { id: true, dossierNumber: true } },
      documents: {
        orderBy: { attachedAt: "asc" },
        select: {
          kind: true,
          document: { select: { id: true, fileName: true, mediaType: true, size: true, createdAt: true, deletedAt: true } },
        },
      },
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          type: true,
          fromStatus: true,
          toStatus: true,
          message: true,
          remarks: true,
          createdAt: true,
          staff: { select: { displayName: true } },
          accountId: true,
        },
      },
    },
  });
  if (!row) return null;
  await audit({
    ...staffAudit(actor),
    action: "declaration.viewed",
    targetType: "Demarche",
    targetId: row.id,
    details: { reference: row.reference, status: row.status },
  });
  const people = decodeDeclarationPeople(row.data, { demarcheId: row.id });
  return { ...row, people, presented: presentPeople(people), viewer: actor };
}

/** A document sent with this démarche, read by staff: the démarche must hold it, and the access is recorded. */
export async function readDeclarationDocument(caller: Caller, demarcheId: string, documentId: string) {
  const actor = await authorizeStaff(caller);
  if (!isUuid(demarcheId) || !isUuid(documentId)) return null;
  const link = await db().demarcheDocument.findFirst({
    where: { demarcheId, documentId, demarche: { kind: "FAMILY_DECLARATION", status: { not: "DRAFT" } }, document: { deletedAt: null } },
    select: { kind: true, document: { select: { id: true, fileName: true, mediaType: true, provider: true, storageKey: true } } },
  });
  if (!link) return null;
  const bytes = await fileStore(link.document.provider).get(link.document.storageKey);
  if (!bytes) return null;
  await audit({
    ...staffAudit(actor),
    action: "document.viewed",
    targetType: "Document",
    targetId: documentId,
    details: { demarcheId, kind: link.kind },
  });
  return { document: link.document, bytes };
}

interface Transition {
  id: string;
  version: number;
  from: DemarcheStatus[];
  to: DemarcheStatus;
  event: DemarcheEventType;
  message?: string;
  remarks?: Remark[];
  data?: Prisma.DemarcheUpdateManyMutationInput;
  assignedToId?: string | null;
}

const CHANGED_MEANWHILE =
  "Cette déclaration a été modifiée entre-temps (par un autre agent ou par le parent) : rechargez la page pour voir son état actuel avant de décider.";

/**
 * Applies a status change if the démarche is still at the version the agent saw and in an allowed
 * status; inside the same transaction, `more` writes what goes with it (the family dossier...).
 */
async function transition<T>(
  actor: StaffActor,
  change: Transition,
  more?: (tx: Prisma.TransactionClient, current: { accountId: string; familyId: string | null; data: unknown }) => Promise<T>,
  tell?: (extra: T | undefined) => { decision: Decision; message: string },
) {
  if (!isUuid(change.id)) throw new ExpectedError("Cette déclaration n'existe pas.");
  const result = await db().$transaction(async (tx) => {
    const current = await tx.demarche.findFirst({
      where: { id: change.id, kind: "FAMILY_DECLARATION" },
      select: { status: true, version: true, accountId: true, familyId: true, data: true, reference: true },
    });
    if (!current || current.status === "DRAFT") throw new ExpectedError("Cette déclaration n'existe pas.");
    const updated = await tx.demarche.updateMany({
      where: { id: change.id, version: change.version, status: { in: change.from } },
      data: {
        ...change.data,
        status: change.to,
        version: { increment: 1 },
        ...(change.assignedToId !== undefined ? { assignedToId: change.assignedToId } : {}),
      },
    });
    if (updated.count !== 1) {
      // Read again: a decision committed while this one waited for the row is visible now.
      const now = await tx.demarche.findUniqueOrThrow({ where: { id: change.id }, select: { status: true, version: true } });
      if (now.version === change.version)
        throw new ExpectedError(`Cette déclaration est « ${statusWords[now.status]} » : cette décision n'est plus possible.`);
      throw new ExpectedError(CHANGED_MEANWHILE);
    }
    await tx.demarcheEvent.create({
      data: {
        demarcheId: change.id,
        type: change.event,
        fromStatus: current.status,
        toStatus: change.to,
        staffId: actor.id,
        message: change.message,
        remarks: change.remarks?.length ? (change.remarks as unknown as Prisma.InputJsonValue) : undefined,
      },
    });
    const extra = more ? await more(tx, current) : undefined;
    // The parent hears of the decision with it: notification and mail are written in the same transaction.
    if (tell) {
      const { decision, message } = tell(extra);
      await tellParent(tx, current.accountId, current.reference, decision, message);
    }
    return { accountId: current.accountId, reference: current.reference, from: current.status, extra };
  });
  return result;
}

const statusWords: Record<DemarcheStatus, string> = {
  DRAFT: "brouillon",
  SUBMITTED: "à traiter",
  IN_REVIEW: "en cours",
  NEEDS_CORRECTION: "à compléter",
  ACCEPTED: "validée",
  REFUSED: "refusée",
};

/** "En cours", assigned to me (also to take over a démarche another agent had taken). */
export async function takeDeclaration(caller: Caller, id: string, version: number) {
  const actor = await authorizeStaff(caller);
  const result = await transition(actor, { id, version, from: FROM.take, to: "IN_REVIEW", event: "TAKEN", assignedToId: actor.id });
  await audit({
    ...staffAudit(actor),
    action: "declaration.taken",
    targetType: "Demarche",
    targetId: id,
    details: { reference: result.reference, from: result.from },
  });
}

export async function requestCorrection(caller: Caller, id: string, version: number, message: string, remarks: Remark[]) {
  const actor = await authorizeStaff(caller);
  assertStorableText({ message, remarks });
  const result = await transition(
    actor,
    { id, version, from: FROM.correction, to: "NEEDS_CORRECTION", event: "CORRECTION_REQUESTED", message, remarks },
    undefined,
    () => ({
      decision: "NEEDS_CORRECTION",
      message: correctionText(message, remarks),
    }),
  );
  await audit({
    ...staffAudit(actor),
    action: "declaration.correction_requested",
    targetType: "Demarche",
    targetId: id,
    details: { reference: result.reference, remarks: remarks.length },
  });
}

export async function acceptDeclaration(caller: Caller, id: string, version: number) {
  const actor = await authorizeStaff(caller);
  const now = new Date();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await transition(
        actor,
        { id, version, from: FROM.accept, to: "ACCEPTED", event: "ACCEPTED", data: { decidedAt: now }, assignedToId: actor.id },
        async (tx, current) => {
          const people = decodeDeclarationPeople(current.data, { demarcheId: id });
          const account = await tx.account.findUniqueOrThrow({ where: { id: current.accountId }, select: { familyId: true } });
          return writeFamilyDossier(tx, {
            demarcheId: id,
            accountId: current.accountId,
            existingFamilyId: current.familyId ?? account.familyId,
            people,
            staffId: actor.id,
            now,
          });
        },
        (dossier) => ({
          decision: "ACCEPTED",
          message: `Votre famille est enregistrée sous le numéro de dossier ${dossier!.dossierNumber}.`,
        }),
      );
      const dossier = result.extra!;
      await audit({
        ...staffAudit(actor),
        action: "declaration.accepted",
        targetType: "Demarche",
        targetId: id,
        details: {
          reference: result.reference,
          familyId: dossier.familyId,
          dossierNumber: dossier.dossierNumber,
          familyCreated: dossier.created,
        },
      });
      return dossier;
    } catch (error) {
      // Two validations creating dossiers at the same instant may pick the same number: try the next one.
      if (attempt < 4 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

export async function refuseDeclaration(caller: Caller, id: string, version: number, reason: string) {
  const actor = await authorizeStaff(caller);
  assertStorableText(reason);
  const result = await transition(
    actor,
    {
      id,
      version,
      from: FROM.refuse,
      to: "REFUSED",
      event: "REFUSED",
      message: reason,
      data: { decidedAt: new Date(), refusalReason: reason },
      assignedToId: actor.id,
    },
    undefined,
    () => ({ decision: "REFUSED", message: reason }),
  );
  await audit({
    ...staffAudit(actor),
    action: "declaration.refused",
    targetType: "Demarche",
    targetId: id,
    details: { reference: result.reference },
  });
}

const NOTIFICATION_TITLES: Record<Decision, string> = {
  ACCEPTED: "Votre déclaration de famille est validée",
  REFUSED: "Votre déclaration de famille est refusée",
  NEEDS_CORRECTION: "Votre déclaration de famille est à compléter",
};

/**
 * The decision reaches the parent twice: on their home page and by mail, both written with the decision
 * (a worker delivers the mail once the transaction commits, and retries it if the provider is down: lib/platform/mail/queue.ts).
 */
async function tellParent(tx: Prisma.TransactionClient, accountId: string, reference: string, decision: Decision, message: string) {
  const account = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { email: true, civility: true, usageName: true, firstNames: true, status: true },
  });
  const link = decision === "NEEDS_CORRECTION" ? CORRECTION_LINK : "/espace";
  await tx.notification.create({
    data: {
      accountId,
      title: NOTIFICATION_TITLES[decision],
      body:
        decision === "NEEDS_CORRECTION"
          ? "Nos services vous demandent de compléter votre déclaration : voyez leur message ci-dessous."
          : message,
      link,
    },
  });
  if (account.status === "CLOSED") return;
  const content = decisionMail(
    {
      civility: account.civility,
      usageName: account.usageName,
      firstNames: account.firstNames,
      decision,
      message,
      link: `${env().APP_URL}${link}`,
      reference,
    },
    town(),
  );
  await queueMail(tx, { to: account.email, ...content, tag: `decision-${decision.toLowerCase()}` });
}

/** For the correction form's check: the targets of one declaration, read without the rest of it (no new "viewed" entry). */
export async function declarationRemarkTargets(caller: Caller, id: string) {
  await authorizeStaff(caller);
  if (!isUuid(id)) return null;
  const row = await db().demarche.findFirst({
    where: { id, kind: "FAMILY_DECLARATION", status: { not: "DRAFT" } },
    select: { data: true },
  });
  return row ? remarkTargets(presentPeople(decodeDeclarationPeople(row.data, { demarcheId: id }))) : null;
}

/** The targets remarks can point to on this declaration, in the parent's words. */
export function remarkTargets(presented: ReturnType<typeof presentPeople>) {
  return [
    ...presented.map((person) => ({ key: `personne:${person.key}`, label: `${person.name} (${person.role.toLowerCase()})` })),
    ...DOCUMENT_KINDS.map((document) => ({ key: `piece:${document.kind}`, label: documentShortLabels[document.kind] })),
  ];
}

export const documentShortLabels: Record<(typeof DOCUMENT_KINDS)[number]["kind"], string> = {
  LIVRET_FAMILLE: "Livret de famille",
  JUSTIFICATIF_DOMICILE: "Justificatif de domicile",
  JUGEMENT: "Jugement (parents séparés)",
};
