import type { ChildFileConfig } from "@/lib/platform/town/types";
import { readableFields } from "../changes";
import type { ChildFileContent } from "../schemas";

/** The file read-only, field by field (parents' page and the back-office). */
export function FileSummary({ content, config }: { content: ChildFileContent; config: Pick<ChildFileConfig, "diets" | "authorisations"> }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(10rem,16rem)_1fr]">
      {readableFields(content, config).map((field) => (
        <div key={field.label} className="contents">
          <dt className="font-semibold">{field.label}</dt>
          <dd className="mb-2 whitespace-pre-line break-words sm:mb-0">{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}
