import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { handleFranceConnectCallback, isFranceConnectCallback } from "@/lib/franceconnect/callback";

export const { POST } = handlers;

/** FranceConnect's return goes through its own wrapper: failures land on a French page naming the reason. */
export function GET(request: NextRequest) {
  return isFranceConnectCallback(request) ? handleFranceConnectCallback(request, handlers.GET) : handlers.GET(request);
}
