/**
 * A local PayFiP (DGFiP) for development and tests, speaking the real protocol: the SOAP web service at
 * /tpa/services/securite (creerPaiementSecurise, recupererDetailPaiementSecurise) and the payment page at
 * /tpa/paiementws.web?idop=… where a test payer pays by card, has the card refused or gives up. The result is
 * notified to urlnotif (POST idop=…) and the payer sent back to urlredirect, as PayFiP does. An operation
 * without a result answers P5 for 15 minutes, then P1 (as after PayFiP's clean-up). Test mode only (saisie T).
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validateCreateRequest, type CreatePaymentRequest } from "../../lib/billing/payfip/client";
import { escapeXml, faultEnvelope, operationOf, readFields, responseEnvelope } from "../../lib/billing/payfip/soap";

export const OPERATION_LIFETIME_MS = 15 * 60_000;

export interface StandinOperation {
  idOp: string;
  request: CreatePaymentRequest;
  createdAt: number;
  result: { resultrans: "P" | "V" | "R" | "Z" | "A"; numauto: string; dattrans: string; heurtrans: string } | null;
  notifications: number;
}

export interface PayfipStandin {
  url: string;
  operations: Map<string, StandinOperation>;
  /** Test helpers: decide an operation without the page, notify (again), age it past its lifetime. */
  decide(idOp: string, resultrans: "P" | "V" | "R" | "Z" | "A", notify?: boolean): Promise<void>;
  notify(idOp: string): Promise<number>;
  age(idOp: string, ms: number): void;
  stop(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 100_000) request.destroy();
    });
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

function euros(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")} €`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)} – PayFiP (doublure de test)</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#161616}header{background:#000091;color:#fff;padding:1rem}main{max-width:32rem;margin:auto;padding:1rem}button{display:block;width:100%;margin:.5rem 0;padding:.8rem;font-size:1rem;border-radius:.3rem;border:2px solid #000091;cursor:pointer}.pay{background:#000091;color:#fff}.other{background:#fff;color:#000091}dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{font-weight:bold}</style></head>
<body><header><p><strong>PayFiP</strong> – doublure locale de test (aucun paiement réel)</p></header><main>${body}</main></body></html>`;
}

export async function startPayfipStandin({
  host = "127.0.0.1",
  port = 0,
  quiet = true,
}: { host?: string; port?: number; quiet?: boolean } = {}): Promise<PayfipStandin> {
  const operations = new Map<string, StandinOperation>();
  const ageOf = (operation: StandinOperation) => Date.now() - operation.createdAt;

  async function notify(idOp: string): Promise<number> {
    const operation = operations.get(idOp);
    if (!operation) return 0;
    operation.notifications += 1;
    try {
      const response = await fetch(operation.request.urlnotif, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `idop=${encodeURIComponent(idOp)}`,
        signal: AbortSignal.timeout(10_000),
      });
      return response.status;
    } catch (error) {
      if (!quiet) console.warn(`[payfip-standin] notification failed: ${error instanceof Error ? error.message : error}`);
      return 0;
    }
  }

  function decideNow(operation: StandinOperation, resultrans: "P" | "V" | "R" | "Z" | "A") {
    const now = new Date();
    operation.result = {
      resultrans,
      numauto: resultrans === "P" || resultrans === "V" ? randomBytes(3).toString("hex").toUpperCase() : "",
      dattrans: `${String(now.getDate()).padStart(2, "0")}${String(now.getMonth() + 1).padStart(2, "0")}${now.getFullYear()}`,
      heurtrans: `${String(now.getHours()).padStart(2, "0")}${String(now.getMinutes()).padStart(2, "0")}`,
    };
  }

  function soap(body: string): { status: number; xml: string } {
    const operation = operationOf(body);
    const fields = readFields(body);
    if (operation === "creerPaiementSecurise") {
      const request: CreatePaymentRequest = {
        numcli: fields.numcli ?? "",
        exer: fields.exer ?? "",
        refdet: fields.refdet ?? "",
        montant: Number(fields.montant),
        mel: fields.mel ?? "",
        objet: fields.objet ?? "",
        saisie: (fields.saisie ?? "") as CreatePaymentRequest["saisie"],
        urlnotif: fields.urlnotif ?? "",
        urlredirect: fields.urlredirect ?? "",
      };
      const invalid = validateCreateRequest(request);
      if (invalid) return { status: 500, xml: faultEnvelope("R3", `Le champ ${invalid} est invalide`) };
      if (request.saisie !== "T") return { status: 500, xml: faultEnvelope("A2", "La doublure ne connaît que le mode test (T)") };
      const idOp = randomBytes(16).toString("hex");
      operations.set(idOp, { idOp, request, createdAt: Date.now(), result: null, notifications: 0 });
      return { status: 200, xml: responseEnvelope("creerPaiementSecurise", { idOp }) };
    }
    if (operation === "recupererDetailPaiementSecurise") {
      const found = operations.get(fields.idOp ?? "");
      if (!found || (!found.result && ageOf(found) > OPERATION_LIFETIME_MS))
        return { status: 500, xml: faultEnvelope("P1", "IdOp incorrect") };
      if (!found.result) return { status: 500, xml: faultEnvelope("P5", "Transaction en cours") };
      const { request } = found;
      return {
        status: 200,
        xml: responseEnvelope("recupererDetailPaiementSecurise", {
          dattrans: found.result.dattrans,
          exer: request.exer,
          heurtrans: found.result.heurtrans,
          idOp: found.idOp,
          mel: request.mel,
          montant: String(request.montant),
          numauto: found.result.numauto,
          numcli: request.numcli,
          objet: request.objet,
          refdet: request.refdet,
          resultrans: found.result.resultrans,
          saisie: request.saisie,
        }),
      };
    }
    return { status: 500, xml: faultEnvelope("S1", "Opération inconnue") };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://standin");
    if (url.pathname === "/tpa/services/securite" && request.method === "POST") {
      const answer = soap(await readBody(request));
      response.writeHead(answer.status, { "content-type": "text/xml; charset=utf-8" }).end(answer.xml);
      return;
    }
    if (url.pathname === "/tpa/paiementws.web" && request.method === "GET") {
      const idOp = url.searchParams.get("idop") ?? "";
      const operation = operations.get(idOp);
      if (!operation || operation.result || ageOf(operation) > OPERATION_LIFETIME_MS) {
        response
          .writeHead(410, { "content-type": "text/html; charset=utf-8" })
          .end(
            page(
              "Opération expirée",
              "<h1>Opération expirée ou inconnue</h1><p>Retournez sur le site de votre collectivité pour recommencer le paiement.</p>",
            ),
          );
        return;
      }
      const { request: payment } = operation;
      const form = (action: string, label: string, css: string) =>
        `<form method="post" action="/tpa/paiementws.web"><input type="hidden" name="idop" value="${escapeXml(idOp)}"><input type="hidden" name="action" value="${action}"><button class="${css}" type="submit">${label}</button></form>`;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        page(
          "Paiement",
          `<h1>Paiement de ${euros(payment.montant)}</h1><dl><dt>Objet</dt><dd>${escapeXml(payment.objet)}</dd><dt>Référence</dt><dd>${escapeXml(payment.refdet)}</dd><dt>Courriel</dt><dd>${escapeXml(payment.mel)}</dd></dl>
${form("pay", "Payer par carte (carte de test acceptée)", "pay")}${form("refuse", "Carte refusée (test)", "other")}${form("abandon", "Abandonner le paiement", "other")}`,
        ),
      );
      return;
    }
    if (url.pathname === "/tpa/paiementws.web" && request.method === "POST") {
      const form = new URLSearchParams(await readBody(request));
      const operation = operations.get(form.get("idop") ?? "");
      if (!operation || operation.result || ageOf(operation) > OPERATION_LIFETIME_MS) {
        response
          .writeHead(410, { "content-type": "text/html; charset=utf-8" })
          .end(page("Opération expirée", "<h1>Opération expirée ou déjà traitée</h1>"));
        return;
      }
      const action = form.get("action");
      decideNow(operation, action === "pay" ? "P" : action === "refuse" ? "R" : "A");
      await notify(operation.idOp);
      const target = new URL(operation.request.urlredirect);
      target.searchParams.set("idop", operation.idOp);
      response.writeHead(303, { location: target.toString() }).end();
      return;
    }
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Introuvable");
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!quiet) console.error(error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    operations,
    async decide(idOp, resultrans, shouldNotify = true) {
      const operation = operations.get(idOp);
      if (!operation) throw new Error(`unknown idOp ${idOp}`);
      decideNow(operation, resultrans);
      if (shouldNotify) await notify(idOp);
    },
    notify,
    age(idOp, ms) {
      const operation = operations.get(idOp);
      if (operation) operation.createdAt -= ms;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
