import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { attachDocument, listAttachments } from "@/lib/declaration/attachments";
import { DeclarationError, findDeclaration, openDeclaration, savePerson, submitDeclaration } from "@/lib/declaration/service";
import { cleanFileName } from "@/lib/documents/schemas";
import { readOwnDocument, storeDocument } from "@/lib/documents/service";
import { addDaysIso, formatIsoAsFrench, todayIso } from "@/lib/platform/validation/date";
import { testPrisma } from "../fixtures/db";
import { demoChild, demoHolder } from "../fixtures/demo-family";
import { createParent } from "../fixtures/parents";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

/** An activated parent account, created straight in the database. */
async function activeParent(usageName = "TESTO") {
  return (await createParent({ loginPrefix: "declaration", usageName })).id;
}

const holder = demoHolder();
const child = demoChild();

const frenchDay = (daysFromToday: number) => formatIsoAsFrench(addDaysIso(todayIso(), daysFromToday));

const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const pdf = (name = "livret.pdf") => new File([pdfBytes], name, { type: "application/pdf" });

async function submittedEvents(accountId: string) {
  return prisma.demarcheEvent.count({ where: { type: "SUBMITTED", demarche: { accountId } } });
}

describe("savePerson validates with the Carbon-Blanc guide's messages", () => {
  test("a holder without a usage name is refused with the field's message, and nothing is stored", async () => {
    const accountId = await activeParent();

    const result = await savePerson(accountId, { kind: "holder" }, { ...holder, usageName: "" });

    expect(result).toEqual({ ok: false, fieldErrors: expect.objectContaining({ usageName: "Le champ 'nom d'usage' est obligatoire." }) });
    expect((await findDeclaration(accountId))?.people.holder).toBeNull();
  });

  test("a complete holder is stored in the draft as typed", async () => {
    const accountId = await activeParent();

    await expect(savePerson(accountId, { kind: "holder" }, holder)).resolves.toEqual({ ok: true, ref: { kind: "holder" } });

    const declaration = await findDeclaration(accountId);
    expect(declaration?.status).toBe("DRAFT");
    expect(declaration?.people.holder).toEqual(holder);
  });

  test("a child needs the holder's quality and parental authority", async () => {
    const accountId = await activeParent();

    const result = await savePerson(accountId, { kind: "child", id: null }, { ...child, quality_holder: "", authority_holder: "" });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.quality_holder).toBe("Le champ 'qualité du titulaire du compte' est obligatoire.");
    expect(result.fieldErrors.authority_holder).toBe("Le champ 'autorité parentale du titulaire du compte' est obligatoire.");
    expect((await findDeclaration(accountId))?.people.children).toEqual([]);
  });

  test("a child born in the future is refused unless the birth is expected", async () => {
    const accountId = await activeParent();

    const future = await savePerson(accountId, { kind: "child", id: null }, { ...child, birthDate: frenchDay(10) });

    expect(future).toEqual({
      ok: false,
      fieldErrors: {
        birthDate: "La date de naissance ne peut pas être dans le futur : pour un enfant à naître, cochez « Naissance prévue ».",
      },
    });
    expect((await findDeclaration(accountId))?.people.children).toEqual([]);
  });

  test("an expected child takes an expected date to come, not a past one", async () => {
    const accountId = await activeParent();
    const expected = { ...child, birthDate: "", expectedBirth: true };

    const missing = await savePerson(accountId, { kind: "child", id: null }, expected);
    expect(missing).toEqual({ ok: false, fieldErrors: { expectedBirthDate: "Le champ 'date de naissance prévue' est obligatoire." } });

    const past = await savePerson(accountId, { kind: "child", id: null }, { ...expected, expectedBirthDate: frenchDay(-2) });
    expect(past.ok).toBe(false);

    const due = frenchDay(60);
    const saved = await savePerson(accountId, { kind: "child", id: null }, { ...expected, expectedBirthDate: due });
    expect(saved.ok).toBe(true);
    const children = (await findDeclaration(accountId))?.people.children ?? [];
    expect(children).toHaveLength(1);
    expect(children[0]?.values.expectedBirthDate).toBe(due);
    expect(saved).toEqual({ ok: true, ref: { kind: "child", id: children[0]?.id } });
  });
});

describe("each account sees and changes only its own declaration", () => {
  test("account B neither finds nor edits account A's declaration", async () => {
    const a = await activeParent("ALPHA");
    const b = await activeParent("BRAVO");
    await savePerson(a, { kind: "holder" }, { ...holder, usageName: "ALPHA" });
    const declarationA = await findDeclaration(a);

    expect(await findDeclaration(b)).toBeNull();
    const declarationB = await openDeclaration(b);
    expect(declarationB.id).not.toBe(declarationA?.id);
    expect(declarationB.people.holder).toBeNull();

    await savePerson(b, { kind: "holder" }, { ...holder, usageName: "BRAVO" });
    expect((await findDeclaration(a))?.people.holder?.usageName).toBe("ALPHA");
    expect((await findDeclaration(b))?.people.holder?.usageName).toBe("BRAVO");
  });

  test("account B can neither attach nor read account A's document", async () => {
    const a = await activeParent();
    const b = await activeParent();
    const stored = await storeDocument(a, pdf(), "LIVRET_FAMILLE");
    if (!stored.ok) throw new Error(stored.message);

    const own = await readOwnDocument(a, stored.documentId);
    expect(own?.bytes).toEqual(pdfBytes);
    expect(await readOwnDocument(b, stored.documentId)).toBeNull();

    await expect(attachDocument(b, stored.documentId, "LIVRET_FAMILLE")).rejects.toThrow(DeclarationError);
    const declarationB = await openDeclaration(b);
    expect(await listAttachments(declarationB.id)).toEqual([]);

    await attachDocument(a, stored.documentId, "LIVRET_FAMILLE");
    const declarationA = await openDeclaration(a);
    expect((await listAttachments(declarationA.id)).map((link) => link.document.id)).toEqual([stored.documentId]);
  });

  test("account B cannot use account A's submission key", async () => {
    const a = await activeParent();
    const b = await activeParent();
    await savePerson(a, { kind: "holder" }, holder);
    await savePerson(b, { kind: "holder" }, holder);
    const key = randomUUID();
    await submitDeclaration(a, key);

    await expect(submitDeclaration(b, key)).rejects.toThrow(DeclarationError);
    expect((await findDeclaration(b))?.status).toBe("DRAFT");
  });
});

describe("submitDeclaration", () => {
  test("the same key twice records one sending", async () => {
    const accountId = await activeParent();
    await savePerson(accountId, { kind: "holder" }, holder);
    const { reference } = await openDeclaration(accountId);
    const key = randomUUID();

    await expect(submitDeclaration(accountId, key)).resolves.toEqual({ ok: true, reference, alreadySent: false });
    await expect(submitDeclaration(accountId, key)).resolves.toEqual({ ok: true, reference, alreadySent: true });

    expect(await submittedEvents(accountId)).toBe(1);
    const declaration = await findDeclaration(accountId);
    expect(declaration?.status).toBe("SUBMITTED");
    expect(declaration?.submittedAt).toBeInstanceOf(Date);
  });

  test("two concurrent calls with the same key record one sending", async () => {
    const accountId = await activeParent();
    await savePerson(accountId, { kind: "holder" }, holder);
    const key = randomUUID();

    const results = await Promise.all([submitDeclaration(accountId, key), submitDeclaration(accountId, key)]);

    // Both calls answer success: one sent, the other reports that sending.
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && !result.alreadySent)).toHaveLength(1);
    expect(await submittedEvents(accountId)).toBe(1);
    expect(await prisma.demarche.count({ where: { accountId, status: "SUBMITTED" } })).toBe(1);
  });

  test("once sent, a new key sends nothing and the declaration can no longer be edited", async () => {
    const accountId = await activeParent();
    await savePerson(accountId, { kind: "holder" }, holder);
    await submitDeclaration(accountId, randomUUID());

    await expect(submitDeclaration(accountId, randomUUID())).rejects.toThrow(DeclarationError);
    await expect(savePerson(accountId, { kind: "holder" }, { ...holder, profession: "Pâtissier" })).rejects.toThrow(DeclarationError);
    await expect(savePerson(accountId, { kind: "child", id: null }, child)).rejects.toThrow(DeclarationError);

    expect(await submittedEvents(accountId)).toBe(1);
    expect((await findDeclaration(accountId))?.people.holder?.profession).toBe("Boulanger");
  });

  test("a declaration without its holder is not sent", async () => {
    const accountId = await activeParent();
    await openDeclaration(accountId);

    const result = await submitDeclaration(accountId, randomUUID());

    expect(result).toEqual({ ok: false, errors: { titulaire: { form: "Les informations du titulaire du compte sont à compléter." } } });
    expect((await findDeclaration(accountId))?.status).toBe("DRAFT");
  });
});

describe("storeDocument", () => {
  const notAccepted = "Ce fichier n'est pas un PDF, une image JPEG ou PNG : seuls ces formats sont acceptés.";

  test("reads the type from the bytes: a text file named .pdf is refused", async () => {
    const accountId = await activeParent();
    const fake = new File([new TextEncoder().encode("just some text, not a PDF")], "livret.pdf", { type: "application/pdf" });

    await expect(storeDocument(accountId, fake, "LIVRET_FAMILLE")).resolves.toEqual({ ok: false, message: notAccepted });
    expect(await prisma.document.count({ where: { ownerId: accountId } })).toBe(0);
  });

  test("a WebP image is refused whatever its name", async () => {
    const accountId = await activeParent();
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]);

    await expect(storeDocument(accountId, new File([webp], "photo.jpg", { type: "image/jpeg" }), "LIVRET_FAMILLE")).resolves.toEqual({
      ok: false,
      message: notAccepted,
    });
  });

  test("a PDF named .png is accepted as the PDF it is", async () => {
    const accountId = await activeParent();

    const stored = await storeDocument(accountId, pdf("scan.png"), "JUSTIFICATIF_DOMICILE");

    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    const row = await prisma.document.findUniqueOrThrow({ where: { id: stored.documentId } });
    expect(row).toMatchObject({
      ownerId: accountId,
      mediaType: "application/pdf",
      fileName: "scan.png",
      size: pdfBytes.byteLength,
      provider: "LOCAL",
    });
  });

  test("an empty file is refused", async () => {
    const accountId = await activeParent();

    await expect(storeDocument(accountId, new File([], "vide.pdf", { type: "application/pdf" }), "LIVRET_FAMILLE")).resolves.toEqual({
      ok: false,
      message: "Le fichier choisi est vide : choisissez un autre fichier.",
    });
  });

  test("a file over 10 MB is refused", async () => {
    const accountId = await activeParent();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdfBytes);

    const result = await storeDocument(accountId, new File([big], "gros.pdf", { type: "application/pdf" }), "LIVRET_FAMILLE");

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^Le fichier dépasse 10 Mo/);
    expect(await prisma.document.count({ where: { ownerId: accountId } })).toBe(0);
  });

  test("the name is kept without its path", async () => {
    const accountId = await activeParent();
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\maurice\\livret.pdf")).toBe("livret.pdf");

    const stored = await storeDocument(accountId, pdf("../../etc/passwd"), "LIVRET_FAMILLE");

    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    expect((await prisma.document.findUniqueOrThrow({ where: { id: stored.documentId } })).fileName).toBe("passwd");
  });
});
