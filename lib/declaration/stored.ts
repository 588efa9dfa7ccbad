import { z } from "zod";
import { logEvent } from "@/lib/platform/log";
import { emptyPeople, type DeclarationPeople } from "./people";
import type { RawPerson } from "./schemas";

/**
 * The one reader of a declaration's stored JSON (Demarche.data). Drafts are saved as the parent goes, so
 * any key may be missing (it defaults to empty), and rows written by older code must still open: a piece
 * that does not read (a person that is not an object, a child without id) is left out or emptied and
 * logged, by where it was and never with what it held, instead of breaking the parent's or the staff's page.
 */

type Problem = { piece: string; issue: string };

const object = z.record(z.string(), z.unknown());

/** A person's values as typed: text and ticks; a number (older rows) reads as its text; anything else goes. */
function readPerson(value: unknown, piece: string, problems: Problem[]): RawPerson | null {
  if (value === undefined || value === null) return null;
  const parsed = object.safeParse(value);
  if (!parsed.success) {
    problems.push({ piece, issue: "not-an-object" });
    return null;
  }
  const person: RawPerson = {};
  let dropped = 0;
  for (const [key, field] of Object.entries(parsed.data)) {
    if (typeof field === "string" || typeof field === "boolean") person[key] = field;
    else if (typeof field === "number" && Number.isFinite(field)) person[key] = String(field);
    else if (field !== undefined && field !== null) dropped += 1;
  }
  if (dropped > 0) problems.push({ piece, issue: `${dropped}-values-dropped` });
  return person;
}

const entrySchema = z.object({ id: z.string().min(1).max(100), values: z.unknown().optional() });

function readList(value: unknown, piece: "children" | "contacts", problems: Problem[]): { id: string; values: RawPerson }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ piece, issue: "not-a-list" });
    return [];
  }
  const entries: { id: string; values: RawPerson }[] = [];
  value.forEach((item: unknown, index) => {
    const entry = entrySchema.safeParse(item);
    // Without an id the person cannot be opened, corrected or pointed at by a remark: left out.
    if (!entry.success) return problems.push({ piece: `${piece}.${index}`, issue: "no-id" });
    entries.push({ id: entry.data.id, values: readPerson(entry.data.values, `${piece}.${index}`, problems) ?? {} });
  });
  return entries;
}

/** Context for the log line: which démarche (its id only). */
export function decodeDeclarationPeople(data: unknown, context: { demarcheId?: string } = {}): DeclarationPeople {
  const problems: Problem[] = [];
  const people = emptyPeople();
  if (data !== undefined && data !== null) {
    const parsed = object.safeParse(data);
    if (!parsed.success) problems.push({ piece: "data", issue: "not-an-object" });
    else {
      people.holder = readPerson(parsed.data.holder, "holder", problems);
      people.co = readPerson(parsed.data.co, "co", problems);
      people.children = readList(parsed.data.children, "children", problems);
      people.contacts = readList(parsed.data.contacts, "contacts", problems);
    }
  }
  for (const problem of problems) logEvent("warn", "declaration.data_unreadable_piece", { demarcheId: context.demarcheId, ...problem });
  return people;
}
