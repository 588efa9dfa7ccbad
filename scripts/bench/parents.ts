/**
 * The signed-in people of the benchmark: activated parent accounts with a complete declaration draft of the
 * demo family, created straight in the database by the tests' fixtures (the same holder and account as every
 * suite), three documents stored and attached by the portal's own services, then signed in over HTTP through
 * the sign-in form's server action, exactly as a browser does.
 */
import type { DocumentKind } from "@/lib/generated/prisma/client";
import { prismaOn } from "../../__tests__/fixtures/db";
import { createParent, TEST_PASSWORD } from "../../__tests__/fixtures/parents";
import { actionHeaders, actionOfFormWith, actionReply, cookieHeader, mergeCookies } from "./next-actions";

export interface BenchParent {
  id: string;
  login: string;
  /** The Cookie header of the parent's session. */
  cookie: string;
}

// The smallest PDF the content sniffing accepts: the documents are about the sending, not the upload.
const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const documents: { kind: DocumentKind; fileName: string }[] = [
  { kind: "LIVRET_FAMILLE", fileName: "livret-de-famille.pdf" },
  { kind: "JUSTIFICATIF_DOMICILE", fileName: "justificatif-de-domicile.pdf" },
  { kind: "JUGEMENT", fileName: "jugement.pdf" },
];

/** 0 -> "A", 25 -> "Z", 26 -> "BA": names take no digits. */
const lettersOf = (index: number): string =>
  (index >= 26 ? lettersOf(Math.floor(index / 26)) : "") + String.fromCharCode(65 + (index % 26));

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
  const { attachDocument } = await import("@/lib/declaration/attachments");
  const { storeDocument } = await import("@/lib/documents/service");
  const { db } = await import("@/lib/platform/db");
  const prisma = prismaOn(databaseUrl, 4);
  try {
    return await eachLimited(
      Array.from({ length: count }, (_, index) => index),
      4,
      async (index) => {
        const parent = await createParent({ prisma, loginPrefix: "bench", usageName: `MESURE-${lettersOf(index)}`, draft: true });
        for (const document of documents) {
          const stored = await storeDocument(
            parent.id,
            new File([pdfBytes], document.fileName, { type: "application/pdf" }),
            document.kind,
          );
          if (!stored.ok) throw new Error(stored.message);
          await attachDocument(parent.id, stored.documentId, document.kind);
        }
        return { id: parent.id, login: parent.login };
      },
    );
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
      body: actionReply(
        [{ status: "idle" }],
        [
          ["login", parent.login],
          ["password", TEST_PASSWORD],
          ["retour", "/espace"],
        ],
      ),
    });
    await response.arrayBuffer();
    const jar = mergeCookies(new Map(), response.headers.getSetCookie());
    if (!jar.has("authjs.session-token")) throw new Error(`La connexion de ${parent.login} a échoué (HTTP ${response.status}).`);
    return { ...parent, cookie: cookieHeader(new Map([["authjs.session-token", jar.get("authjs.session-token")!]])) };
  });
}
