import "server-only";
import { env } from "@/lib/platform/env";
import { PayfipClient, type Saisie } from "./client";

/** PayFiP for this configuration: the real service, or the local stand-in started by `npm run dev` and the tests. */
export function payfip(): { client: PayfipClient; saisie: Saisie } {
  const current = env();
  const base = current.PAYFIP_BASE_URL ?? "https://www.payfip.gouv.fr";
  return {
    client: new PayfipClient(base.replace(/\/$/, ""), fetch),
    saisie: current.PAYFIP_SAISIE ?? (current.NODE_ENV === "production" && !current.LOCAL_STANDINS ? "W" : "T"),
  };
}
