import { SignOutButton } from "@/lib/auth/components/SignOutButton";
import { PortalShell } from "@/components/layout/PortalShell";
import { greeting, requireParent } from "@/lib/auth/session";

/** The parent's space: only for a signed-in parent (checked here, in the proxy, and in every action). */
export default async function ParentSpaceLayout({ children }: { children: React.ReactNode }) {
  const parent = await requireParent("/espace");
  return (
    <PortalShell user={{ greeting: greeting(parent) }} signOut={<SignOutButton />}>
      {children}
    </PortalShell>
  );
}
