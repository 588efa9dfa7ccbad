import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";
import { SkipLinks } from "./SkipLinks";

/** Skip links, header, the page's main content and footer: the frame of every parent-facing page. */
export function PortalShell({
  children,
  user,
  signOut,
}: {
  children: React.ReactNode;
  user?: { greeting: string };
  signOut?: React.ReactNode;
}) {
  return (
    <>
      <SkipLinks />
      <SiteHeader user={user} signOut={signOut} />
      <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
