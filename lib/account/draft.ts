import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { signValue, verifySignedValue } from "@/lib/platform/security/signed-value";
import type { FranceConnectHooks } from "@/lib/franceconnect";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SignupStepSlug } from "./schemas";

/**
 * The wizard's progress lives in the database (so a reload or a server restart loses nothing),
 * tied to the browser by a signed, HttpOnly cookie holding only the draft's id. It expires after a day.
 */
const COOKIE = "ef_inscription";
const LIFETIME_MS = 24 * 60 * 60 * 1000;

/** What each step saved: the raw values as typed (re-shown as they were), plus which steps passed validation. */
export interface SignupDraftData {
  values: Partial<Record<SignupStepSlug, Record<string, string | boolean>>>;
  completed: SignupStepSlug[];
  /** argon2id hash of the chosen password: the password itself is never stored. */
  passwordHash?: string;
  /** Storage key of the photo, once uploaded and re-encoded. */
  photoKey?: string;
}

export interface SignupDraft {
  id: string;
  data: SignupDraftData;
  franceConnect: Record<string, unknown> | null;
}

const empty = (): SignupDraftData => ({ values: {}, completed: [] });

export async function loadSignupDraft(): Promise<SignupDraft | null> {
  const id = verifySignedValue("signup-draft", (await cookies()).get(COOKIE)?.value);
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const row = await db().signupDraft.findFirst({ where: { id, expiresAt: { gt: new Date() } } });
  if (!row) return null;
  return {
    id: row.id,
    data: { ...empty(), ...(row.data as object) } as SignupDraftData,
    franceConnect: (row.franceConnect as Record<string, unknown> | null) ?? null,
  };
}

/** The current draft, or a new one (and its cookie) when there is none. Only for server actions. */
export async function loadOrCreateSignupDraft(init?: { franceConnect?: Prisma.InputJsonValue }): Promise<SignupDraft> {
  const existing = await loadSignupDraft();
  if (existing && !init) return existing;
  if (existing)
    await db()
      .signupDraft.delete({ where: { id: existing.id } })
      .catch(() => undefined);
  const { draft, cookie } = await createSignupDraft(init);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  return draft;
}

/**
 * A new draft and the cookie that ties it to the browser, for a caller that sets the cookie on its own
 * response (FranceConnect's callback route starts the wizard with the identity it received).
 */
export async function createSignupDraft(init?: { franceConnect?: Prisma.InputJsonValue }) {
  const row = await db().signupDraft.create({
    data: {
      data: empty() as unknown as Prisma.InputJsonValue,
      franceConnect: init?.franceConnect,
      expiresAt: new Date(Date.now() + LIFETIME_MS),
    },
  });
  const draft: SignupDraft = {
    id: row.id,
    data: empty(),
    franceConnect: (init?.franceConnect as Record<string, unknown> | undefined) ?? null,
  };
  const cookie = {
    name: COOKIE,
    value: signValue("signup-draft", row.id),
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      secure: env().APP_URL.startsWith("https://"),
      path: "/",
      maxAge: LIFETIME_MS / 1000,
    },
  };
  return { draft, cookie };
}

export async function saveSignupDraft(id: string, data: SignupDraftData): Promise<void> {
  await db().signupDraft.update({
    where: { id },
    data: { data: data as unknown as Prisma.InputJsonValue, expiresAt: new Date(Date.now() + LIFETIME_MS) },
  });
}

export async function deleteSignupDraft(): Promise<void> {
  const draft = await loadSignupDraft();
  if (draft) await db().signupDraft.deleteMany({ where: { id: draft.id } });
  (await cookies()).delete(COOKIE);
}

/** FranceConnect identified a person no account knows: the wizard starts with that identity filled and locked. */
export const startSignupFromFranceConnect: FranceConnectHooks["startSignup"] = async (franceConnect) => {
  const { cookie } = await createSignupDraft({ franceConnect: franceConnect as unknown as Prisma.InputJsonValue });
  return cookie;
};
