/**
 * A small load balancer for `npm run bench`: round robin over the upstreams given on the command line,
 * on 127.0.0.1 only, keep-alive to each upstream. Usage: node balancer.mjs <port> <upstream URL>...
 * It stands for the town's own load balancer in the "two processes" measure; nothing in it is sticky,
 * so any request (a session, a draft, an action) may land on either process.
 */
import { Agent, createServer, request } from "node:http";

const [port, ...upstreams] = process.argv.slice(2);
const targets = upstreams.map((url) => new URL(url));
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

const server = createServer((incoming, outgoing) => {
  const target = targets[next++ % targets.length];
  const forwarded = request(
    { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  forwarded.on("error", () => {
    if (!outgoing.headersSent) outgoing.writeHead(502);
    outgoing.end();
  });
  incoming.pipe(forwarded);
});
server.keepAliveTimeout = 30_000;
server.listen(Number(port), "127.0.0.1", () => process.stdout.write(`ready ${port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
