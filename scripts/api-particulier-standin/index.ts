/**
 * A local API Particulier (v3) answering the quotient familial with FranceConnect, with the real answer's
 * shape, for development and tests. Any Bearer token is a person of the test data: the default answers a
 * CNAF quotient of 812 €; a token containing "sans-qf" answers 404 (no quotient known), "msa" an MSA one.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiParticulierStandin {
  url: string;
  calls: { recipient: string | null; hadToken: boolean }[];
  stop(): Promise<void>;
}

function json(status: number, body: unknown) {
  return { status, body: JSON.stringify(body) };
}

export function standinAnswer(token: string, recipient: string | null, now = new Date()) {
  if (!token)
    return json(401, { errors: [{ code: "50001", title: "Jeton d'accès manquant", detail: "Le jeton FranceConnect est absent." }] });
  if (!recipient || !/^\d{14}$/.test(recipient))
    return json(400, {
      errors: [
        {
          code: "00202",
          title: "Paramètre recipient invalide",
          detail: "Le SIRET du destinataire est invalide.",
          source: { parameter: "recipient" },
        },
      ],
    });
  if (token.includes("sans-qf"))
    return json(404, {
      errors: [
        { code: "37003", title: "Dossier allocataire absent", detail: "Le dossier allocataire n'a pas été trouvé auprès de la CNAF." },
      ],
    });
  const msa = token.includes("msa");
  return json(200, {
    data: {
      allocataires: [
        { nom_naissance: "DUBOIS", nom_usage: null, prenoms: "ANGELA CLAIRE LOUISE", date_naissance: "1962-08-24", sexe: "F" },
      ],
      enfants: [{ nom_naissance: "DUBOIS", nom_usage: null, prenoms: "LEA", date_naissance: "2016-02-11", sexe: "F" }],
      adresse: {
        destinataire: "Madame DUBOIS ANGELA",
        complement_information: null,
        complement_information_geographique: null,
        numero_libelle_voie: "1 RUE DE LA MAIRIE",
        lieu_dit: null,
        code_postal_ville: "33560 CARBON-BLANC",
        pays: "FRANCE",
      },
      quotient_familial: {
        fournisseur: msa ? "MSA" : "CNAF",
        valeur: msa ? 640 : 812,
        annee: now.getUTCFullYear(),
        mois: now.getUTCMonth() + 1,
        annee_calcul: now.getUTCFullYear(),
        mois_calcul: now.getUTCMonth() + 1,
      },
    },
    links: {},
    meta: {},
  });
}

export async function startApiParticulierStandin({
  host = "127.0.0.1",
  port = 0,
}: { host?: string; port?: number } = {}): Promise<ApiParticulierStandin> {
  const calls: ApiParticulierStandin["calls"] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://standin");
    if (request.method !== "GET" || url.pathname !== "/v3/dss/quotient_familial/france_connect") {
      response
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ errors: [{ code: "00404", title: "Route introuvable" }] }));
      return;
    }
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    const recipient = url.searchParams.get("recipient");
    calls.push({ recipient, hadToken: token.length > 0 });
    const answer = standinAnswer(token, recipient);
    response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
