import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { getOutboxMail, isOutboxViewerEnabled, listOutboxMails, mailer, sendMail } from "@/lib/platform/mail";
import { outboxMailer } from "@/lib/platform/mail/outbox";
import { activationMail } from "@/lib/platform/mail/templates";
import { carbonBlanc } from "@/lib/platform/town/towns/carbon-blanc";
import { testPrisma } from "../fixtures/db";

const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

function recipient(): string {
  return `outbox-${randomUUID()}@example.org`;
}

describe("mail outbox (local stand-in for Resend)", () => {
  test("without a Resend key, sendMail writes the mail to the outbox table as it would have been sent", async () => {
    expect(mailer().provider).toBe("outbox");
    expect(isOutboxViewerEnabled()).toBe(true);
    const to = recipient();
    const link = `http://localhost:3000/activation?jeton=${randomUUID()}`;
    const content = activationMail(
      { civility: "MONSIEUR", usageName: "Testo", firstNames: "Maurice", login: "maurice.testo", link, validHours: 48 },
      carbonBlanc,
    );

    await sendMail({ to, ...content, tag: "activation" });

    const rows = await prisma.outboxMail.findMany({ where: { to } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      to,
      subject: "Activez votre compte personnel – Espace Famille",
      text: content.text,
      html: content.html,
    });
    expect(rows[0]!.text).toContain(link);
  });

  test("the local inbox lists a recipient's mails newest first, whatever the case of the address", async () => {
    const to = recipient();
    const send = outboxMailer(() => prisma);
    for (const subject of ["Premier", "Deuxième", "Troisième"]) {
      await send.send({ to, subject, text: `${subject} courriel`, html: `<p>${subject}</p>` });
    }
    await send.send({ to: recipient(), subject: "Pour quelqu'un d'autre", text: "x", html: "<p>x</p>" });

    const mails = await listOutboxMails({ to: to.toUpperCase() }, () => prisma);
    expect(mails.map((mail) => mail.subject)).toEqual(["Troisième", "Deuxième", "Premier"]);
    expect(mails[0]).toMatchObject({ to, text: "Troisième courriel" });

    expect((await listOutboxMails({ to, limit: 2 }, () => prisma)).map((mail) => mail.subject)).toEqual(["Troisième", "Deuxième"]);
    const everyone = await listOutboxMails({}, () => prisma);
    expect(everyone.map((mail) => mail.to)).toContain(to);
    expect(everyone[0]!.subject).toBe("Pour quelqu'un d'autre");
  });

  test("one mail is read back by its id, and an unknown or malformed id finds nothing", async () => {
    const to = recipient();
    await outboxMailer(() => prisma).send({ to, subject: "Lecture", text: "texte", html: "<p>html</p>" });
    const [summary] = await listOutboxMails({ to }, () => prisma);

    const mail = await getOutboxMail(summary!.id, () => prisma);
    expect(mail).toMatchObject({ to, subject: "Lecture", text: "texte", html: "<p>html</p>" });
    expect(await getOutboxMail(randomUUID(), () => prisma)).toBeNull();
    expect(await getOutboxMail("not-a-uuid' OR 1=1 --", () => prisma)).toBeNull();
  });
});
