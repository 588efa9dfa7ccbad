import { PayfipClient, PayfipError, payfipObject, type CreatePaymentRequest } from "@/lib/billing/payfip/client";
import { faultEnvelope, readFields, responseEnvelope } from "@/lib/billing/payfip/soap";

/** The real PayFiP client against a mocked transport: what it sends, and how it reads each answer. */
const request: CreatePaymentRequest = {
  numcli: "012345",
  exer: "2026",
  refdet: "ENF202600001",
  montant: 4250,
  mel: "parent@example.org",
  objet: "Facture ENF 2026 00001 novembre 2026",
  saisie: "T",
  urlnotif: "https://portail.example/api/paiement/payfip/notification",
  urlredirect: "https://portail.example/espace/factures/paiement/retour",
};

function transport(answer: string, status = 200) {
  const calls: { url: string; body: string }[] = [];
  const fetchMock = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), body: String(init?.body) });
    return new Response(answer, { status, headers: { "content-type": "text/xml" } });
  });
  return { calls, fetchMock: fetchMock as unknown as typeof fetch };
}

describe("PayfipClient", () => {
  it("sends creerPaiementSecurise with every field and reads the idOp", async () => {
    const { calls, fetchMock } = transport(responseEnvelope("creerPaiementSecurise", { idOp: "abc123" }));
    const client = new PayfipClient("https://www.payfip.gouv.fr", fetchMock);
    expect(await client.createPayment(request)).toBe("abc123");
    expect(calls[0]?.url).toBe("https://www.payfip.gouv.fr/tpa/services/securite");
    expect(calls[0]?.body).toContain("<pai:creerPaiementSecurise><arg0>");
    expect(readFields(calls[0]!.body)).toMatchObject({
      numcli: "012345",
      exer: "2026",
      refdet: "ENF202600001",
      montant: "4250",
      saisie: "T",
      mel: "parent@example.org",
    });
    expect(client.paymentPageUrl("abc123")).toBe("https://www.payfip.gouv.fr/tpa/paiementws.web?idop=abc123");
  });

  it("refuses invalid fields before calling PayFiP", async () => {
    const { fetchMock } = transport("");
    const client = new PayfipClient("https://x", fetchMock);
    for (const wrong of [
      { numcli: "12" },
      { refdet: "ENF-2026" },
      { montant: 99 },
      { montant: 10_000_001 },
      { objet: "Facture n°1" },
      { mel: "a@b" },
    ]) {
      await expect(client.createPayment({ ...request, ...wrong })).rejects.toThrow(PayfipError);
    }
    expect(fetchMock).not.toHaveBeenCalled();
    expect(payfipObject("Facture ENF-2026-00001 – février 2026")).toBe("Facture ENF 2026 00001 fevrier 2026");
  });

  it("reads results, P5 (in progress) and P1 (unknown) from recupererDetailPaiementSecurise", async () => {
    const result = responseEnvelope("recupererDetailPaiementSecurise", {
      idOp: "abc",
      montant: "4250",
      refdet: "ENF202600001",
      numcli: "012345",
      resultrans: "P",
      numauto: "A1B2",
      dattrans: "03122026",
      heurtrans: "1012",
    });
    expect(await new PayfipClient("https://x", transport(result).fetchMock).paymentDetail("abc")).toMatchObject({
      kind: "result",
      resultrans: "P",
      montant: 4250,
      numauto: "A1B2",
    });
    expect(
      await new PayfipClient("https://x", transport(faultEnvelope("P5", "Transaction en cours"), 500).fetchMock).paymentDetail("abc"),
    ).toEqual({ kind: "pending" });
    expect(
      await new PayfipClient("https://x", transport(faultEnvelope("P1", "IdOp incorrect"), 500).fetchMock).paymentDetail("abc"),
    ).toEqual({ kind: "unknown", code: "P1" });
    const other = responseEnvelope("recupererDetailPaiementSecurise", { idOp: "zzz", montant: "1", refdet: "X", resultrans: "P" });
    await expect(new PayfipClient("https://x", transport(other).fetchMock).paymentDetail("abc")).rejects.toThrow(/another idOp/);
  });

  it("turns an unreachable service or an HTTP error into a PayfipError", async () => {
    const failing = jest.fn(async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    await expect(new PayfipClient("https://x", failing).createPayment(request)).rejects.toThrow(PayfipError);
    await expect(new PayfipClient("https://x", transport("<html>", 502).fetchMock).paymentDetail("abc")).rejects.toThrow(/HTTP 502/);
    await expect(
      new PayfipClient("https://x", transport(faultEnvelope("R3", "refdet"), 500).fetchMock).createPayment(request),
    ).rejects.toMatchObject({ code: "R3" });
  });
});
