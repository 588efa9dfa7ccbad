import { PortalShell } from "@/components/layout/PortalShell";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <PortalShell>{children}</PortalShell>;
}
