import "server-only";
import { headers } from "next/headers";

/** The caller's address as the reverse proxy (or Next's own server) reports it. */
export async function clientIp(): Promise<string> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || list.get("x-real-ip") || "inconnue";
}

export async function userAgent(): Promise<string | undefined> {
  return (await headers()).get("user-agent")?.slice(0, 300) ?? undefined;
}
