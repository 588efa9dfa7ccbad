import { randomUUID } from "node:crypto";
import { actionIdOfForm, fieldValue, getPage, postAction, type ActionAnswer } from "./support/actions";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { parentsWithCompleteDrafts, type DraftParent } from "./support/families";
import { startPortal, until, type Portal } from "./support/portal";
import { startWorkerProcess, type WorkerProcess } from "./support/worker";

/**
 * 200 parents send their declaration at the same moment, over HTTP, through the real server action of the
 * summary page, against the built portal: every sending is answered and recorded exactly once.
 */
const PARENTS = 200;
const SUMMARY = "/espace/declarer-ma-famille/recapitulatif";

let portal: Portal;
let parents: DraftParent[];
let actionId: string;
let worker: WorkerProcess;
const keys = new Map<string, string>();

beforeAll(async () => {
  // The acknowledgements leave with jobs: a worker delivers them, as in production.
  [portal, parents, worker] = await Promise.all([startPortal(), parentsWithCompleteDrafts(PARENTS, "charge"), startWorkerProcess()]);
  // The summary page as the first parent sees it: the sending form, its action and a fresh key.
  const page = await getPage(portal, SUMMARY, parents[0]!.cookie);
  expect(page.status).toBe(200);
  actionId = actionIdOfForm(page.html, "cle");
  const pageKey = fieldValue(page.html, "cle");
  expect(pageKey).toMatch(/^[0-9a-f-]{36}$/);
  // Every other parent gets a key like the one the page generates (one page render each would only slow the wave).
  parents.forEach((parent, index) => keys.set(parent.accountId, index === 0 ? pageKey! : randomUUID()));
});

afterAll(async () => {
  await worker?.kill("SIGTERM");
  await portal?.kill("SIGTERM");
  await closeTestPrisma();
});

const send = (parent: DraftParent) =>
  postAction(portal, SUMMARY, { actionId, cookie: parent.cookie, args: [{ status: "idle" }], form: { cle: keys.get(parent.accountId)! } });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function storedOutcome() {
  const accountIds = parents.map((parent) => parent.accountId);
  const prisma = testPrisma();
  const [submitted, events, mails, keyed] = await Promise.all([
    prisma.demarche.count({ where: { accountId: { in: accountIds }, status: "SUBMITTED" } }),
    prisma.demarcheEvent.groupBy({
      by: ["demarcheId"],
      where: { type: "SUBMITTED", demarche: { accountId: { in: accountIds } } },
      _count: { _all: true },
    }),
    prisma.outboxMail.groupBy({
      by: ["to"],
      where: { to: { in: parents.map((parent) => parent.email) }, subject: { startsWith: "Déclaration reçue" } },
      _count: { _all: true },
    }),
    prisma.demarche.findMany({ where: { accountId: { in: accountIds } }, select: { accountId: true, submissionKey: true, status: true } }),
  ]);
  return { submitted, events, mails, keyed, demarches: keyed.length };
}

function expectAllAccepted(answers: ActionAnswer[]) {
  const refused = answers.filter(
    (answer) => answer.status >= 400 || answer.redirect === null || !answer.redirect.startsWith("/espace?declaration=envoyee"),
  );
  if (refused.length > 0) console.error(`[charge] ${refused.length} refus ; fin du journal du portail :\n${portal.output().slice(-4000)}`);
  expect(refused.map((answer) => `${answer.status} ${answer.redirect} ${answer.body.slice(0, 200)}`)).toEqual([]);
  expect(answers).toHaveLength(PARENTS);
}

test(`${PARENTS} parents sending at once: ${PARENTS} answers of success, each declaration recorded once, one acknowledgement each`, async () => {
  const started = performance.now();
  const answers = await Promise.all(parents.map(send));
  const wallMs = performance.now() - started;
  const latencies = answers.map((answer) => answer.ms);
  const byStatus = new Map<number, number>();
  for (const answer of answers) byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
  const statuses = [...byStatus].map(([status, count]) => `${count} × ${status}`);
  console.log(
    `[charge] ${PARENTS} envois simultanés en ${(wallMs / 1000).toFixed(1)} s (${statuses.join(", ")}) ; latence p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(2)} s, max ${(Math.max(...latencies) / 1000).toFixed(2)} s`,
  );

  expectAllAccepted(answers);
  const outcome = await until(
    "every acknowledgement delivered by the worker",
    async () => {
      const current = await storedOutcome();
      return current.mails.length >= PARENTS && current;
    },
    120_000,
    500,
  );
  expect(outcome.demarches).toBe(PARENTS); // no démarche created twice
  expect(outcome.submitted).toBe(PARENTS);
  expect(outcome.events).toHaveLength(PARENTS);
  expect(outcome.events.every((row) => row._count._all === 1)).toBe(true);
  expect(outcome.mails).toHaveLength(PARENTS);
  expect(outcome.mails.every((row) => row._count._all === 1)).toBe(true);
  // Each démarche carries the key its parent sent.
  expect(outcome.keyed.every((row) => row.status === "SUBMITTED" && row.submissionKey === keys.get(row.accountId))).toBe(true);
});

test("a second wave replaying the same keys is answered as already sent and records nothing new", async () => {
  const before = await testPrisma().demarcheEvent.count();
  const mailsBefore = await testPrisma().outboxMail.count();

  const started = performance.now();
  const answers = await Promise.all(parents.map(send));
  console.log(`[charge] second envoi des mêmes ${PARENTS} clés en ${((performance.now() - started) / 1000).toFixed(1)} s`);

  expectAllAccepted(answers);
  expect(await testPrisma().demarcheEvent.count()).toBe(before);
  expect(await testPrisma().outboxMail.count()).toBe(mailsBefore);
  const outcome = await storedOutcome();
  expect(outcome.submitted).toBe(PARENTS);
  expect(outcome.events.every((row) => row._count._all === 1)).toBe(true);
  expect(outcome.mails.every((row) => row._count._all === 1)).toBe(true);
});
