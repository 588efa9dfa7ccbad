import type { Metadata } from "next";
import { PlainLink } from "@/components/layout/PlainLink";
import { notFound } from "next/navigation";
import { getPublishedNews } from "@/lib/content/news";
import { formatLongDate } from "@/lib/platform/format";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await getPublishedNews((await params).slug);
  return { title: item?.title ?? "Actualité introuvable" };
}

export default async function NewsItemPage({ params }: Props) {
  const item = await getPublishedNews((await params).slug);
  if (!item) notFound();
  return (
    <article className="card mx-auto max-w-3xl">
      <p className="mb-4 text-sm">
        <PlainLink href="/actualites" className="link">
          ← Toutes les actualités
        </PlainLink>
      </p>
      <h1 className="page-title mb-2">{item.title}</h1>
      {item.publishedAt ? (
        <p className="mb-6 text-sm text-slate-600">
          Publiée le <time dateTime={item.publishedAt.toISOString()}>{formatLongDate(item.publishedAt)}</time>
        </p>
      ) : null}
      <p className="mb-4 font-medium">{item.summary}</p>
      {item.body.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index} className="mb-4 whitespace-pre-line">
          {paragraph}
        </p>
      ))}
    </article>
  );
}
