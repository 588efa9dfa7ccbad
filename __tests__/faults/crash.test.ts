import { randomUUID } from "node:crypto";
import { actionIdByName, actionIdOfForm, getPage, postAction, writeAction } from "./support/actions";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { demoHolder } from "../fixtures/demo-family";
import { parentsWithCompleteDrafts, type DraftParent } from "./support/families";
import { DatabaseLocks } from "./support/locks";
import { startPortal, until, type Portal } from "./support/portal";
import { startWorkerProcess, type WorkerProcess } from "./support/worker";

/**
 * The server process dies (SIGKILL: no shutdown, nothing flushed) while a draft is being saved and while a
 * declaration is being sent. To be sure the request is in flight when the process dies, the test holds a lock on
 * the démarche's row: the server's UPDATE waits on it, the test sees it waiting in pg_stat_activity, kills the
 * server, then releases the lock. After a restart on the same port the draft is whole (the previous or the new
 * version), the sending happened once or not at all, and sending again with the same key records it once.
 */
const BASE = "/espace/declarer-ma-famille";
const SUMMARY = `${BASE}/recapitulatif`;

let portal: Portal;
let parents: DraftParent[];
let worker: WorkerProcess;
const locks = new DatabaseLocks();
const prisma = testPrisma();

beforeAll(async () => {
  // A job worker delivers the acknowledgements, as in production.
  [portal, parents, worker] = await Promise.all([
    startPortal(),
    parentsWithCompleteDrafts(3, "panne"),
    startWorkerProcess(),
    locks.connect(),
  ]);
});

afterAll(async () => {
  await locks.close();
  await worker?.kill("SIGTERM");
  await portal?.kill("SIGTERM");
  await closeTestPrisma();
});

/** Holds the démarche's row lock: the server's write to it waits until release(). */
const lockRow = (demarcheId: string) => locks.hold("SELECT id FROM demarches WHERE id = $1 FOR UPDATE", [demarcheId]);
const waitForLockWaiter = () => locks.waiterFrom(portal.applicationName);

async function crash(release?: () => Promise<unknown>) {
  await portal.kill("SIGKILL");
  await release?.();
  await locks.sessionsGone(portal.applicationName);
}

async function restart() {
  portal = await startPortal({ port: portal.port });
}

/** The request got no answer: the process died with it (fetch's error comes from another realm than Jest's Error). */
function expectNoAnswer(outcome: unknown) {
  expect(String(outcome)).toMatch(/fetch failed/);
}

async function submittedEvents(demarcheId: string) {
  return prisma.demarcheEvent.count({ where: { demarcheId, type: "SUBMITTED" } });
}

async function acknowledgements(email: string) {
  return prisma.outboxMail.count({ where: { to: email, subject: { startsWith: "Déclaration reçue" } } });
}

test("a server killed in the middle of a draft save leaves the draft whole, and it can be changed after the restart", async () => {
  const parent = parents[0]!;
  const before = await prisma.demarche.findUniqueOrThrow({ where: { id: parent.demarcheId } });
  const typed = { ...demoHolder(), email: parent.email, profession: "Pâtissier", employer: "Pâtisserie du Port" };
  const save = (values: Record<string, string>) =>
    postAction(portal, `${BASE}?personne=titulaire`, {
      actionId: actionIdByName("savePersonAction"),
      cookie: parent.cookie,
      args: ["titulaire", { status: "idle" }],
      form: values,
    });

  const lock = await lockRow(parent.demarcheId);
  const saving = save(typed).catch((error: unknown) => error);
  await waitForLockWaiter();
  await crash(lock.release);
  expectNoAnswer(await saving);
  await restart();

  const after = await prisma.demarche.findUniqueOrThrow({ where: { id: parent.demarcheId } });
  const people = after.data as { holder: Record<string, unknown>; co: unknown; children: unknown[]; contacts: unknown[] };
  const previous = before.data as typeof people;
  expect(after.status).toBe("DRAFT");
  // Whole: either exactly the previous version, or the new one (the holder as typed, the rest untouched).
  if (after.version === before.version) {
    expect(people).toEqual(previous);
  } else {
    expect(after.version).toBe(before.version + 1);
    expect(people.holder).toEqual(expect.objectContaining(typed));
    expect({ ...people, holder: null }).toEqual({ ...previous, holder: null });
  }
  console.log(`[panne] brouillon après l'arrêt brutal : ${after.version === before.version ? "version précédente" : "nouvelle version"}`);

  // The restarted portal shows the draft and saves it again.
  const page = await getPage(portal, SUMMARY, parent.cookie);
  expect(page.status).toBe(200);
  expect(page.html).toContain(after.version === before.version ? "Boulanger" : "Pâtissier");
  const again = await save({ ...typed, profession: "Fromager" });
  expect(again.redirect).toContain(`${BASE}?personne=titulaire&enregistre=1`);
  const saved = await prisma.demarche.findUniqueOrThrow({ where: { id: parent.demarcheId } });
  expect(saved.version).toBe(after.version + 1);
  expect((saved.data as typeof people).holder.profession).toBe("Fromager");
});

describe("a server killed in the middle of a sending", () => {
  const sendWith = (parent: DraftParent, actionId: string, key: string) =>
    postAction(portal, SUMMARY, { actionId, cookie: parent.cookie, args: [{ status: "idle" }], form: { cle: key } });

  /** Once or not at all: SUBMITTED with this key and one event, or still a draft with none. */
  async function sentOnceOrNotAtAll(parent: DraftParent, key: string): Promise<boolean> {
    const demarche = await prisma.demarche.findUniqueOrThrow({ where: { id: parent.demarcheId } });
    const events = await submittedEvents(parent.demarcheId);
    if (demarche.status === "SUBMITTED") {
      expect({ key: demarche.submissionKey, events }).toEqual({ key, events: 1 });
      return true;
    }
    expect({ status: demarche.status, key: demarche.submissionKey, submittedAt: demarche.submittedAt, events }).toEqual({
      status: "DRAFT",
      key: null,
      submittedAt: null,
      events: 0,
    });
    return false;
  }

  async function sendAgainRecordsOnce(parent: DraftParent, actionId: string, key: string, sentBeforeCrash: boolean) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const answer = await sendWith(parent, actionId, key);
      expect(answer.redirect).toContain("/espace?declaration=envoyee");
    }
    expect(await submittedEvents(parent.demarcheId)).toBe(1);
    const demarche = await prisma.demarche.findUniqueOrThrow({ where: { id: parent.demarcheId } });
    expect({ status: demarche.status, key: demarche.submissionKey }).toEqual({ status: "SUBMITTED", key });
    // The acknowledgement is queued in the sending's transaction (lib/platform/mail/queue.ts): whether the crash came
    // before or after the commit, exactly one, never lost and never twice.
    expect(typeof sentBeforeCrash).toBe("boolean");
    await until("the acknowledgement, delivered by the worker", async () => (await acknowledgements(parent.email)) >= 1);
    const delivered = await prisma.queuedMail.count({ where: { to: parent.email } });
    expect({ acknowledgements: await acknowledgements(parent.email), stillQueued: delivered }).toEqual({
      acknowledgements: 1,
      stillQueued: 0,
    });
  }

  test("while its transaction waits: nothing is recorded, and sending again with the same key records it once", async () => {
    const parent = parents[1]!;
    const key = randomUUID();
    const page = await getPage(portal, SUMMARY, parent.cookie);
    const actionId = actionIdOfForm(page.html, "cle");

    const lock = await lockRow(parent.demarcheId);
    const sending = sendWith(parent, actionId, key).catch((error: unknown) => error);
    await waitForLockWaiter();
    await crash(lock.release);
    expectNoAnswer(await sending);
    await restart();

    const sent = await sentOnceOrNotAtAll(parent, key);
    console.log(`[panne] envoi interrompu pendant sa transaction : ${sent ? "enregistré une fois" : "pas enregistré"}`);
    await sendAgainRecordsOnce(parent, actionId, key, sent);
  });

  test("right after the request is written: once or not at all, and sending again with the same key records it once", async () => {
    const parent = parents[2]!;
    const key = randomUUID();
    const page = await getPage(portal, SUMMARY, parent.cookie);
    const actionId = actionIdOfForm(page.html, "cle");

    let written!: () => void;
    const requestWritten = new Promise<void>((resolve) => (written = resolve));
    const answered = writeAction(
      portal,
      SUMMARY,
      { actionId, cookie: parent.cookie, args: [{ status: "idle" }], form: { cle: key } },
      written,
    );
    await requestWritten;
    await crash();
    const outcome = await answered; // an answer may have made it out before the process died, or not
    await restart();

    const recorded = await sentOnceOrNotAtAll(parent, key);
    console.log(
      `[panne] envoi interrompu juste après la requête (réponse : ${outcome instanceof Error ? "aucune" : outcome}) : ${recorded ? "enregistré une fois" : "pas enregistré"}`,
    );
    await sendAgainRecordsOnce(parent, actionId, key, recorded);
  });
});
