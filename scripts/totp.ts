/**
 * `npm run totp -- agent.demo` (or admin.demo, or a base-32 secret): the current 6-digit code of a demo
 * staff account's second factor, for signing in without a phone in development. Demo secrets are public.
 */
import { demoAdmin, demoAgent } from "../lib/platform/demo/accounts";
import { TOTP_PERIOD_SECONDS, totpCode } from "../lib/auth/totp";

const argument = process.argv[2] ?? demoAdmin.login;
const known: Record<string, string> = { [demoAdmin.login]: demoAdmin.totpSecret, [demoAgent.login]: demoAgent.totpSecret };
const secret = known[argument] ?? (/^[A-Z2-7]{16,}$/i.test(argument) ? argument.toUpperCase() : undefined);
if (!secret) {
  console.error(`Usage : npm run totp -- ${demoAgent.login} | ${demoAdmin.login} | <clé base 32>`);
  process.exit(2);
}
const remaining = TOTP_PERIOD_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_PERIOD_SECONDS);
console.log(`${totpCode(secret)}  (valable encore ${remaining} s)`);
