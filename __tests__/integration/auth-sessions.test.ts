import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { testPrisma } from "../fixtures/db";
import { createParent } from "../fixtures/parents";

/**
 * Sessions through the real Auth.js handlers: signing out ends the session server-side (a copied cookie opens
 * nothing and /api/auth/session hands back no fresh token), and every session has a hard maximum lifetime.
 */
const APP = "http://localhost:3000";
const SESSION_COOKIE = "authjs.session-token";
const SECRET = "integration-secret-of-at-least-32-characters";
const prisma = testPrisma();
let GET: (request: NextRequest) => Promise<Response>;
let POST: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  Object.assign(process.env, { APP_URL: APP, AUTH_SECRET: SECRET });
  ({ GET, POST } = await import("@/app/api/auth/[...nextauth]/route"));
});

afterAll(async () => {
  await prisma.$disconnect();
  const { db } = await import("@/lib/platform/db");
  await db().$disconnect();
});

const now = () => Math.floor(Date.now() / 1000);

async function cookieFor(token: Record<string, unknown>) {
  return `${SESSION_COOKIE}=${await encode({ token, secret: SECRET, salt: SESSION_COOKIE })}`;
}

async function sessionOf(cookie: string) {
  const response = await GET(new NextRequest(new URL("/api/auth/session", APP), { headers: { cookie } }));
  const body = (await response.json()) as { user?: { id: string } } | null;
  return {
    user: body?.user ?? null,
    setsCookie: response.headers.getSetCookie().some((line) => line.startsWith(`${SESSION_COOKIE}=`) && !/max-age=0/i.test(line)),
  };
}

/** "Se déconnecter" as the browser posts it to Auth.js (what signOut() of our actions does). */
async function signOut(cookie: string) {
  const csrf = await GET(new NextRequest(new URL("/api/auth/csrf", APP), { headers: { cookie } }));
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await POST(
    new NextRequest(new URL("/api/auth/signout", APP), {
      method: "POST",
      headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
    }),
  );
}

const newParent = () =>
  createParent({ loginPrefix: "session", usageName: "TESTA", firstNames: "Solange", account: { civility: "MADAME" } });

async function newStaff() {
  return prisma.staffUser.create({
    data: {
      login: `agent.${randomUUID().slice(0, 8)}`,
      email: `${randomUUID()}@mairie.example`,
      displayName: "Agent Test",
      role: "AGENT",
      passwordHash: "x",
    },
  });
}

describe("signing out ends the session on the server", () => {
  test("a parent's copied cookie opens nothing after « Se déconnecter »", async () => {
    const parent = await newParent();
    const cookie = await cookieFor({ sub: parent.id, kind: "parent", sv: parent.sessionVersion, authAt: now() - 60 });
    await expect(sessionOf(cookie)).resolves.toMatchObject({ user: { id: parent.id }, setsCookie: true });
    await signOut(cookie);
    const after = await sessionOf(cookie);
    expect(after.user).toBeNull();
    expect(after.setsCookie).toBe(false);
    await expect(prisma.account.findUniqueOrThrow({ where: { id: parent.id } })).resolves.toMatchObject({
      sessionVersion: parent.sessionVersion + 1,
    });
  });

  test("a staff member's copied cookie opens nothing after « Se déconnecter »", async () => {
    const staff = await newStaff();
    const cookie = await cookieFor({ sub: staff.id, kind: "staff", role: "AGENT", sv: staff.sessionVersion, authAt: now() - 60 });
    await expect(sessionOf(cookie)).resolves.toMatchObject({ user: { id: staff.id } });
    await signOut(cookie);
    await expect(sessionOf(cookie)).resolves.toMatchObject({ user: null, setsCookie: false });
  });

  test("signing out with an old cookie does not end the newer session", async () => {
    const parent = await newParent();
    const old = await cookieFor({ sub: parent.id, kind: "parent", sv: parent.sessionVersion, authAt: now() - 60 });
    await signOut(old);
    const current = await cookieFor({ sub: parent.id, kind: "parent", sv: parent.sessionVersion + 1, authAt: now() - 30 });
    await signOut(old);
    await expect(sessionOf(current)).resolves.toMatchObject({ user: { id: parent.id } });
  });
});

describe("hard maximum lifetime", () => {
  test("a parent's session ends 12 hours after the sign-in, however often it was refreshed", async () => {
    const parent = await newParent();
    const fresh = await cookieFor({ sub: parent.id, kind: "parent", sv: 0, authAt: now() - 11 * 3600 });
    await expect(sessionOf(fresh)).resolves.toMatchObject({ user: { id: parent.id } });
    const old = await cookieFor({ sub: parent.id, kind: "parent", sv: 0, authAt: now() - 12 * 3600 - 5 });
    await expect(sessionOf(old)).resolves.toMatchObject({ user: null, setsCookie: false });
    // A token that never recorded its sign-in time slid forever before: it is ended too.
    const undated = await cookieFor({ sub: parent.id, kind: "parent", sv: 0 });
    await expect(sessionOf(undated)).resolves.toMatchObject({ user: null });
  });

  test("a staff session ends 8 hours after the sign-in", async () => {
    const staff = await newStaff();
    const old = await cookieFor({ sub: staff.id, kind: "staff", role: "AGENT", sv: 0, authAt: now() - 8 * 3600 - 5 });
    await expect(sessionOf(old)).resolves.toMatchObject({ user: null });
  });
});
