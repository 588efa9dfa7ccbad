import { encode } from "next-auth/jwt";
import { createParents } from "../../fixtures/parents";

/**
 * Parents with a complete draft declaration (the demo family), written straight into the run's database, and
 * their session cookies. The cookie is the one Auth.js sets at sign-in (its own `encode`, the portal's
 * AUTH_SECRET): 200 argon2 sign-ins would measure the sign-in, not the sending.
 */
export interface DraftParent {
  accountId: string;
  demarcheId: string;
  email: string;
  cookie: string;
}

/** `count` activated parents, each with a draft that passes every check of the summary page. */
export async function parentsWithCompleteDrafts(count: number, label: string): Promise<DraftParent[]> {
  const parents = await createParents(count, label, { draft: true });
  return Promise.all(
    parents.map(async (parent) => ({
      accountId: parent.id,
      demarcheId: parent.demarcheId!,
      email: parent.email,
      cookie: await sessionCookie(parent.id),
    })),
  );
}

export async function sessionCookie(accountId: string, sessionVersion = 0): Promise<string> {
  const name = "authjs.session-token";
  const token = await encode({
    token: { sub: accountId, kind: "parent", sv: sessionVersion, authAt: Math.floor(Date.now() / 1000) },
    secret: process.env.AUTH_SECRET!,
    salt: name,
    maxAge: 60 * 60,
  });
  return `${name}=${token}`;
}
