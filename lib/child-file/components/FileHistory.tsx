import { formatLongDate } from "@/lib/platform/format";
import type { HistoryEntry } from "../service";

const changeLabels = { CREATED: "Fiche remplie", UPDATED: "Fiche modifiée", CONFIRMED: "Fiche confirmée sans changement" } as const;

/** Who changed what, and when (never the values: the current file shows those). */
export function FileHistory({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <p>Aucune modification pour le moment.</p>;
  return (
    <ol className="flex flex-col gap-3">
      {history.map((entry) => (
        <li key={entry.version} className="border-l-4 border-slate-300 pl-3">
          <p className="font-semibold">
            {changeLabels[entry.change]} par {entry.authorName}
          </p>
          <p className="text-sm text-slate-700">
            Le {formatLongDate(entry.createdAt)} (année scolaire {entry.schoolYear})
          </p>
          {entry.changedFields.length ? <p className="text-sm">Modifié : {entry.changedFields.join(", ")}</p> : null}
        </li>
      ))}
    </ol>
  );
}
