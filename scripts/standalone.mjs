// After `next build`: completes Next.js's standalone output (.next/standalone) with what Next leaves out on
// purpose, the static assets and the public folder, so `node .next/standalone/server.js` serves the whole portal
// (`npm start`, the Dockerfile and the browser tests run exactly that).
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error('Pas de sortie autonome dans .next/standalone : vérifiez output: "standalone" dans next.config.js.');
  process.exit(1);
}
for (const [from, to] of [
  [path.join(root, ".next", "static"), path.join(standalone, ".next", "static")],
  [path.join(root, "public"), path.join(standalone, "public")],
]) {
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
