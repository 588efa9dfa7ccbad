import type { Metadata } from "next";
import { AdminFrame } from "@/components/layout/AdminFrame";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Staff sign-in pages: open without a session (the proxy lets /admin/connexion through). */
export default function StaffSignInLayout({ children }: { children: React.ReactNode }) {
  return (
    <AdminFrame>
      <div className="mx-auto w-full max-w-lg">{children}</div>
    </AdminFrame>
  );
}
