/**
 * API Particulier v3, quotient familial with FranceConnect: `GET /v3/dss/quotient_familial/france_connect
 * ?recipient=<SIRET>` with the parent's FranceConnect access token as Bearer. The token is used for this call
 * only: never stored, never logged. The transport is `fetch`, replaced in tests.
 */
export interface QuotientFromApi {
  provider: "CNAF" | "MSA";
  value: number;
  /** "2026-11": the month the quotient is given for. */
  referenceMonth: string;
  computedMonth: string | null;
  allocataires: { nom_naissance: string | null; nom_usage: string | null; prenoms: string | null }[];
  enfants: { nom_naissance: string | null; prenoms: string | null; date_naissance: string | null }[];
}

export class ApiParticulierError extends Error {
  override name = "ApiParticulierError";
  constructor(
    message: string,
    /** "introuvable": no quotient for this person; "refus": token or rights refused; "indisponible": anything else. */
    public readonly reason: "introuvable" | "refus" | "indisponible",
  ) {
    super(message);
  }
}

interface RawAnswer {
  data?: {
    quotient_familial?: {
      fournisseur?: string;
      valeur?: number;
      annee?: number;
      mois?: number;
      annee_calcul?: number | null;
      mois_calcul?: number | null;
    };
    allocataires?: { nom_naissance?: string | null; nom_usage?: string | null; prenoms?: string | null }[];
    enfants?: { nom_naissance?: string | null; prenoms?: string | null; date_naissance?: string | null }[];
  };
}

const month = (year: number | null | undefined, monthNumber: number | null | undefined) =>
  year && monthNumber ? `${year}-${String(monthNumber).padStart(2, "0")}` : null;

export async function fetchQuotientFamilial({
  baseUrl,
  accessToken,
  recipient,
  transport = fetch,
}: {
  baseUrl: string;
  accessToken: string;
  recipient: string;
  transport?: typeof fetch;
}): Promise<QuotientFromApi> {
  if (!/^\d{14}$/.test(recipient)) throw new ApiParticulierError("recipient must be a SIRET", "indisponible");
  const url = new URL("/v3/dss/quotient_familial/france_connect", baseUrl);
  url.searchParams.set("recipient", recipient);
  let response: Response;
  try {
    response = await transport(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ApiParticulierError(`API Particulier unreachable (${error instanceof Error ? error.name : "error"})`, "indisponible");
  }
  if (response.status === 404) throw new ApiParticulierError("no quotient familial for this person", "introuvable");
  if (response.status === 401 || response.status === 403)
    throw new ApiParticulierError(`API Particulier refused the call (${response.status})`, "refus");
  if (!response.ok) throw new ApiParticulierError(`API Particulier answered ${response.status}`, "indisponible");
  const body = (await response.json().catch(() => null)) as RawAnswer | null;
  const quotient = body?.data?.quotient_familial;
  if (
    !quotient ||
    typeof quotient.valeur !== "number" ||
    !Number.isSafeInteger(quotient.valeur) ||
    quotient.valeur < 0 ||
    (quotient.fournisseur !== "CNAF" && quotient.fournisseur !== "MSA")
  ) {
    throw new ApiParticulierError("API Particulier's answer lacks a quotient familial", "indisponible");
  }
  const referenceMonth = month(quotient.annee, quotient.mois);
  if (!referenceMonth) throw new ApiParticulierError("API Particulier's answer lacks the month", "indisponible");
  return {
    provider: quotient.fournisseur,
    value: quotient.valeur,
    referenceMonth,
    computedMonth: month(quotient.annee_calcul, quotient.mois_calcul),
    allocataires: (body?.data?.allocataires ?? []).map((person) => ({
      nom_naissance: person.nom_naissance ?? null,
      nom_usage: person.nom_usage ?? null,
      prenoms: person.prenoms ?? null,
    })),
    enfants: (body?.data?.enfants ?? []).map((child) => ({
      nom_naissance: child.nom_naissance ?? null,
      prenoms: child.prenoms ?? null,
      date_naissance: child.date_naissance ?? null,
    })),
  };
}
