import { PlainLink } from "@/components/layout/PlainLink";
import { formatLongDate } from "@/lib/platform/format";
import type { NewsSummary } from "@/lib/content/news";

export function NewsList({ items, headingLevel = 3 }: { items: NewsSummary[]; headingLevel?: 2 | 3 }) {
  if (items.length === 0) return <p className="text-slate-700">Aucune actualité pour le moment.</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {items.map((item) => (
        <li key={item.slug} className="card flex flex-col gap-2">
          <Heading className="text-lg font-bold text-slate-900">
            <PlainLink href={`/actualites/${item.slug}`} className="link">
              {item.title}
            </PlainLink>
          </Heading>
          <p className="text-sm text-slate-600">
            Publiée le <time dateTime={item.publishedAt.toISOString()}>{formatLongDate(item.publishedAt)}</time>
          </p>
          <p className="text-slate-800">{item.summary}</p>
        </li>
      ))}
    </ul>
  );
}
