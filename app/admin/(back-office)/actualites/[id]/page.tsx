import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { NewsFields } from "@/lib/content/components/NewsFields";
import { Notice, PublicationBadge } from "@/components/layout/StatusBadge";
import { publishNews, removeNews, saveNews } from "@/lib/content/actions";
import { getNewsForStaff } from "@/lib/content/news-admin";
import { formatLongDate } from "@/lib/platform/format";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Modifier une actualité" };

export default async function EditNewsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ enregistree?: string }>;
}) {
  const { id } = await params;
  const news = await getNewsForStaff(await staffCaller(), id);
  if (!news) notFound();
  const published = Boolean(news.publishedAt);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/actualites" className="link text-sm">
          Retour aux actualités
        </Link>
      </p>
      <h1 className="page-title mb-2">{news.title}</h1>
      <p className="mb-6 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <PublicationBadge published={published} />
        {news.publishedAt ? (
          <>
            depuis le {formatLongDate(news.publishedAt)} –{" "}
            <Link href={`/actualites/${news.slug}`} className="link">
              voir sur le portail
            </Link>
          </>
        ) : (
          "visible seulement dans l'espace agents"
        )}
      </p>
      {(await searchParams).enregistree ? <Notice>L&apos;actualité est enregistrée.</Notice> : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_18rem]">
        <section aria-labelledby="modifier-titre" className="card">
          <h2 id="modifier-titre" className="section-title mb-4">
            Contenu
          </h2>
          <ActionForm action={saveNews.bind(null, news.id)} submitLabel="Enregistrer les modifications">
            <NewsFields values={news} />
          </ActionForm>
        </section>
        <div className="flex flex-col gap-6">
          <section aria-labelledby="publication-titre" className="card">
            <h2 id="publication-titre" className="section-title mb-4">
              Publication
            </h2>
            <ActionForm
              action={publishNews.bind(null, news.id, !published)}
              submitLabel={published ? "Retirer du portail" : "Publier"}
              submitClassName={published ? "btn-secondary self-start" : "btn-primary self-start"}
            />
          </section>
          <section aria-labelledby="suppression-titre" className="card">
            <h2 id="suppression-titre" className="section-title mb-4">
              Suppression
            </h2>
            <ActionForm
              action={removeNews.bind(null, news.id)}
              submitLabel="Supprimer l'actualité"
              submitClassName="btn-danger self-start"
              confirm="Je confirme la suppression définitive de cette actualité."
            />
          </section>
        </div>
      </div>
    </>
  );
}
