import Link from "next/link";
import type { StaffRole } from "@/lib/platform/security/roles";

const items: { href: string; label: string; role: StaffRole }[] = [
  { href: "/admin", label: "Accueil", role: "AGENT" },
  { href: "/admin/declarations", label: "Déclarations de famille", role: "AGENT" },
  { href: "/admin/familles", label: "Familles et Clé Enfance", role: "AGENT" },
  { href: "/admin/enfants", label: "PAI et allergies", role: "AGENT" },
  { href: "/admin/reservations", label: "Inscriptions et réservations", role: "AGENT" },
  { href: "/admin/inscriptions-scolaires", label: "Inscriptions scolaires", role: "AGENT" },
  { href: "/admin/carte-scolaire", label: "Carte scolaire", role: "AGENT" },
  { href: "/admin/actualites", label: "Actualités", role: "AGENT" },
  { href: "/admin/documents", label: "Documents à télécharger", role: "AGENT" },
  { href: "/admin/facturation", label: "Facturation", role: "AGENT" },
  { href: "/admin/commune", label: "Coordonnées et textes légaux", role: "ADMINISTRATOR" },
  { href: "/admin/agents", label: "Comptes agents", role: "ADMINISTRATOR" },
  { href: "/admin/journal", label: "Journal d'audit", role: "ADMINISTRATOR" },
  { href: "/admin/taches", label: "Tâches en échec", role: "ADMINISTRATOR" },
  { href: "/admin/mon-compte", label: "Mon compte", role: "AGENT" },
];

/** The back-office menu: a column on a desktop, a list above the content on a phone; no JavaScript. */
export function AdminNav({ role }: { role: StaffRole }) {
  return (
    <nav id="menu-admin" aria-label="Menu de l'espace agents" className="shrink-0 lg:w-60">
      <ul className="flex flex-wrap gap-2 lg:flex-col lg:gap-1">
        {items
          .filter((item) => role === "ADMINISTRATOR" || item.role === "AGENT")
          .map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="block rounded-md px-3 py-2 text-sm font-semibold text-town underline-offset-2 hover:bg-slate-100 hover:underline"
              >
                {item.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
