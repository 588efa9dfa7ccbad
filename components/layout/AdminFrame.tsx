import Link from "next/link";
import { town } from "@/lib/platform/town";

/** Skip links, the back-office header and the main content: the frame of every /admin page. */
export function AdminFrame({ children, user, nav }: { children: React.ReactNode; user?: React.ReactNode; nav?: React.ReactNode }) {
  const { name } = town();
  return (
    <>
      <nav aria-label="Accès rapide" className="bg-slate-900">
        <ul className="flex gap-4 px-4">
          <li>
            <a href="#contenu" className="sr-only block py-2 text-white underline focus:not-sr-only">
              Aller au contenu
            </a>
          </li>
          {nav ? (
            <li>
              <a href="#menu-admin" className="sr-only block py-2 text-white underline focus:not-sr-only">
                Aller au menu
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
      <header className="border-b-4 border-town bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="flex flex-col leading-tight no-underline">
            <span className="text-xs font-medium uppercase tracking-wider text-slate-600">{name}</span>
            <span className="text-xl font-bold text-town">Espace agents</span>
          </Link>
          {user}
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-6 lg:flex-row">
        {nav}
        <main id="contenu" tabIndex={-1} className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </>
  );
}
