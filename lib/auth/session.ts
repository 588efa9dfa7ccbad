import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./config";
import { sessionAccount, sessionExpired } from "./session-token";

export interface ParentAccount {
  id: string;
  login: string | null;
  email: string;
  civility: "MONSIEUR" | "MADAME";
  usageName: string;
  firstNames: string;
  familyId: string | null;
}

/**
 * The signed-in parent, checked against the database on every request: a closed account or a
 * bumped session version (signed out, password changed elsewhere) or a session past its 12 hours ends it.
 */
export const currentParent = cache(async (): Promise<ParentAccount | null> => {
  const session = await auth();
  if (!session?.user?.id || session.user.kind !== "parent") return null;
  if (sessionExpired(session.user)) return null;
  // The same read as auth()'s session check (React cache): one query for both.
  const account = await sessionAccount(session.user.id);
  if (!account || account.status !== "ACTIVE" || account.sessionVersion !== session.user.sessionVersion) return null;
  return {
    id: account.id,
    login: account.login,
    email: account.email,
    civility: account.civility,
    usageName: account.usageName,
    firstNames: account.firstNames,
    familyId: account.familyId,
  };
});

/** For pages and actions of the parent's space: the parent, or a redirect to the sign-in page. */
export async function requireParent(returnTo?: string): Promise<ParentAccount> {
  const parent = await currentParent();
  if (!parent) redirect(returnTo ? `/connexion?retour=${encodeURIComponent(returnTo)}` : "/connexion");
  return parent;
}

/** "Bonjour Monsieur TESTO" */
export function greeting(parent: Pick<ParentAccount, "civility" | "usageName">): string {
  return `Bonjour ${parent.civility === "MADAME" ? "Madame" : "Monsieur"} ${parent.usageName.toUpperCase()}`;
}

/** "M. Maurice TESTO" */
export function formalName(person: { civility: "MONSIEUR" | "MADAME"; firstNames: string; usageName: string }): string {
  return `${person.civility === "MADAME" ? "Mme" : "M."} ${person.firstNames} ${person.usageName.toUpperCase()}`;
}
