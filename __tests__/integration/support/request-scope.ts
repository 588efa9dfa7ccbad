/**
 * Calling server actions from Jest: a stand-in for Next's request scope (cookies(), headers()) and for the
 * Auth.js session, so that an action runs as a given caller (signed out, parent A, parent B, agent,
 * administrator). Everything after that is real: the session is checked against the database by
 * lib/auth/session.ts and lib/staff/session.ts, and the lib functions use the real PostgreSQL.
 *
 * In a test file:
 *   jest.mock("next/headers", () => jest.requireActual("./support/request-scope").nextHeadersMock);
 *   jest.mock("next/cache", () => jest.requireActual("./support/request-scope").nextCacheMock);
 *   jest.mock("@/lib/auth/config", () => jest.requireActual("./support/auth-mock").authConfigMock);
 * (two modules: next-auth itself imports next/headers, which must already be mockable.)
 */
export type Session = {
  user: { id: string; kind: "parent" | "staff"; sessionVersion: number; role?: "AGENT" | "ADMINISTRATOR"; authAt?: number };
} | null;

export const scope = {
  cookies: new Map<string, string>(),
  headers: new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": "jest hostile" }),
  session: null as Session,
};

/** Starts a fresh "browser": no cookies, the given session (or none), its own address (throttling is per address). */
export function actAs(session: Session, ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`) {
  scope.cookies.clear();
  // Signed in a moment ago, unless the test says when (sessions have a hard maximum lifetime).
  scope.session = session && { ...session, user: { authAt: Math.floor(Date.now() / 1000) - 60, ...session.user } };
  scope.headers = new Headers({ "x-forwarded-for": ip, "user-agent": "jest hostile" });
}

const cookieStore = {
  get: (name: string) => (scope.cookies.has(name) ? { name, value: scope.cookies.get(name)! } : undefined),
  getAll: () => [...scope.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => scope.cookies.has(name),
  set: (nameOrCookie: string | { name: string; value: string }, value?: string) => {
    if (typeof nameOrCookie === "string") scope.cookies.set(nameOrCookie, value ?? "");
    else scope.cookies.set(nameOrCookie.name, nameOrCookie.value);
    return cookieStore;
  },
  delete: (nameOrCookie: string | { name: string }) => {
    scope.cookies.delete(typeof nameOrCookie === "string" ? nameOrCookie : nameOrCookie.name);
    return cookieStore;
  },
};

export const nextHeadersMock = {
  cookies: async () => cookieStore,
  headers: async () => scope.headers,
};

export const nextCacheMock = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
};

/** What an action did: returned a state, redirected (Next's control flow), or crashed (a 500 in the browser). */
export type Outcome = { kind: "returned"; value: unknown } | { kind: "redirected"; to: string } | { kind: "crashed"; error: unknown };

export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: "returned", value: await run() };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "redirected", to: digest.split(";")[2] ?? "" };
    return { kind: "crashed", error };
  }
}

/** A FormData as a browser would post it. */
export function form(values: Record<string, string | File | undefined>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) data.append(name, value);
  return data;
}
