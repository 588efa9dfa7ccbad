import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseEnv } from "@/lib/platform/env";
import { clientAddressFrom } from "@/lib/platform/security/client-address";
import { appendPeerAddressToRequests } from "@/lib/platform/security/peer-address";

describe("the client address trusts only the configured hops of X-Forwarded-For", () => {
  test("no proxy (the default): the socket's peer, whatever the client wrote", () => {
    expect(clientAddressFrom("6.6.6.6, 203.0.113.5", 0)).toBe("203.0.113.5");
    expect(clientAddressFrom("203.0.113.5", 0)).toBe("203.0.113.5");
  });
  test("one trusted proxy: the address it saw, not the entries the client wrote before it", () => {
    expect(clientAddressFrom("6.6.6.6, 198.51.100.20, 10.0.0.2", 1)).toBe("198.51.100.20");
    expect(clientAddressFrom("198.51.100.20, 10.0.0.2", 1)).toBe("198.51.100.20");
  });
  test("fewer hops than proxies, or nothing at all", () => {
    expect(clientAddressFrom("10.0.0.2", 2)).toBe("10.0.0.2");
    expect(clientAddressFrom("", 0)).toBe("inconnue");
    expect(clientAddressFrom(null, 1)).toBe("inconnue");
  });
  test("TRUSTED_PROXY_COUNT is a small whole number, 0 by default", () => {
    expect(parseEnv({}).TRUSTED_PROXY_COUNT).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_COUNT: "1" }).TRUSTED_PROXY_COUNT).toBe(1);
    expect(() => parseEnv({ TRUSTED_PROXY_COUNT: "-1" })).toThrow(/TRUSTED_PROXY_COUNT/);
    expect(() => parseEnv({ TRUSTED_PROXY_COUNT: "beaucoup" })).toThrow(/TRUSTED_PROXY_COUNT/);
  });
});

test("the server appends its socket's peer to X-Forwarded-For, so a forged header cannot choose the address", async () => {
  appendPeerAddressToRequests();
  const server = http.createServer((request, response) => response.end(String(request.headers["x-forwarded-for"])));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const seen = await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "6.6.6.6" } })).text();
    expect(seen).toBe("6.6.6.6, 127.0.0.1");
    expect(clientAddressFrom(seen, 0)).toBe("127.0.0.1");
  } finally {
    server.close();
  }
});
