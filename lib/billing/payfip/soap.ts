/**
 * PayFiP's SOAP messages (DGFiP web service "PaiementSecuriseService"), built and read by hand: two operations,
 * flat string fields. Shared by the client and the local stand-in's tests.
 */
export const PAYFIP_NAMESPACE =
  "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";

export function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function requestEnvelope(operation: string, fields: Record<string, string>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pai="${PAYFIP_NAMESPACE}"><soapenv:Header/><soapenv:Body><pai:${operation}><arg0>${body}</arg0></pai:${operation}></soapenv:Body></soapenv:Envelope>`;
}

function unescapeXml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text of each simple element `<name>value</name>` (prefixes ignored), first occurrence wins. */
export function readFields(xml: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of xml.matchAll(/<(?:[A-Za-z0-9_]+:)?([A-Za-z0-9_]+)>([^<]*)<\/(?:[A-Za-z0-9_]+:)?\1>/g)) {
    const [, name, value] = match;
    if (name && !(name in fields)) fields[name] = unescapeXml(value ?? "");
  }
  return fields;
}

/** The operation a request envelope calls. */
export function operationOf(xml: string): string | null {
  return /<(?:[A-Za-z0-9_]+:)?(creerPaiementSecurise|recupererDetailPaiementSecurise|recupererDetailClient)[\s>]/.exec(xml)?.[1] ?? null;
}

/** A functional error as PayFiP returns it: a SOAP fault whose detail holds FonctionnelleErreur{code, libelle}. */
export function faultOf(xml: string): { code: string; label: string } | null {
  if (!/Fault>/.test(xml)) return null;
  const detail = /FonctionnelleErreur[^>]*>([\s\S]*?)<\/(?:[A-Za-z0-9_]+:)?FonctionnelleErreur>/.exec(xml)?.[1] ?? "";
  const fields = readFields(detail);
  return { code: fields.code ?? "ERREUR", label: fields.libelle ?? fields.descriptif ?? readFields(xml).faultstring ?? "" };
}

export function responseEnvelope(operation: string, fields: Record<string, string>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:${operation}Response xmlns:ns2="${PAYFIP_NAMESPACE}"><return>${body}</return></ns2:${operation}Response></S:Body></S:Envelope>`;
}

export function faultEnvelope(code: string, label: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>S:Server</faultcode><faultstring>${escapeXml(label)}</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2="${PAYFIP_NAMESPACE}"><code>${escapeXml(code)}</code><descriptif>${escapeXml(label)}</descriptif><libelle>${escapeXml(label)}</libelle></ns2:FonctionnelleErreur></detail></S:Fault></S:Body></S:Envelope>`;
}
