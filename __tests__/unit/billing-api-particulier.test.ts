import { ApiParticulierError, fetchQuotientFamilial } from "@/lib/billing/quotient/api-particulier";
import { standinAnswer } from "../../scripts/api-particulier-standin";

/** The API Particulier adapter against a mocked transport answering the stand-in's (real-shaped) bodies. */
function transport(status: number, body: string) {
  const calls: { url: string; authorization: string | null }[] = [];
  const fetchMock = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), authorization: new Headers(init?.headers).get("authorization") });
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
  return { calls, fetchMock };
}

describe("fetchQuotientFamilial", () => {
  it("calls the v3 FranceConnect route with the recipient and the Bearer token, and reads the quotient", async () => {
    const answer = standinAnswer("jeton", "21330096300016", new Date("2026-11-15"));
    const { calls, fetchMock } = transport(answer.status, answer.body);
    const result = await fetchQuotientFamilial({
      baseUrl: "https://particulier.api.gouv.fr",
      accessToken: "jeton",
      recipient: "21330096300016",
      transport: fetchMock,
    });
    expect(calls[0]).toEqual({
      url: "https://particulier.api.gouv.fr/v3/dss/quotient_familial/france_connect?recipient=21330096300016",
      authorization: "Bearer jeton",
    });
    expect(result).toMatchObject({ provider: "CNAF", value: 812, referenceMonth: "2026-11", computedMonth: "2026-11" });
    expect(result.enfants[0]?.prenoms).toBe("LEA");
  });

  it("says why nothing came back: not found, refused, unavailable, malformed", async () => {
    const notFound = standinAnswer("sans-qf", "21330096300016");
    const call = (status: number, body: string) =>
      fetchQuotientFamilial({
        baseUrl: "https://x",
        accessToken: "t",
        recipient: "21330096300016",
        transport: transport(status, body).fetchMock,
      });
    await expect(call(notFound.status, notFound.body)).rejects.toMatchObject({ reason: "introuvable" });
    await expect(call(401, "{}")).rejects.toMatchObject({ reason: "refus" });
    await expect(call(502, "oops")).rejects.toMatchObject({ reason: "indisponible" });
    await expect(
      call(200, JSON.stringify({ data: { quotient_familial: { fournisseur: "CNAF", valeur: 12.5, annee: 2026, mois: 1 } } })),
    ).rejects.toThrow(ApiParticulierError);
    await expect(
      fetchQuotientFamilial({ baseUrl: "https://x", accessToken: "t", recipient: "123", transport: transport(200, "{}").fetchMock }),
    ).rejects.toThrow(/SIRET/);
  });
});
