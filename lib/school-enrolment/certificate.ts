import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { formatLongDate } from "@/lib/platform/format";
import { simplePdf } from "@/lib/platform/pdf/simple-document";
import { town } from "@/lib/platform/town";
import { isLevel, LEVEL_LABELS } from "./levels";

/**
 * The « certificat d'inscription » of a validated request, for the family that made it only: the query
 * itself is scoped to the caller's family (another family's request is simply not found).
 */
export async function certificateFor(accountId: string, enrolmentId: string): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(enrolmentId)) return null;
  const account = await db().account.findUnique({ where: { id: accountId }, select: { familyId: true, status: true } });
  if (!account?.familyId || account.status !== "ACTIVE") return null;
  const row = await db().schoolEnrolment.findFirst({
    where: { id: enrolmentId, familyId: account.familyId, status: "VALIDATED" },
    select: {
      id: true,
      reference: true,
      level: true,
      schoolYear: true,
      decidedAt: true,
      school: { select: { name: true, address: true, director: true } },
      child: { select: { firstName: true, usageName: true, birthDate: true } },
    },
  });
  if (!row) return null;
  const config = town();
  const level = isLevel(row.level) ? LEVEL_LABELS[row.level] : row.level;
  const bytes = await simplePdf({
    title: "Certificat d'inscription scolaire",
    author: config.name,
    paragraphs: [
      `${config.name} – ${config.contact.service}`,
      `Référence : ${row.reference}`,
      `Le maire de la commune certifie que l'enfant ${row.child.firstName} ${row.child.usageName.toUpperCase()}, né(e) le ${row.child.birthDate ? formatLongDate(row.child.birthDate) : "—"}, est inscrit(e) pour l'année scolaire ${row.schoolYear} en ${level} à l'école suivante :`,
      `${row.school.name}, ${row.school.address}${row.school.director ? ` (direction : ${row.school.director})` : ""}.`,
      "Ce certificat est à présenter à la direction de l'école, qui procède à l'admission de l'enfant avec le livret de famille et le carnet de vaccinations.",
      `Fait le ${formatLongDate(row.decidedAt ?? new Date())}.`,
    ],
  });
  await audit({
    actorType: "ACCOUNT",
    actorId: accountId,
    action: "school-enrolment.certificate.downloaded",
    targetType: "SchoolEnrolment",
    targetId: row.id,
  });
  return { fileName: `certificat-inscription-${row.reference}.pdf`, bytes };
}
