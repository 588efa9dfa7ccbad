"use client";

import { ServiceUnavailableNotice } from "@/components/layout/ServiceUnavailableNotice";

/**
 * Errors of every page outside the public layout (the parent's space, sign-in, /admin), including a layout
 * that cannot read the session because the database is down. Next renders it with status 500; while the
 * database stays unreachable, proxy.ts answers the following requests with a 503 page (lib/platform/db/health).
 */
export default function RootError() {
  return (
    <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
      <ServiceUnavailableNotice />
    </main>
  );
}
