import { faultOf, readFields, requestEnvelope } from "./soap";

/**
 * The PayFiP web service (DGFiP): `creerPaiementSecurise` gives an idOp the payer takes to PayFiP's page;
 * `recupererDetailPaiementSecurise(idOp)` tells what happened. The transport is `fetch`, replaced in tests.
 */
export type Saisie = "T" | "X" | "W";

export interface CreatePaymentRequest {
  /** 6 digits given by the DGFiP to the régie. */
  numcli: string;
  /** The year of the debt. */
  exer: string;
  /** The debt's reference: 1 to 30 letters or digits. */
  refdet: string;
  /** Cents, from 100 (1 €) to 10,000,000 (100,000 €). */
  montant: number;
  mel: string;
  /** Letters, digits and spaces, 100 at most. */
  objet: string;
  saisie: Saisie;
  urlnotif: string;
  urlredirect: string;
}

export type PaymentResult = "P" | "V" | "R" | "Z" | "A";

export type PaymentDetail =
  | {
      kind: "result";
      resultrans: PaymentResult;
      montant: number;
      refdet: string;
      numcli: string;
      numauto: string | null;
      dattrans: string | null;
      heurtrans: string | null;
    }
  /** P5: the operation is still in progress (the payer has not finished). */
  | { kind: "pending" }
  /** P1 or other: unknown to PayFiP (expired and cleaned up, or never created). */
  | { kind: "unknown"; code: string };

export class PayfipError extends Error {
  override name = "PayfipError";
  constructor(
    message: string,
    public readonly code: string | null = null,
  ) {
    super(message);
  }
}

export function validateCreateRequest(request: CreatePaymentRequest): string | null {
  if (!/^\d{6}$/.test(request.numcli)) return "numcli";
  if (!/^\d{4}$/.test(request.exer)) return "exer";
  if (!/^[A-Za-z0-9]{1,30}$/.test(request.refdet)) return "refdet";
  if (!Number.isSafeInteger(request.montant) || request.montant < 100 || request.montant > 10_000_000) return "montant";
  if (request.mel.length < 6 || request.mel.length > 80 || !request.mel.includes("@")) return "mel";
  if (!/^[A-Za-z0-9 ]{1,100}$/.test(request.objet)) return "objet";
  if (!["T", "X", "W"].includes(request.saisie)) return "saisie";
  return null;
}

/** PayFiP's `objet`: letters, digits and spaces only (accents removed), 100 characters at most. */
export function payfipObject(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}

export class PayfipClient {
  constructor(
    private readonly baseUrl: string,
    private readonly transport: typeof fetch = fetch,
  ) {}

  /** The page the payer is sent to. */
  paymentPageUrl(idOp: string): string {
    return `${this.baseUrl}/tpa/paiementws.web?idop=${encodeURIComponent(idOp)}`;
  }

  private async call(operation: string, fields: Record<string, string>): Promise<string> {
    let response: Response;
    try {
      response = await this.transport(`${this.baseUrl}/tpa/services/securite`, {
        method: "POST",
        headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""' },
        body: requestEnvelope(operation, fields),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new PayfipError(`PayFiP unreachable (${error instanceof Error ? error.name : "error"})`);
    }
    const text = await response.text();
    if (!response.ok && !faultOf(text)) throw new PayfipError(`PayFiP answered HTTP ${response.status}`);
    return text;
  }

  async createPayment(request: CreatePaymentRequest): Promise<string> {
    const invalid = validateCreateRequest(request);
    if (invalid) throw new PayfipError(`invalid field ${invalid}`, "CHAMP");
    const xml = await this.call("creerPaiementSecurise", {
      exer: request.exer,
      mel: request.mel,
      montant: String(request.montant),
      numcli: request.numcli,
      objet: request.objet,
      refdet: request.refdet,
      saisie: request.saisie,
      urlnotif: request.urlnotif,
      urlredirect: request.urlredirect,
    });
    const fault = faultOf(xml);
    if (fault) throw new PayfipError(`creerPaiementSecurise refused: ${fault.code}`, fault.code);
    const idOp = readFields(xml).idOp;
    if (!idOp) throw new PayfipError("creerPaiementSecurise gave no idOp");
    return idOp;
  }

  async paymentDetail(idOp: string): Promise<PaymentDetail> {
    const xml = await this.call("recupererDetailPaiementSecurise", { idOp });
    const fault = faultOf(xml);
    if (fault) return fault.code === "P5" ? { kind: "pending" } : { kind: "unknown", code: fault.code };
    const fields = readFields(xml);
    const resultrans = fields.resultrans;
    if (!resultrans || !["P", "V", "R", "Z", "A"].includes(resultrans))
      throw new PayfipError("recupererDetailPaiementSecurise gave no known resultrans");
    if (fields.idOp !== undefined && fields.idOp !== idOp)
      throw new PayfipError("recupererDetailPaiementSecurise answered for another idOp");
    return {
      kind: "result",
      resultrans: resultrans as PaymentResult,
      montant: Number(fields.montant),
      refdet: fields.refdet ?? "",
      numcli: fields.numcli ?? "",
      numauto: fields.numauto || null,
      dattrans: fields.dattrans || null,
      heurtrans: fields.heurtrans || null,
    };
  }
}
