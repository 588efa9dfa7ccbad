import { env, EnvError } from "@/lib/platform/env";
import { appendPeerAddressToRequests } from "@/lib/platform/security/peer-address";

try {
  env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

// The socket's peer address ends X-Forwarded-For: the client address is read from the trusted hops only.
appendPeerAddressToRequests();
