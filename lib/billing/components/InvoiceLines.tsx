import { formatEuros } from "../money";
import { linesByChild } from "../invoices";
import { weekdayDay } from "../labels";
import { STATE_LABELS } from "../types";

interface Line {
  id: string;
  childName: string;
  date: Date;
  label: string;
  state: string;
  amountCents: number;
  reductionCents: number;
  unitPriceCents: number;
  pricing: string;
  correction: string | null;
}

/** The lines of an invoice, per child then day: a list on a phone (no wide table to scroll). */
export function InvoiceLines({ lines }: { lines: Line[] }) {
  return (
    <div className="flex flex-col gap-4">
      {linesByChild(lines).map((group) => (
        <section key={group.child} aria-label={`Lignes de ${group.child}`}>
          <h3 className="mb-2 font-semibold">
            {group.child} : {formatEuros(group.lines.reduce((sum, line) => sum + line.amountCents, 0))}
          </h3>
          <ul className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-300">
            {group.lines.map((line) => (
              <li key={line.id} className="flex flex-col gap-1 p-2 sm:flex-row sm:items-start sm:justify-between">
                <div>
                  <p>
                    <span className="font-medium">{weekdayDay(line.date)}</span> · {line.label}
                  </p>
                  <p className="text-sm text-slate-700">
                    {STATE_LABELS[line.state as keyof typeof STATE_LABELS] ?? line.state} · {line.pricing}
                    {line.correction ? ` · corrigé : ${line.correction}` : ""}
                  </p>
                </div>
                <p className="font-semibold whitespace-nowrap sm:text-right">{formatEuros(line.amountCents)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
