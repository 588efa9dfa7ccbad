import type { AnchorHTMLAttributes } from "react";

/**
 * A link that loads the next page whole, without Next's client router. The public pages and the portal's frame use
 * it: a visitor of the public site mostly reads one page, and next/link would add 8 kB gzip of router code to every
 * first visit (measured by `npm run bench`, JavaScript per page) for client navigations that rarely follow.
 * The parent's and the agents' spaces, where people move from page to page, keep next/link.
 */
export function PlainLink(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} />;
}
