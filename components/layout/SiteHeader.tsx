import { PlainLink } from "./PlainLink";
import { town } from "@/lib/platform/town";
import { MainNav, type NavItem } from "./MainNav";

const publicNav: NavItem[] = [
  { href: "/", label: "Accueil" },
  { href: "/actualites", label: "Actualités" },
  { href: "/services", label: "Services" },
  { href: "/documents-a-telecharger", label: "Documents à télécharger" },
];

/**
 * The header of every parent-facing page. `user` switches the first entry to "MON ACCUEIL"
 * and shows the greeting and the sign-out button the Carbon-Blanc guide shows ("Bonjour Monsieur TESTO").
 */
export function SiteHeader({ user, signOut }: { user?: { greeting: string }; signOut?: React.ReactNode }) {
  const { logo, name, portalName } = town();
  const nav = user ? [{ href: "/espace", label: "Mon accueil" }, ...publicNav.slice(1)] : publicNav;
  return (
    <header className="border-b-4 border-town bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <PlainLink href={user ? "/espace" : "/"} className="flex items-center gap-3 no-underline">
          {/* A plain img: the town's logo is small and its size is in the town file, so next/image has nothing to do, and
              next/image would ship 6 kB gzip of client code to every page. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={logo.src} alt="" width={logo.width} height={logo.height} fetchPriority="high" />
          <span className="flex flex-col leading-tight">
            <span className="text-xs font-medium uppercase tracking-wider text-slate-600">{name}</span>
            <span className="text-xl font-bold text-town">
              {portalName.replace(/famille/i, "")}
              <span className="uppercase">Famille</span>
            </span>
          </span>
        </PlainLink>
        {user ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p className="font-medium text-slate-800">{user.greeting}</p>
            {signOut}
          </div>
        ) : null}
      </div>
      <MainNav items={nav} />
    </header>
  );
}
