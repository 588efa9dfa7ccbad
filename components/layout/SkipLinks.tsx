/** RGAA 12.7: links to skip straight to the content and to the menu, first in the tab order. */
export function SkipLinks() {
  return (
    <nav aria-label="Accès rapide" className="bg-slate-900">
      <ul className="flex gap-4 px-4">
        <li>
          <a href="#contenu" className="sr-only block py-2 text-white underline focus:not-sr-only">
            Aller au contenu
          </a>
        </li>
        <li>
          <a href="#menu" className="sr-only block py-2 text-white underline focus:not-sr-only">
            Aller au menu
          </a>
        </li>
      </ul>
    </nav>
  );
}
