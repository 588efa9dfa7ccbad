import { parseEnv } from "@/lib/platform/env";
import { identityFromClaims, parseClaims, usableEmail } from "@/lib/franceconnect/claims";
import { franceConnectSettings } from "@/lib/franceconnect/config";
import { classifyFailure, failureMessages, FAILURE_REASONS, FranceConnectFailure, parseFailureReason } from "@/lib/franceconnect/failures";
import { linkIntentCookie, readLinkIntent, readSignupTicket, signupTicket } from "@/lib/franceconnect/tickets";
import { testIdentities } from "../../scripts/franceconnect-standin/identities.mjs";

process.env.AUTH_SECRET ??= "unit-test-secret-of-at-least-32-characters";

const claimsOf = (login: string) => {
  const identity = testIdentities.find((candidate: { login: string }) => candidate.login === login)!;
  return parseClaims({ sub: `sub-${login}`, ...identity.claims })!;
};

describe("configuration", () => {
  test("without FRANCECONNECT_ISSUER there is no FranceConnect (no provider, no button)", () => {
    expect(franceConnectSettings(parseEnv({}))).toBeNull();
  });

  test("the sandbox needs only variables; the redirect and post-logout URIs follow APP_URL", () => {
    const settings = franceConnectSettings(
      parseEnv({
        APP_URL: "https://famille.carbon-blanc.example",
        FRANCECONNECT_ISSUER: "https://fcp-low.sbx.dev-franceconnect.fr/api/v2/",
        FRANCECONNECT_CLIENT_ID: "client",
        FRANCECONNECT_CLIENT_SECRET: "secret",
      }),
    );
    expect(settings).toEqual({
      issuer: "https://fcp-low.sbx.dev-franceconnect.fr/api/v2",
      clientId: "client",
      clientSecret: "secret",
      redirectUri: "https://famille.carbon-blanc.example/api/auth/callback/franceconnect",
      postLogoutRedirectUri: "https://famille.carbon-blanc.example/connexion/franceconnect/deconnexion",
    });
  });
});

describe("FranceConnect's identity in the wizard's fields", () => {
  test("FranceConnect's sandbox person: Madame, born in Paris 7e (département 75)", () => {
    expect(identityFromClaims(claimsOf("test"))).toEqual({
      civility: "MADAME",
      usageName: "DUBOIS",
      birthName: "DUBOIS",
      firstNames: "Angela Claire Louise",
      birthDate: "24/08/1962",
      birthCountryCode: "99100",
      birthDepartmentCode: "75",
      birthCommuneCode: "75107",
    });
  });

  test("a usage name (preferred_username) is the usual name; the birth name stays family_name", () => {
    expect(identityFromClaims(claimsOf("prenoms"))).toMatchObject({
      usageName: "LEFÈVRE",
      birthName: "MARTIN",
      firstNames: "Marie-Thérèse Jeanne Louise",
      birthDepartmentCode: "33",
      birthCommuneCode: "33096",
    });
  });

  test("born abroad: the country only, no département and no commune", () => {
    expect(identityFromClaims(claimsOf("etranger"))).toMatchObject({
      civility: "MONSIEUR",
      birthCountryCode: "99134",
      birthDepartmentCode: "",
      birthCommuneCode: "",
    });
  });

  test("a Corsican commune code (2A) finds its département", () => {
    expect(identityFromClaims(claimsOf("corse"))).toMatchObject({ birthDepartmentCode: "2A", birthCommuneCode: "2A004" });
  });

  test("an incomplete birth date stays empty rather than becoming a wrong one", () => {
    expect(identityFromClaims({ ...claimsOf("test"), birthdate: "1962-08-00" }).birthDate).toBe("");
  });

  test("claims the portal cannot do without are required", () => {
    expect(parseClaims({ sub: "x", ...testIdentities[0]!.claims, gender: undefined })).toBeNull();
    expect(parseClaims({ sub: "x", ...testIdentities[0]!.claims, birthdate: "" })).toBeNull();
    expect(parseClaims({ sub: "x", ...testIdentities[0]!.claims, gender: "unknown" })).toBeNull();
  });

  test("an email is kept only when it looks like one", () => {
    expect(usableEmail(" Angela.Dubois@Example.org ")).toBe("angela.dubois@example.org");
    expect(usableEmail("not an address")).toBeNull();
    expect(usableEmail(undefined)).toBeNull();
  });
});

describe("failures", () => {
  test("every reason has a French title and explanation, and only known reasons are read from the URL", () => {
    for (const reason of FAILURE_REASONS) {
      expect(failureMessages[reason].title).toMatch(/\S/);
      expect(failureMessages[reason].explanation).toMatch(/\.$/);
    }
    expect(parseFailureReason("signature")).toBe("signature");
    expect(parseFailureReason("<script>")).toBeNull();
  });

  test("errors wrapped by Auth.js keep their reason", () => {
    const wrapped = (err: unknown) =>
      Object.assign(new Error("Read more at https://errors.authjs.dev#callbackrouteerror"), { cause: { err } });
    expect(classifyFailure(wrapped(new FranceConnectFailure("niveau", "acr")))).toBe("niveau");
    expect(classifyFailure(wrapped(Object.assign(new Error("state cookie was missing"), { type: "InvalidCheck" })))).toBe("session");
    expect(
      classifyFailure(
        wrapped(Object.assign(new Error('unexpected ID Token "nonce" claim value'), { code: "OAUTH_JWT_CLAIM_COMPARISON_FAILED" })),
      ),
    ).toBe("verification");
    expect(
      classifyFailure(
        wrapped(Object.assign(new Error("server responded with an error"), { code: "OAUTH_RESPONSE_BODY_ERROR", error: "invalid_grant" })),
      ),
    ).toBe("code-expire");
    expect(
      classifyFailure(wrapped(new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }))),
    ).toBe("indisponible");
    expect(classifyFailure(new Error("something else"))).toBe("inconnue");
  });
});

describe("signed values between requests", () => {
  const accountId = "0196f5a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b";

  test("a link request is read back until it expires, never once altered", () => {
    const { value } = linkIntentCookie({ accountId, sessionVersion: 3 }, 1_000);
    expect(readLinkIntent(value, 2_000)).toEqual({ accountId, sessionVersion: 3 });
    expect(readLinkIntent(value, 1_000 + 11 * 60 * 1000)).toBeNull();
    expect(readLinkIntent(value.replace(".3.", ".4."), 2_000)).toBeNull();
    expect(readLinkIntent(undefined)).toBeNull();
  });

  test("a signup ticket lasts a minute", () => {
    const ticket = signupTicket({ accountId, idToken: "header.payload.signature" }, 1_000);
    expect(readSignupTicket(ticket, 30_000)).toEqual({ accountId, idToken: "header.payload.signature" });
    expect(readSignupTicket(ticket, 62_000)).toBeNull();
    expect(readSignupTicket(`${ticket}x`, 30_000)).toBeNull();
  });
});
