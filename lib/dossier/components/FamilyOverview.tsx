import type { familyOfAccount } from "@/lib/dossier/queries";
import { formatShortDate } from "@/lib/platform/format";

type Family = NonNullable<Awaited<ReturnType<typeof familyOfAccount>>>;

const ROLE_TITLES = { HOLDER: "Représentants", CO_REPRESENTATIVE: "Représentants", CHILD: "Enfants", CONTACT: "Contacts" } as const;

/** Once validated, the family as the town holds it: members, contacts, documents. */
export function FamilyOverview({ family }: { family: Family }) {
  const groups = (["Représentants", "Enfants", "Contacts"] as const).map((title) => ({
    title,
    members: family.members.filter((member) => ROLE_TITLES[member.role] === title),
  }));
  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm text-slate-600">
        Dossier famille n° <strong>{family.dossierNumber}</strong>
      </p>
      {groups.map((group) =>
        group.members.length === 0 ? null : (
          <section key={group.title} aria-label={group.title}>
            <h3 className="mb-2 font-bold text-slate-900">{group.title}</h3>
            <ul className="grid gap-2 sm:grid-cols-2">
              {group.members.map((member) => (
                <li key={member.id} className="rounded-md border border-slate-300 p-3">
                  <p className="font-semibold">
                    {member.firstName} {member.usageName.toUpperCase()}
                  </p>
                  <p className="text-sm text-slate-700">
                    {member.role === "CHILD"
                      ? member.expectedBirth && member.expectedBirthDate
                        ? `Naissance prévue le ${formatShortDate(member.expectedBirthDate)}`
                        : member.birthDate
                          ? `Né(e) le ${formatShortDate(member.birthDate)}`
                          : ""
                      : member.role === "CONTACT"
                        ? `${member.emergencyContact ? "À prévenir en cas d'urgence" : "Contact"}`
                        : member.role === "HOLDER"
                          ? "Titulaire du compte"
                          : "Co-représentant"}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
      {family.documents.length > 0 ? (
        <section aria-label="Documents du dossier">
          <h3 className="mb-2 font-bold text-slate-900">Documents du dossier</h3>
          <ul className="ml-5 list-disc">
            {family.documents.map((item) => (
              <li key={item.document.id}>{item.document.fileName}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
