import type { DemarcheEventType } from "@/lib/generated/prisma/client";

const EVENT_LABELS: Record<DemarcheEventType, string> = {
  CREATED: "Déclaration commencée",
  SUBMITTED: "Envoyée par le parent",
  TAKEN: "Prise en charge",
  CORRECTION_REQUESTED: "Correction demandée",
  RESUBMITTED: "Envoyée de nouveau après correction",
  ACCEPTED: "Validée",
  REFUSED: "Refusée",
  MESSAGE: "Message",
};

const timeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

interface HistoryEvent {
  id: string;
  type: DemarcheEventType;
  message: string | null;
  remarks: unknown;
  createdAt: Date;
  staff: { displayName: string } | null;
  accountId: string | null;
}

function remarksOf(value: unknown): { target: string; message: string }[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is { target: string; message: string } => typeof entry?.target === "string" && typeof entry?.message === "string",
  );
}

/** The démarche's history and the messages exchanged, oldest first, as the agent reads it. */
export function DeclarationHistory({ events }: { events: HistoryEvent[] }) {
  return (
    <section aria-labelledby="historique-titre" className="card">
      <h2 id="historique-titre" className="section-title mb-3">
        Historique et messages
      </h2>
      <ol className="flex flex-col gap-3 text-sm">
        {events.map((event) => {
          const remarks = remarksOf(event.remarks);
          return (
            <li key={event.id} className="border-l-4 border-slate-300 pl-3">
              <p>
                <strong>{EVENT_LABELS[event.type]}</strong> – {timeFormat.format(event.createdAt)}
                {event.staff ? ` – ${event.staff.displayName}` : event.accountId ? " – le parent" : ""}
              </p>
              {event.message ? <p className="mt-1 whitespace-pre-line bg-slate-50 p-2">{event.message}</p> : null}
              {remarks.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {remarks.map((remark, index) => (
                    <li key={index}>
                      <span className="font-semibold">{remark.target}</span> : {remark.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
