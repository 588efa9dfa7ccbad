/**
 * The signed-in people of the benchmark: activated parent accounts created straight in the database
 * (like the browser tests' fixtures), each with a complete family declaration draft and three documents
 * stored and attached by the portal's own services, then signed in over HTTP through the sign-in form's
 * server action, exactly as a browser does.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { DocumentKind } from "@/lib/generated/prisma/client";
import type { RawPerson } from "@/lib/declaration/schemas";
import { actionHeaders, actionOfFormWith, actionReply, cookieHeader, mergeCookies } from "./next-actions";

export const BENCH_PASSWORD = "Tulipes-et-Roses-7";

export interface BenchParent {
  id: string;
  login: string;
  /** The Cookie header of the parent's session. */
  cookie: string;
}

const holder = (usageName: string, email: string): RawPerson => ({
  civility: "MONSIEUR",
  usageName,
  firstName: "Maurice",
  birthDate: "29/04/1979",
  streetNumber: "1",
  streetName: "Avenue André Vignau Anglade",
  postalCode: "33560",
  city: "Carbon-Blanc",
  country: "FRANCE",
  mobile: "06 12 34 56 78",
  email,
  profession: "Boulanger",
  employer: "Boulangerie du Centre",
});

const child = (usageName: string): RawPerson => ({
  usageName,
  firstName: "Léa",
  sex: "FEMININ",
  birthDate: "12/03/2018",
  quality_holder: "PERE",
  authority_holder: "OUI",
});

// The smallest PDF the content sniffing accepts: the documents are about the sending, not the upload.
const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const documents: { kind: DocumentKind; fileName: string }[] = [
  { kind: "LIVRET_FAMILLE", fileName: "livret-de-famille.pdf" },
  { kind: "JUSTIFICATIF_DOMICILE", fileName: "justificatif-de-domicile.pdf" },
  { kind: "JUGEMENT", fileName: "jugement.pdf" },
];

/** 0 -> "A", 25 -> "Z", 26 -> "BA": names take no digits. */
const lettersOf = (index: number): string => (index >= 26 ? lettersOf(Math.floor(index / 26)) : "") + String.fromCharCode(65 + (index % 26));

/** Runs `task` on each item, `parallel` at a time. */
export async function eachLimited<T, R>(items: readonly T[], parallel: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

/**
 * `count` activated parents with a complete draft (holder and one child) and three attached PDF documents.
 * The portal's environment (DATABASE_URL, FILE_STORAGE_DIR, AUTH_SECRET) must be in process.env already:
 * the services read it on first use.
 */
export async function createParentsWithDrafts(databaseUrl: string, count: number): Promise<{ id: string; login: string }[]> {
  const { hashPassword } = await import("@/lib/platform/security/password");
  const { savePerson } = await import("@/lib/declaration/service");
  const { attachDocument } = await import("@/lib/declaration/attachments");
  const { storeDocument } = await import("@/lib/documents/service");
  const { db } = await import("@/lib/platform/db");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
  // One argon2id hash for all: hashing is what signing in costs, not what creating fixtures should.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const run = randomUUID().slice(0, 6);
  try {
    return await eachLimited(Array.from({ length: count }, (_, index) => index), 4, async (index) => {
      const login = `bench.${run}.${index}`;
      const email = `${login}@example.org`;
      const usageName = `MESURE-${lettersOf(index)}`;
      const account = await prisma.account.create({
        data: {
          login,
          email,
          emailVerifiedAt: new Date(),
          passwordHash,
          status: "ACTIVE",
          activatedAt: new Date(),
          civility: "MONSIEUR",
          usageName,
          firstNames: "Maurice",
          birthDate: new Date("1979-04-29"),
          addressLine: "1 Avenue André Vignau Anglade",
          streetNumber: "1",
          postalCode: "33560",
          city: "Carbon-Blanc",
          mobile: "+33612345678",
          cguAcceptedAt: new Date(),
          cguVersion: "bench",
        },
      });
      for (const [ref, person] of [
        [{ kind: "holder" }, holder(usageName, email)],
        [{ kind: "child", id: null }, child(usageName)],
      ] as const) {
        const saved = await savePerson(account.id, ref, person);
        if (!saved.ok) throw new Error(`Brouillon refusé : ${JSON.stringify(saved.fieldErrors)}`);
      }
      for (const document of documents) {
        const stored = await storeDocument(account.id, new File([pdfBytes], document.fileName, { type: "application/pdf" }), document.kind);
        if (!stored.ok) throw new Error(stored.message);
        await attachDocument(account.id, stored.documentId, document.kind);
      }
      return { id: account.id, login };
    });
  } finally {
    await prisma.$disconnect();
    await db().$disconnect();
  }
}

/** Signs each parent in through the sign-in form's server action; `parallel` at a time. */
export async function signIn(baseUrl: string, parents: { id: string; login: string }[], parallel: number): Promise<BenchParent[]> {
  const page = await fetch(`${baseUrl}/connexion`);
  const actionId = actionOfFormWith(await page.text(), "login");
  return eachLimited(parents, parallel, async (parent) => {
    const response = await fetch(`${baseUrl}/connexion`, {
      method: "POST",
      redirect: "manual",
      headers: actionHeaders(baseUrl, actionId),
      body: actionReply([{ status: "idle" }], [
        ["login", parent.login],
        ["password", BENCH_PASSWORD],
        ["retour", "/espace"],
      ]),
    });
    await response.arrayBuffer();
    const jar = mergeCookies(new Map(), response.headers.getSetCookie());
    if (!jar.has("authjs.session-token")) throw new Error(`La connexion de ${parent.login} a échoué (HTTP ${response.status}).`);
    return { ...parent, cookie: cookieHeader(new Map([["authjs.session-token", jar.get("authjs.session-token")!]])) };
  });
}
