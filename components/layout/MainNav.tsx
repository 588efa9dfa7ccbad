import { PlainLink } from "./PlainLink";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The header menu. On a phone it folds into a native <details> disclosure: it works with the
 * keyboard and a screen reader and ships no JavaScript.
 */
export function MainNav({ items }: { items: NavItem[] }) {
  const links = items.map((item) => (
    <li key={item.href}>
      <PlainLink
        href={item.href}
        className="block px-4 py-3 text-sm font-semibold uppercase tracking-wide text-white hover:bg-town-dark hover:underline"
      >
        {item.label}
      </PlainLink>
    </li>
  ));
  return (
    <nav id="menu" aria-label="Menu principal" className="bg-town">
      <div className="mx-auto max-w-6xl">
        <ul className="hidden sm:flex sm:flex-wrap">{links}</ul>
        <details className="group sm:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-4 text-sm font-semibold uppercase tracking-wide text-white">
            <span aria-hidden="true" className="text-lg leading-none group-open:hidden">
              ☰
            </span>
            <span aria-hidden="true" className="hidden text-lg leading-none group-open:inline">
              ✕
            </span>
            Menu
          </summary>
          <ul className="border-t border-white/30">{links}</ul>
        </details>
      </div>
    </nav>
  );
}
