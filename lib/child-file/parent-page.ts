import "server-only";
import { db } from "@/lib/platform/db";
import { relationshipOptions } from "@/lib/declaration/schemas";
import { town } from "@/lib/platform/town";
import { formatPhone } from "@/lib/platform/validation/phone";
import { schemaOptions } from "./config";
import type { ChildFileFormProps } from "./components/ChildFileForm";

const RELATIONSHIP_WORDS: Record<string, string> = Object.fromEntries(relationshipOptions.map((option) => [option.value, option.label]));

/** What the form needs besides the file: the town's lists, the family's documents and contacts. */
export async function formContext(
  familyId: string,
  childId: string,
): Promise<Omit<ChildFileFormProps, "childId" | "childName" | "defaults">> {
  const config = town().childFile;
  const [documents, contacts] = await Promise.all([
    db().document.findMany({
      where: { deletedAt: null, owner: { familyId }, kindCode: { in: ["pai", "vaccinations"] }, OR: [{ childId: null }, { childId }] },
      orderBy: { createdAt: "desc" },
      select: { id: true, kindCode: true, fileName: true },
    }),
    db().familyMember.findMany({
      where: { familyId, role: "CONTACT", mobile: { not: null } },
      select: { id: true, firstName: true, usageName: true, mobile: true, relationship: true },
    }),
  ]);
  const option = (doc: { id: string; fileName: string }) => ({ value: doc.id, label: doc.fileName });
  return {
    options: {
      ...schemaOptions(),
      dietOptions: config.diets.map((diet) => ({ value: diet.code, label: diet.label })),
      authorisationLabels: Object.fromEntries(config.authorisations.map((item) => [item.code, item.label])),
    },
    documents: {
      pai: documents.filter((doc) => doc.kindCode === "pai").map(option),
      vaccinations: documents.filter((doc) => doc.kindCode === "vaccinations").map(option),
    },
    contacts: contacts.map((contact) => ({
      memberId: contact.id,
      name: `${contact.firstName} ${contact.usageName}`,
      phone: formatPhone(contact.mobile!),
      relationship: RELATIONSHIP_WORDS[contact.relationship ?? ""] ?? contact.relationship ?? "Contact",
    })),
  };
}
