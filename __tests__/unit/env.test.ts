import { adapters, EnvError, parseEnv } from "@/lib/env";

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

  test("production requires a database and a secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/DATABASE_URL est obligatoire en production[\s\S]*AUTH_SECRET est obligatoire en production/);
  });

  test("an empty string counts as unset", () => {
    expect(adapters(parseEnv({ RESEND_API_KEY: "", UPLOADTHING_TOKEN: "" }))).toMatchObject({ mail: "outbox", files: "local" });
  });
});
