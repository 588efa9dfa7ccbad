import type { Metadata } from "next";
import Link from "next/link";
import { Notice, PublicationBadge } from "@/components/layout/StatusBadge";
import { listNewsForStaff } from "@/lib/content/news-admin";
import { formatShortDate } from "@/lib/platform/format";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Actualités" };

export default async function AdminNewsPage({ searchParams }: { searchParams: Promise<{ supprimee?: string }> }) {
  const items = await listNewsForStaff(await staffCaller());
  const { supprimee } = await searchParams;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">Actualités</h1>
        <Link href="/admin/actualites/nouvelle" className="btn-primary">
          Nouvelle actualité
        </Link>
      </div>
      {supprimee ? <Notice>L&apos;actualité a été supprimée.</Notice> : null}
      {items.length === 0 ? (
        <p>Aucune actualité pour le moment.</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Actualités, les plus récemment modifiées d&apos;abord</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-3">
                  Titre
                </th>
                <th scope="col" className="p-3">
                  État
                </th>
                <th scope="col" className="p-3">
                  Publication
                </th>
                <th scope="col" className="p-3">
                  Auteur
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className="border-b border-slate-200">
                  <td className="p-3">
                    <Link href={`/admin/actualites/${item.id}`} className="link font-semibold">
                      {item.title}
                    </Link>
                  </td>
                  <td className="p-3">
                    <PublicationBadge published={Boolean(item.publishedAt)} />
                  </td>
                  <td className="p-3">{item.publishedAt ? formatShortDate(item.publishedAt) : "–"}</td>
                  <td className="p-3">{item.author?.displayName ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
