import { z } from "zod";

/**
 * The one place that reads process.env. Optional keys that are missing select the local
 * stand-ins (embedded database, mail outbox, files on disk, local FranceConnect).
 * Validation is lazy so `next build` needs no runtime secret; `instrumentation.ts`
 * calls `env()` at server start, so a malformed value stops the start at once.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url({ message: "doit être une URL complète (https://...)" }).optional())
  .optional();

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    APP_URL: z.url({ message: "doit être l'URL publique du portail (https://...)" }).default("http://localhost:3000"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "doit commencer par postgresql://")
        .optional(),
    ),
    DATABASE_POOL_MAX: z.coerce
      .number()
      .int()
      .min(1, "doit être un entier entre 1 et 100")
      .max(100, "doit être un entier entre 1 et 100")
      .default(10),
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "doit faire au moins 32 caractères (openssl rand -base64 32)").optional()),
    TOWN: z.string().trim().default("carbon-blanc"),
    /**
     * How many reverse proxies stand in front of the portal (each appends its peer's address to X-Forwarded-For).
     * 0 (the default): the socket's address is the client's. 1 behind one nginx or load balancer, and so on.
     * Too high a number lets a client choose the address that throttling and the audit log see.
     */
    TRUSTED_PROXY_COUNT: z.coerce
      .number()
      .int("doit être un entier entre 0 et 5")
      .min(0, "doit être un entier entre 0 et 5")
      .max(5, "doit être un entier entre 0 et 5")
      .default(0),
    DEMO_DATA: booleanFlag,
    /**
     * Lets `next start` use the local stand-ins, for the browser tests and the benchmark; never set in production.
     * Without it a production server refuses to start without the real services' keys.
     */
    LOCAL_STANDINS: booleanFlag,

    RESEND_API_KEY: optionalString.pipe(z.string().startsWith("re_", "doit commencer par re_").optional()),
    MAIL_FROM: z.string().trim().default("Espace Famille <espace-famille@localhost>"),

    /** Job queue (lib/platform/jobs): how often a worker expires, retries and archives jobs, in seconds. */
    JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** Caps how long any attempt may run before it is retried (the fault tests shorten it); unset in production. */
    JOBS_EXPIRE_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(3600)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Caps the first wait before a retry, in seconds (the fault tests shorten it); unset in production. */
    JOBS_RETRY_DELAY_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(3600)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Fault tests only ("privacy.purge=* * * * *;..."): other schedules than the code's. Never in production. */
    JOBS_TEST_SCHEDULES: optionalString,
    /** Jobs one poller of a worker process takes and runs at once (two pollers per queue). */
    JOBS_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1, "doit être un entier entre 1 et 20")
      .max(20, "doit être un entier entre 1 et 20")
      .default(5),

    UPLOADTHING_TOKEN: optionalString,
    FILE_STORAGE_DIR: z.string().trim().default(".data/files"),

    FRANCECONNECT_ISSUER: optionalUrl,
    FRANCECONNECT_CLIENT_ID: optionalString,
    FRANCECONNECT_CLIENT_SECRET: optionalString,
    FRANCECONNECT_POST_LOGOUT_REDIRECT_URI: optionalUrl,

    /** PayFiP (DGFiP): the web service's and payment page's host; `npm run dev` and the tests set the local stand-in's. */
    PAYFIP_BASE_URL: optionalUrl,
    /** T (test), X (activation) or W (production). */
    PAYFIP_SAISIE: z.enum(["T", "X", "W"]).optional(),
    /** API Particulier (quotient familial); the local stand-in's address in development and tests. */
    API_PARTICULIER_URL: optionalUrl,
  })
  .superRefine((value, ctx) => {
    // FranceConnect is configured as a whole: an issuer without its client would only fail at the first sign-in.
    if (value.FRANCECONNECT_ISSUER) {
      for (const key of ["FRANCECONNECT_CLIENT_ID", "FRANCECONNECT_CLIENT_SECRET"] as const) {
        if (!value[key]) ctx.addIssue({ code: "custom", path: [key], message: "est obligatoire quand FRANCECONNECT_ISSUER est défini" });
      }
    }
    if (value.NODE_ENV !== "production") return;
    if (value.FRANCECONNECT_ISSUER?.startsWith("http://") && !value.LOCAL_STANDINS) {
      ctx.addIssue({ code: "custom", path: ["FRANCECONNECT_ISSUER"], message: "doit être une adresse https en production" });
    }
    if (!value.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "est obligatoire en production" });
    }
    if (!value.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "est obligatoire en production" });
    }
    // Without a key, mails (with their single-use links) would pile up in the local outbox instead of leaving.
    if (!value.RESEND_API_KEY && !value.LOCAL_STANDINS) {
      ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "est obligatoire en production" });
    }
    for (const key of ["PAYFIP_BASE_URL", "API_PARTICULIER_URL"] as const) {
      if (value[key]?.startsWith("http://") && !value.LOCAL_STANDINS)
        ctx.addIssue({ code: "custom", path: [key], message: "doit être une adresse https en production" });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Formats zod issues as "Configuration invalide : VARIABLE <message>" lines naming each variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(racine)"} ${issue.message}`);
  throw new EnvError(`Configuration invalide :\n${lines.join("\n")}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Which adapters are in use: the real service when it is configured, the local stand-in otherwise. */
export function adapters(current: Env = env()) {
  return {
    database: current.DATABASE_URL ? "postgresql" : "embedded",
    mail: current.RESEND_API_KEY ? "resend" : "outbox",
    files: current.UPLOADTHING_TOKEN ? "uploadthing" : "local",
    franceConnect: current.FRANCECONNECT_ISSUER ? "configured" : "absent",
  } as const;
}
