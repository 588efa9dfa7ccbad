import type { Metadata } from "next";
import { AdminFrame } from "@/components/layout/AdminFrame";
import { AdminNav } from "@/components/layout/AdminNav";
import { STAFF_ROLE_LABELS } from "@/lib/platform/security/roles";
import { requireStaff } from "@/lib/staff/session";
import { signOutStaff } from "@/lib/staff/sign-in-actions";

export const metadata: Metadata = {
  title: { default: "Espace agents", template: "%s – Espace agents" },
  robots: { index: false, follow: false },
};

/** The back-office: only for a signed-in staff member (checked here, in the proxy, and in every action). */
export default async function BackOfficeLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  return (
    <AdminFrame
      nav={<AdminNav role={staff.role} />}
      user={
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p className="font-medium text-slate-800">
            {staff.displayName} <span className="text-slate-600">({STAFF_ROLE_LABELS[staff.role]})</span>
          </p>
          <form action={signOutStaff}>
            <button type="submit" className="btn-secondary min-h-9 px-3 py-1 text-xs">
              Se déconnecter
            </button>
          </form>
        </div>
      }
    >
      {children}
    </AdminFrame>
  );
}
