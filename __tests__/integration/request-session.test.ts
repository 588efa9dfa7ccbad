import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { testPrisma } from "../fixtures/db";

/**
 * auth() for pages and actions (lib/auth/request-session.ts) reads the token from the cookie without running
 * Auth.js's session route: it must give the same answer as that route for every kind of cookie, a refused one
 * above all (another account's bumped session, a closed account, past the hard maximum, a forged token).
 */
const APP = "http://localhost:3000";
const SESSION_COOKIE = "authjs.session-token";
const SECRET = "integration-secret-of-at-least-32-characters";
const request = { headers: new Headers() };

jest.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));

const prisma = testPrisma();
let GET: (request: NextRequest) => Promise<Response>;
let auth: () => Promise<{ user: { id: string; kind: string; sessionVersion: number } } | null>;
let currentParent: () => Promise<{ id: string } | null>;

beforeAll(async () => {
  Object.assign(process.env, { APP_URL: APP, AUTH_SECRET: SECRET });
  ({ GET } = await import("@/app/api/auth/[...nextauth]/route"));
  ({ auth } = await import("@/lib/auth/request-session"));
  ({ currentParent } = await import("@/lib/auth/session"));
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/platform/db");
  await db().$disconnect();
});

const now = () => Math.floor(Date.now() / 1000);

async function cookieFor(token: Record<string, unknown>, secret = SECRET) {
  return `${SESSION_COOKIE}=${await encode({ token, secret, salt: SESSION_COOKIE })}`;
}

/** The user id each way gives for this Cookie header: Auth.js's /api/auth/session, and auth(). */
async function bothWays(cookie: string) {
  const response = await GET(new NextRequest(new URL("/api/auth/session", APP), { headers: { cookie } }));
  const body = (await response.json()) as { user?: { id: string } } | null;
  request.headers = new Headers({ cookie });
  const session = await auth();
  return { authjs: body?.user?.id ?? null, ours: session?.user.id ?? null };
}

async function newParent(status: "ACTIVE" | "CLOSED" = "ACTIVE") {
  return prisma.account.create({
    data: {
      login: `session.${randomUUID()}`,
      email: `${randomUUID()}@example.org`,
      civility: "MADAME",
      usageName: "TESTA",
      firstNames: "Solange",
      status,
      cguAcceptedAt: new Date(),
      cguVersion: "test",
    },
  });
}

async function newStaff(active = true) {
  return prisma.staffUser.create({
    data: {
      login: `agent.${randomUUID().slice(0, 8)}`,
      email: `${randomUUID()}@mairie.example`,
      displayName: "Agent Test",
      role: "AGENT",
      passwordHash: "x",
      active,
    },
  });
}

test("a parent's current session opens, as with Auth.js, and currentParent is that parent", async () => {
  const parent = await newParent();
  const cookie = await cookieFor({ sub: parent.id, kind: "parent", sv: parent.sessionVersion, authAt: now() - 60 });
  await expect(bothWays(cookie)).resolves.toEqual({ authjs: parent.id, ours: parent.id });
  await expect(currentParent()).resolves.toMatchObject({ id: parent.id });
});

test("a staff member's current session opens, and is no parent", async () => {
  const staff = await newStaff();
  const cookie = await cookieFor({ sub: staff.id, kind: "staff", role: "AGENT", sv: staff.sessionVersion, authAt: now() - 60 });
  await expect(bothWays(cookie)).resolves.toEqual({ authjs: staff.id, ours: staff.id });
  await expect(currentParent()).resolves.toBeNull();
});

test("every refused session is refused by both", async () => {
  const parent = await newParent();
  const closed = await newParent("CLOSED");
  const inactive = await newStaff(false);
  const refused = [
    // Signed out elsewhere or password changed: the session version moved on.
    await cookieFor({ sub: parent.id, kind: "parent", sv: parent.sessionVersion + 1, authAt: now() - 60 }),
    await cookieFor({ sub: closed.id, kind: "parent", sv: closed.sessionVersion, authAt: now() - 60 }),
    await cookieFor({ sub: inactive.id, kind: "staff", role: "AGENT", sv: inactive.sessionVersion, authAt: now() - 60 }),
    // Past the hard maximum (12 h), or never dated.
    await cookieFor({ sub: parent.id, kind: "parent", sv: parent.sessionVersion, authAt: now() - 12 * 3600 - 5 }),
    await cookieFor({ sub: parent.id, kind: "parent", sv: parent.sessionVersion }),
    // No session version, no account behind it, or sealed with another secret.
    await cookieFor({ sub: parent.id, kind: "parent", authAt: now() - 60 }),
    await cookieFor({ sub: randomUUID(), kind: "parent", sv: 0, authAt: now() - 60 }),
    await cookieFor(
      { sub: parent.id, kind: "parent", sv: parent.sessionVersion, authAt: now() - 60 },
      "another-secret-of-at-least-32-characters!",
    ),
    `${SESSION_COOKIE}=not-a-token`,
    "",
  ];
  for (const cookie of refused) await expect(bothWays(cookie)).resolves.toEqual({ authjs: null, ours: null });
  await expect(currentParent()).resolves.toBeNull();
});

test("a bearer token is not a session: only the cookie counts, as in Auth.js", async () => {
  const parent = await newParent();
  const token = await encode({
    token: { sub: parent.id, kind: "parent", sv: parent.sessionVersion, authAt: now() - 60 },
    secret: SECRET,
    salt: SESSION_COOKIE,
  });
  request.headers = new Headers({ cookie: "theme=clair", authorization: `Bearer ${token}` });
  await expect(auth()).resolves.toBeNull();
});
