import { connection } from "next/server";
import { createPowChallenge } from "@/lib/platform/security/altcha";

/** A fresh proof-of-work challenge for the "Contrôle de sécurité" (components/forms/ProofOfWork.tsx). */
export async function GET() {
  // Each request needs its own random challenge: never prerendered, never cached.
  await connection();
  return Response.json(await createPowChallenge(), { headers: { "Cache-Control": "no-store" } });
}
