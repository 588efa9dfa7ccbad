import { adapters, EnvError, parseEnv } from "@/lib/platform/env";

describe("env", () => {
  test("an empty environment selects every local stand-in", () => {
    const current = parseEnv({});
    expect(adapters(current)).toEqual({ database: "embedded", mail: "outbox", files: "local", franceConnect: "absent" });
    expect(current.TOWN).toBe("carbon-blanc");
    expect(current.APP_URL).toBe("http://localhost:3000");
  });

  test("configured keys select the real services", () => {
    const current = parseEnv({
      DATABASE_URL: "postgresql://u@db/ef",
      RESEND_API_KEY: "re_123",
      UPLOADTHING_TOKEN: "token",
      FRANCECONNECT_ISSUER: "https://fcp-low.sbx.dev-franceconnect.fr/api/v2",
      FRANCECONNECT_CLIENT_ID: "client",
      FRANCECONNECT_CLIENT_SECRET: "secret",
    });
    expect(adapters(current)).toEqual({ database: "postgresql", mail: "resend", files: "uploadthing", franceConnect: "configured" });
  });

  test("a malformed value stops with a French message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrow(/DATABASE_URL doit commencer par postgresql:\/\//);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET doit faire au moins 32 caractères/);
    expect(() => parseEnv({ FRANCECONNECT_ISSUER: "not a url" })).toThrow(/FRANCECONNECT_ISSUER/);
    expect(() => parseEnv({ DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
  });

  test("FranceConnect is configured as a whole, over https in production", () => {
    expect(() => parseEnv({ FRANCECONNECT_ISSUER: "https://fcp-low.sbx.dev-franceconnect.fr/api/v2" })).toThrow(
      /FRANCECONNECT_CLIENT_ID est obligatoire quand FRANCECONNECT_ISSUER est défini[\s\S]*FRANCECONNECT_CLIENT_SECRET est obligatoire/,
    );
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u@db/ef",
      AUTH_SECRET: "x".repeat(32),
      RESEND_API_KEY: "re_123",
    };
    const client = { FRANCECONNECT_CLIENT_ID: "client", FRANCECONNECT_CLIENT_SECRET: "secret" };
    expect(() => parseEnv({ ...production, ...client, FRANCECONNECT_ISSUER: "http://localhost:4000/api/v2" })).toThrow(
      /FRANCECONNECT_ISSUER doit être une adresse https en production/,
    );
    expect(
      adapters(parseEnv({ ...production, ...client, FRANCECONNECT_ISSUER: "https://oidc.franceconnect.gouv.fr/api/v2" })).franceConnect,
    ).toBe("configured");
    // The browser tests' `next start` talks to the local stand-in over http.
    expect(
      adapters(parseEnv({ ...production, ...client, LOCAL_STANDINS: "1", FRANCECONNECT_ISSUER: "http://127.0.0.1:4000/api/v2" }))
        .franceConnect,
    ).toBe("configured");
  });

  test("production requires a database and a secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /DATABASE_URL est obligatoire en production[\s\S]*AUTH_SECRET est obligatoire en production/,
    );
  });

  describe("production mail", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://u@db/ef", AUTH_SECRET: "x".repeat(32) };

    test("production refuses to run without a Resend key, so mails never stay in the local outbox", () => {
      expect(() => parseEnv(production)).toThrow(/RESEND_API_KEY est obligatoire en production/);
      expect(() => parseEnv({ ...production, RESEND_API_KEY: "" })).toThrow(/RESEND_API_KEY est obligatoire en production/);
      expect(() => parseEnv({ ...production, LOCAL_STANDINS: "false" })).toThrow(/RESEND_API_KEY est obligatoire en production/);
    });

    test("production with a Resend key sends through Resend", () => {
      const current = parseEnv({ ...production, RESEND_API_KEY: "re_123" });
      expect(adapters(current).mail).toBe("resend");
      expect(current.LOCAL_STANDINS).toBe(false);
    });

    test("LOCAL_STANDINS lets `next start` run with the mail outbox", () => {
      for (const flag of ["1", "true"]) {
        const current = parseEnv({ ...production, LOCAL_STANDINS: flag });
        expect(current.LOCAL_STANDINS).toBe(true);
        expect(adapters(current).mail).toBe("outbox");
      }
    });

    test("LOCAL_STANDINS does not excuse a missing database or secret", () => {
      expect(() => parseEnv({ NODE_ENV: "production", LOCAL_STANDINS: "1" })).toThrow(/DATABASE_URL est obligatoire en production/);
    });
  });

  test("LOCAL_STANDINS is off unless set, and a malformed value names the variable", () => {
    expect(parseEnv({}).LOCAL_STANDINS).toBe(false);
    expect(parseEnv({ LOCAL_STANDINS: "" }).LOCAL_STANDINS).toBe(false);
    expect(() => parseEnv({ LOCAL_STANDINS: "yes" })).toThrow(/LOCAL_STANDINS/);
  });

  test("an empty string counts as unset", () => {
    expect(adapters(parseEnv({ RESEND_API_KEY: "", UPLOADTHING_TOKEN: "" }))).toMatchObject({ mail: "outbox", files: "local" });
  });
});
