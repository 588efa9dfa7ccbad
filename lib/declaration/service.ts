import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { CROCKFORD_ALPHABET } from "@/lib/platform/format/crockford";
import type { DemarcheStatus, Prisma } from "@/lib/generated/prisma/client";
import { queueMail } from "@/lib/platform/mail/queue";
import { declarationReceivedMail } from "@/lib/platform/mail/templates";
import { town } from "@/lib/platform/town";
import { formatIsoAsFrench } from "@/lib/platform/validation/date";
import { formatPhone } from "@/lib/platform/validation/phone";
import { emptyPeople, schemaFor, validatePeople, validatePerson, type DeclarationPeople, type PersonRef } from "./people";
import type { RawPerson } from "./schemas";
import { decodeDeclarationPeople } from "./stored";

/** A declaration the parent may still change: a draft, or one staff sent back for correction. */
export const EDITABLE: DemarcheStatus[] = ["DRAFT", "NEEDS_CORRECTION"];
const OPEN: DemarcheStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW", "NEEDS_CORRECTION"];

export class DeclarationError extends Error {
  override name = "DeclarationError";
}

export interface Declaration {
  id: string;
  reference: string;
  status: DemarcheStatus;
  version: number;
  people: DeclarationPeople;
  submittedAt: Date | null;
  decidedAt: Date | null;
  refusalReason: string | null;
  updatedAt: Date;
}

function toDeclaration(row: {
  id: string;
  reference: string;
  status: DemarcheStatus;
  version: number;
  data: unknown;
  submittedAt: Date | null;
  decidedAt: Date | null;
  refusalReason: string | null;
  updatedAt: Date;
}): Declaration {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    version: row.version,
    people: decodeDeclarationPeople(row.data, { demarcheId: row.id }),
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    refusalReason: row.refusalReason,
    updatedAt: row.updatedAt,
  };
}

/** The parent's current family declaration (open, else the latest decided one), or null. Only their own. */
export async function findDeclaration(accountId: string): Promise<Declaration | null> {
  const open = await db().demarche.findFirst({
    where: { accountId, kind: "FAMILY_DECLARATION", status: { in: OPEN } },
    orderBy: { createdAt: "desc" },
  });
  if (open) return toDeclaration(open);
  const latest = await db().demarche.findFirst({ where: { accountId, kind: "FAMILY_DECLARATION" }, orderBy: { createdAt: "desc" } });
  return latest ? toDeclaration(latest) : null;
}

/** "D-2026-7K3M9Q": readable on the phone, no look-alike characters. */
function newReference(): string {
  const bytes = randomBytes(6);
  const body = [...bytes].map((byte) => CROCKFORD_ALPHABET[byte % 32]).join("");
  return `D-${new Date().getFullYear()}-${body}`;
}

/** Prefills the holder with what the account already knows: the parent never types it again. */
export async function holderFromAccount(accountId: string): Promise<RawPerson> {
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId } });
  return {
    civility: account.civility,
    usageName: account.usageName,
    firstName: account.firstNames,
    birthDate: account.birthDate ? formatIsoAsFrench(account.birthDate.toISOString().slice(0, 10)) : "",
    streetNumber: account.streetNumber ?? "",
    streetName: account.addressLine ? account.addressLine.replace(/^\s*\d+\s*(bis|ter)?\s*/i, "").replace(/\s+\d{5}\s+.*$/, "") : "",
    building: account.building ?? "",
    apartment: account.apartment ?? "",
    addressComplement: account.addressComplement ?? "",
    postalCode: account.postalCode ?? "",
    city: account.city ?? "",
    country: account.country ?? "FRANCE",
    homePhone: account.phone ? formatPhone(account.phone) : "",
    mobile: account.mobile ? formatPhone(account.mobile) : "",
    email: account.email,
  };
}

/** The open declaration, or a new draft. */
export async function openDeclaration(accountId: string): Promise<Declaration> {
  const existing = await findDeclaration(accountId);
  if (existing && OPEN.includes(existing.status)) return existing;
  const created = await db().demarche.create({
    data: {
      reference: newReference(),
      kind: "FAMILY_DECLARATION",
      accountId,
      data: emptyPeople() as unknown as Prisma.InputJsonValue,
      events: { create: { type: "CREATED", toStatus: "DRAFT", accountId } },
    },
  });
  return toDeclaration(created);
}

/**
 * Read-modify-write of the people with the démarche's version as a guard: two tabs saving at once
 * cannot silently overwrite each other (the loser retries on fresh data). The change sees the declaration
 * as read (one read per attempt) and may refuse it ({ refused }): nothing is written then.
 */
async function updatePeople<T>(
  accountId: string,
  change: (people: DeclarationPeople) => { people: DeclarationPeople; result: T } | { refused: T },
): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const declaration = await openDeclaration(accountId);
    const outcome = change(structuredClone(declaration.people));
    if ("refused" in outcome) return outcome.refused;
    if (!EDITABLE.includes(declaration.status))
      throw new DeclarationError(
        "Votre déclaration a été envoyée : elle ne peut plus être modifiée tant que nos services ne vous le demandent pas.",
      );
    const updated = await db().demarche.updateMany({
      where: { id: declaration.id, accountId, version: declaration.version, status: { in: EDITABLE } },
      data: { data: outcome.people as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    if (updated.count === 1) return outcome.result;
  }
  throw new DeclarationError("Votre déclaration a été modifiée en même temps ailleurs : rechargez la page.");
}

export type SavePersonResult = { ok: true; ref: PersonRef } | { ok: false; fieldErrors: Record<string, string> };

/**
 * "Ajouter à mon entourage": validates the person against the declaration as it is (a child's links depend
 * on whether there is a co-representative) and stores them in the draft, from a single read of it.
 */
export async function savePerson(accountId: string, ref: PersonRef, values: RawPerson): Promise<SavePersonResult> {
  if (!values || typeof values !== "object" || Array.isArray(values))
    return { ok: false, fieldErrors: { form: "Les informations envoyées sont illisibles : rechargez la page." } };
  return updatePeople<SavePersonResult>(accountId, (people) => {
    const fieldErrors = validatePerson(ref, values, people);
    if (Object.keys(fieldErrors).length > 0) return { refused: { ok: false, fieldErrors } };
    // Only what the form's schema knows, and validated, is kept as typed: nothing else reaches the database.
    const known = new Set(Object.keys(schemaFor(ref, people).shape));
    const kept: RawPerson = Object.fromEntries(
      Object.entries(values).filter(([key, value]) => known.has(key) && (typeof value === "string" || typeof value === "boolean")),
    );
    let saved: PersonRef = ref;
    switch (ref.kind) {
      case "holder":
        people.holder = kept;
        break;
      case "co":
        people.co = kept;
        break;
      case "child": {
        const id = ref.id && people.children.some((child) => child.id === ref.id) ? ref.id : randomUUID();
        people.children =
          ref.id && id === ref.id
            ? people.children.map((child) => (child.id === id ? { id, values: kept } : child))
            : [...people.children, { id, values: kept }];
        saved = { kind: "child", id };
        break;
      }
      case "contact": {
        const id = ref.id && people.contacts.some((contact) => contact.id === ref.id) ? ref.id : randomUUID();
        people.contacts =
          ref.id && id === ref.id
            ? people.contacts.map((contact) => (contact.id === id ? { id, values: kept } : contact))
            : [...people.contacts, { id, values: kept }];
        saved = { kind: "contact", id };
        break;
      }
    }
    return { people, result: { ok: true, ref: saved } };
  });
}

export async function removePerson(accountId: string, ref: PersonRef): Promise<void> {
  await updatePeople(accountId, (people) => {
    if (ref.kind === "co") {
      people.co = null;
      // The children's links to the co-representative go with them.
      people.children = people.children.map((child) => ({
        id: child.id,
        values: Object.fromEntries(Object.entries(child.values).filter(([key]) => !key.endsWith("_co"))),
      }));
    }
    if (ref.kind === "child") people.children = people.children.filter((child) => child.id !== ref.id);
    if (ref.kind === "contact") people.contacts = people.contacts.filter((contact) => contact.id !== ref.id);
    return { people, result: undefined };
  });
}

/** "ANNULER LA DÉMARCHE": the draft goes; the documents stay in the parent's storage space. */
export async function cancelDeclaration(accountId: string): Promise<void> {
  const declaration = await findDeclaration(accountId);
  if (!declaration || declaration.status !== "DRAFT")
    throw new DeclarationError("Seule une déclaration qui n'a pas encore été envoyée peut être annulée.");
  await db().demarche.deleteMany({ where: { id: declaration.id, accountId, status: "DRAFT" } });
}

export type SubmitResult =
  { ok: true; reference: string; alreadySent: boolean } | { ok: false; errors: Record<string, Record<string, string>> };

/**
 * Sends the declaration to the town. Idempotent: the form carries a key generated when the summary
 * was shown, so a double click or a retry after a lost answer records one sending.
 */
export async function submitDeclaration(accountId: string, submissionKey: string): Promise<SubmitResult> {
  if (!/^[0-9a-f-]{36}$/.test(submissionKey)) throw new DeclarationError("Demande d'envoi invalide : rechargez la page.");
  // A retry or a simultaneous second click with the same key reports the sending that happened.
  const sentWithKey = async (): Promise<SubmitResult | null> => {
    const already = await db().demarche.findUnique({ where: { submissionKey } });
    if (!already) return null;
    if (already.accountId !== accountId) throw new DeclarationError("Demande d'envoi invalide : rechargez la page.");
    return { ok: true, reference: already.reference, alreadySent: true };
  };
  const previous = await sentWithKey();
  if (previous) return previous;
  const declaration = await findDeclaration(accountId);
  if (!declaration || !EDITABLE.includes(declaration.status)) {
    const winner = await sentWithKey();
    if (winner) return winner;
    throw new DeclarationError("Aucune déclaration à envoyer.");
  }
  const errors = validatePeople(declaration.people);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const resubmission = declaration.status === "NEEDS_CORRECTION";
  const now = new Date();
  const sent = await db().$transaction(async (tx) => {
    const updated = await tx.demarche.updateMany({
      where: { id: declaration.id, accountId, version: declaration.version, status: { in: EDITABLE } },
      data: { status: "SUBMITTED", submittedAt: now, submissionKey, version: { increment: 1 } },
    });
    if (updated.count !== 1) return false;
    await tx.demarcheEvent.create({
      data: {
        demarcheId: declaration.id,
        type: resubmission ? "RESUBMITTED" : "SUBMITTED",
        fromStatus: declaration.status,
        toStatus: "SUBMITTED",
        accountId,
      },
    });
    await audit(
      {
        actorType: "ACCOUNT",
        actorId: accountId,
        action: resubmission ? "declaration.resubmitted" : "declaration.submitted",
        targetType: "Demarche",
        targetId: declaration.id,
      },
      tx,
    );
    // The acknowledgement is queued with the sending: recorded together, or not at all (lib/platform/mail/queue.ts).
    const parent = await tx.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { email: true, civility: true, usageName: true, firstNames: true },
    });
    const content = declarationReceivedMail(
      {
        civility: parent.civility,
        usageName: parent.usageName,
        firstNames: parent.firstNames,
        reference: declaration.reference,
        link: `${env().APP_URL}/espace`,
      },
      town(),
    );
    await queueMail(tx, { to: parent.email, ...content, tag: "declaration-received" });
    return true;
  });
  if (!sent) {
    // Another request (the same double click) won the race: report its outcome.
    const winner = await sentWithKey();
    if (winner) return winner;
    throw new DeclarationError("Votre déclaration a été modifiée en même temps ailleurs : rechargez la page.");
  }
  return { ok: true, reference: declaration.reference, alreadySent: false };
}
