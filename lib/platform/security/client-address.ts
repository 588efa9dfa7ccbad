/**
 * The caller's address, from the X-Forwarded-For list. Every hop appends the address of its peer, so only the
 * last entries were written by machines we trust: the last one by this server itself (instrumentation-node.ts
 * appends the socket's peer address), the ones before it by the `TRUSTED_PROXY_COUNT` reverse proxies in
 * front of the portal. Anything further left was written by the client and is ignored.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, trustedProxies: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "inconnue";
  const index = Math.max(0, entries.length - 1 - Math.max(0, trustedProxies));
  return (entries[index] ?? "inconnue").slice(0, 64);
}

/** Appends a hop's peer address to an X-Forwarded-For value, as a reverse proxy does. */
export function appendForwardedFor(existing: string | string[] | undefined, peer: string | undefined): string {
  const previous = Array.isArray(existing) ? existing.join(", ") : (existing ?? "");
  const hop = peer ?? "inconnue";
  return previous.trim() ? `${previous}, ${hop}` : hop;
}
