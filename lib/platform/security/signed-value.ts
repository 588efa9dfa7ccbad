import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "./keys";

/**
 * "value.signature" strings for cookies that point at server-side state (the signup draft):
 * the cookie holds an id, never data, and a forged or altered id is ignored.
 */
export function signValue(purpose: string, value: string): string {
  return `${value}.${mac(purpose, value)}`;
}

export function verifySignedValue(purpose: string, signed: string | undefined): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(mac(purpose, value));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

function mac(purpose: string, value: string): string {
  return createHmac("sha256", deriveKey(`signed-value:${purpose}`))
    .update(value)
    .digest("base64url");
}
