import { randomUUID } from "node:crypto";
import { launchBrowser, expectNoAxeViolations, type BrowserSession } from "../e2e/support/browser";
import { actionIdOfForm, getPage, postAction } from "./support/actions";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { parentsWithCompleteDrafts, type DraftParent } from "./support/families";
import { startPortal, until, type Portal } from "./support/portal";
import { DatabaseLocks } from "./support/locks";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

/**
 * The database restarts under traffic. A portal of its own reaches PostgreSQL through a TCP relay the test cuts
 * (every connection reset, new ones refused) and restores: meanwhile pages and actions answer a French
 * "Service momentanément indisponible" page with HTTP 503, and afterwards the same portal process serves again
 * by itself.
 */
const SUMMARY = "/espace/declarer-ma-famille/recapitulatif";
const TITLE = "Service momentanément indisponible";

let relay: TcpProxy;
let portal: Portal;
let parent: DraftParent;
let browserParent: DraftParent;
let actionId: string;
const locks = new DatabaseLocks();

beforeAll(async () => {
  const database = new URL(process.env.DATABASE_URL!);
  relay = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
  let parents: DraftParent[];
  [portal, parents] = await Promise.all([
    startPortal({ databaseUrl: relay.urlFor(process.env.DATABASE_URL!), poolMax: 4 }),
    parentsWithCompleteDrafts(2, "base-coupee"),
    locks.connect(),
  ]);
  [parent, browserParent] = parents as [DraftParent, DraftParent];
});

afterAll(async () => {
  await locks.close();
  relay?.restore();
  await portal?.kill("SIGTERM");
  await relay?.close();
  await closeTestPrisma();
});

test("pages and actions answer 503 with a French page while the database is out of reach, then recover without a restart", async () => {
  const home = await getPage(portal, "/espace", parent.cookie);
  expect(home.status).toBe(200);
  expect(home.html).toContain("Bonjour Monsieur TESTO");
  const summary = await getPage(portal, SUMMARY, parent.cookie);
  actionId = actionIdOfForm(summary.html, "cle");

  relay.cut();
  const cutAt = performance.now();
  // Until the portal has noticed, a page may still fail on its own (error.tsx, status 500, the same French title);
  // never a blank or English error page.
  const seen: { status: number; french: boolean }[] = [];
  const unavailable = await until(
    "the portal to answer 503",
    async () => {
      const page = await getPage(portal, "/espace", parent.cookie);
      seen.push({ status: page.status, french: page.html.includes(TITLE) });
      return page.status === 503 ? page : null;
    },
    30_000,
  );
  console.log(
    `[base] coupure remarquée en ${Math.round(performance.now() - cutAt)} ms (réponses : ${seen.map((answer) => answer.status).join(", ")})`,
  );
  expect(seen.filter((answer) => !answer.french || ![500, 503].includes(answer.status))).toEqual([]);
  expect(unavailable.headers.get("retry-after")).toBe("5");
  expect(unavailable.html).toContain("<title>Service momentanément indisponible");
  expect(unavailable.html).toContain(">Réessayer</a>");
  expect(unavailable.html).toContain("Rien de ce que vous avez déjà enregistré n'est perdu.");

  // Every page, and a sending (server action), get the same answer while it lasts.
  for (const path of ["/", "/connexion", SUMMARY]) {
    const page = await getPage(portal, path, parent.cookie);
    expect({ path, status: page.status, title: page.html.includes(TITLE) }).toEqual({ path, status: 503, title: true });
  }
  const key = randomUUID();
  const refused = await postAction(portal, SUMMARY, { actionId, cookie: parent.cookie, args: [{ status: "idle" }], form: { cle: key } });
  expect(refused.status).toBe(503);
  expect(refused.body).toContain(TITLE);

  // The page is accessible, as every page of the portal.
  const session: BrowserSession = await launchBrowser();
  try {
    const context = await session.browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const response = await page.goto(`${portal.url}/`);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(TITLE);
    await expect(page.getByRole("link", { name: "Réessayer" }).getAttribute("href")).resolves.toBe("/");
    await expectNoAxeViolations(page);
  } finally {
    await session.close();
  }

  relay.restore();
  const restoredAt = performance.now();
  const back = await until(
    "the portal to serve again",
    async () => {
      const page = await getPage(portal, "/espace", parent.cookie);
      return page.status === 200 ? page : null;
    },
    30_000,
  );
  console.log(
    `[base] service rétabli ${Math.round(performance.now() - restoredAt)} ms après le retour de la base (panne vue de bout en bout : ${Math.round(performance.now() - cutAt)} ms)`,
  );
  expect(back.html).toContain("Bonjour Monsieur TESTO");
  expect(portal.isRunning()).toBe(true);

  // Nothing of the refused sending was kept, and sending now works on the recovered pool.
  expect(await testPrisma().demarche.findUniqueOrThrow({ where: { id: parent.demarcheId } })).toEqual(
    expect.objectContaining({ status: "DRAFT", submissionKey: null }),
  );
  const sent = await postAction(portal, SUMMARY, { actionId, cookie: parent.cookie, args: [{ status: "idle" }], form: { cle: key } });
  expect(sent.redirect).toContain("/espace?declaration=envoyee");
  expect(await testPrisma().demarche.findUniqueOrThrow({ where: { id: parent.demarcheId } })).toEqual(
    expect.objectContaining({ status: "SUBMITTED", submissionKey: key }),
  );
  // Several requests at once too: no broken connection was left in the pool.
  const pages = await Promise.all(Array.from({ length: 8 }, () => getPage(portal, "/espace", parent.cookie)));
  expect(pages.map((page) => page.status)).toEqual(Array(8).fill(200));
});

test("a sending cut off by the outage shows the French page in the browser, and « Réessayer » brings the summary back once the database is back", async () => {
  const session = await launchBrowser();
  try {
    const context = await session.browser.newContext({ locale: "fr-FR", viewport: { width: 375, height: 740 } });
    const [name, value] = browserParent.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: portal.url, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    await page.goto(`${portal.url}${SUMMARY}`);
    await expect(page.getByRole("button", { name: "Envoyer ma déclaration" }).waitFor()).resolves.toBeUndefined();

    // The sending is in flight (its transaction waits on the row) when the database goes away.
    const lock = await locks.hold("SELECT id FROM demarches WHERE id = $1 FOR UPDATE", [browserParent.demarcheId]);
    await page.getByRole("button", { name: "Envoyer ma déclaration" }).click();
    await locks.waiterFrom(portal.applicationName);
    relay.cut();
    await lock.release();

    await expect(page.getByRole("heading", { name: TITLE }).waitFor()).resolves.toBeUndefined();
    await expectNoAxeViolations(page);
    expect(await testPrisma().demarche.findUniqueOrThrow({ where: { id: browserParent.demarcheId } })).toEqual(
      expect.objectContaining({ status: "DRAFT", submissionKey: null }),
    );

    relay.restore();
    await page.getByRole("link", { name: "Réessayer" }).click();
    await expect(page.getByRole("button", { name: "Envoyer ma déclaration" }).waitFor()).resolves.toBeUndefined();
    expect(page.url()).toBe(`${portal.url}${SUMMARY}`);
    expect(portal.isRunning()).toBe(true);
  } finally {
    relay.restore();
    await session.close();
  }
});
