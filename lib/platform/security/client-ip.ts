import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/platform/env";
import { clientAddressFrom } from "@/lib/platform/security/client-address";

/** The caller's address: the socket's peer, or the client a trusted reverse proxy saw (TRUSTED_PROXY_COUNT). */
export async function clientIp(): Promise<string> {
  return clientAddressFrom((await headers()).get("x-forwarded-for"), env().TRUSTED_PROXY_COUNT);
}

export async function userAgent(): Promise<string | undefined> {
  return (await headers()).get("user-agent")?.slice(0, 300) ?? undefined;
}
