import http from "node:http";
import https from "node:https";
import { appendForwardedFor } from "./client-address";

const PATCHED = Symbol.for("espace-famille.peer-address");

/**
 * This server is the last hop: it appends its socket's peer address to X-Forwarded-For before Next sees the
 * request, as a reverse proxy does. Next itself only fills the header when it is absent, so without this a
 * client writing X-Forwarded-For would choose its own address. lib/auth/client-ip.ts then counts the hops
 * it trusts from the right (TRUSTED_PROXY_COUNT).
 */
export function appendPeerAddressToRequests(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as http.Server & { [PATCHED]?: boolean };
    if (proto[PATCHED]) continue;
    const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage | undefined;
        if (request?.headers)
          request.headers["x-forwarded-for"] = appendForwardedFor(request.headers["x-forwarded-for"], request.socket?.remoteAddress);
      }
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
    proto[PATCHED] = true;
  }
}
