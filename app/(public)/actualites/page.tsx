import type { Metadata } from "next";
import { PlainLink } from "@/components/layout/PlainLink";
import { NewsList } from "@/lib/content/components/NewsList";
import { publishedNews, publishedNewsCount } from "@/lib/content/public-cache";

// Staff edit what this page shows (database): rendered per request, never baked into the build.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Actualités" };

const PAGE_SIZE = 10;

export default async function NewsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const requested = Number.parseInt((await searchParams).page ?? "1", 10);
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  const [items, total] = await Promise.all([publishedNews(PAGE_SIZE, (page - 1) * PAGE_SIZE), publishedNewsCount()]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <h1 className="page-title mb-6">Actualités</h1>
      <NewsList items={items} headingLevel={2} />
      {pages > 1 ? (
        <nav aria-label="Pagination des actualités" className="mt-6">
          <ul className="flex flex-wrap gap-2">
            {Array.from({ length: pages }, (_, index) => index + 1).map((number) => (
              <li key={number}>
                <PlainLink
                  href={`/actualites?page=${number}`}
                  aria-current={number === page ? "page" : undefined}
                  className={number === page ? "btn-primary" : "btn-secondary"}
                >
                  <span className="sr-only">Page </span>
                  {number}
                </PlainLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
