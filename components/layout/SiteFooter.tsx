import { PlainLink } from "./PlainLink";
import { town } from "@/lib/platform/town";

/** The footer the Carbon-Blanc guide shows: "© Ville de Carbon-Blanc | Retour au site principal | Mentions légales et CGU | ...". */
export function SiteFooter() {
  const { name, mainSiteUrl, accessibility } = town();
  const year = new Date().getFullYear();
  return (
    <footer className="mt-auto border-t border-slate-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-slate-700 sm:flex-row sm:flex-wrap sm:items-center">
        <p>
          © {year} {name}
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-2">
          <li>
            <a
              href={mainSiteUrl}
              className="link"
              title={`Retour au site principal (${name}) - nouvelle fenêtre`}
              target="_blank"
              rel="noopener"
            >
              Retour au site principal
            </a>
          </li>
          <li>
            <PlainLink href="/mentions-legales" className="link">
              Mentions légales et CGU
            </PlainLink>
          </li>
          <li>
            <PlainLink href="/donnees-personnelles" className="link">
              Données personnelles et cookies
            </PlainLink>
          </li>
          <li>
            <PlainLink href="/contacts" className="link">
              Contacts
            </PlainLink>
          </li>
          <li>
            <PlainLink href="/accessibilite" className="link">
              Accessibilité : {accessibility.status}
            </PlainLink>
          </li>
        </ul>
      </div>
    </footer>
  );
}
