"use client";

import { ServiceUnavailableNotice } from "@/components/layout/ServiceUnavailableNotice";

export default function PublicError() {
  return <ServiceUnavailableNotice />;
}
