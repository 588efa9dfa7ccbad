/**
 * Why a FranceConnect sign-in did not succeed, as shown on /connexion/franceconnect?erreur=<reason>.
 * Every failure lands there; nothing is created or changed before the whole response is verified.
 */
export const FAILURE_REASONS = [
  "annulee",
  "refusee",
  "session",
  "code-expire",
  "signature",
  "verification",
  "niveau",
  "identite",
  "indisponible",
  "compte-inactif",
  "deja-associee",
  "inconnue",
] as const;

export type FailureReason = (typeof FAILURE_REASONS)[number];

export const failureMessages: Record<FailureReason, { title: string; explanation: string }> = {
  annulee: {
    title: "Vous avez annulé la connexion avec FranceConnect",
    explanation: "Vous êtes revenu sur l'Espace Famille sans vous identifier auprès de FranceConnect.",
  },
  refusee: {
    title: "FranceConnect a refusé la demande de connexion",
    explanation: "FranceConnect n'a pas accepté la demande de connexion de l'Espace Famille.",
  },
  session: {
    title: "Cette demande de connexion n'est plus valable",
    explanation:
      "La demande de connexion a expiré ou a déjà servi, par exemple après un retour en arrière, un rechargement de la page ou une connexion commencée dans un autre onglet.",
  },
  "code-expire": {
    title: "La réponse de FranceConnect a expiré",
    explanation: "La réponse de FranceConnect n'a pas pu être utilisée à temps : elle n'est valable que quelques secondes.",
  },
  signature: {
    title: "La réponse de FranceConnect n'a pas pu être vérifiée",
    explanation: "La signature des informations transmises par FranceConnect n'est pas valable. Par sécurité, la connexion a été refusée.",
  },
  verification: {
    title: "La réponse de FranceConnect n'a pas pu être vérifiée",
    explanation: "La réponse reçue ne correspond pas à la demande de connexion envoyée. Par sécurité, la connexion a été refusée.",
  },
  niveau: {
    title: "Le niveau de sécurité de la connexion est insuffisant",
    explanation: "FranceConnect n'a pas confirmé le niveau de sécurité demandé par l'Espace Famille (eIDAS faible au minimum).",
  },
  identite: {
    title: "Les informations transmises par FranceConnect sont incomplètes",
    explanation:
      "Il manque à votre identité FranceConnect des informations nécessaires à l'Espace Famille (nom, prénoms, date de naissance ou sexe).",
  },
  indisponible: {
    title: "FranceConnect ne répond pas pour le moment",
    explanation: "Le service FranceConnect n'a pas pu être joint. Réessayez dans quelques minutes.",
  },
  "compte-inactif": {
    title: "Votre compte n'est pas ouvert",
    explanation:
      "Le compte associé à votre identité FranceConnect est fermé ou suspendu. Contactez le service Enfance pour plus d'informations.",
  },
  "deja-associee": {
    title: "Cette identité FranceConnect est déjà associée à un autre compte",
    explanation:
      "Une identité FranceConnect ne peut être associée qu'à un seul compte de l'Espace Famille. Connectez-vous avec FranceConnect pour accéder au compte auquel elle est associée.",
  },
  inconnue: {
    title: "La connexion avec FranceConnect n'a pas abouti",
    explanation: "Une erreur inattendue s'est produite pendant la connexion avec FranceConnect.",
  },
};

export function parseFailureReason(value: unknown): FailureReason | null {
  return typeof value === "string" && (FAILURE_REASONS as readonly string[]).includes(value) ? (value as FailureReason) : null;
}

export function failurePath(reason: FailureReason): string {
  return `/connexion/franceconnect?erreur=${reason}`;
}

/** A failure our own checks detected; its reason survives Auth.js's wrapping (CallbackRouteError, AccessDenied). */
export class FranceConnectFailure extends Error {
  override name = "FranceConnectFailure";
  constructor(
    public readonly reason: FailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Names the failure behind an error thrown during Auth.js's callback handling: Auth.js wraps the original
 * error (oauth4webapi's, or ours) in `cause.err` or `cause`.
 */
export function classifyFailure(error: unknown): FailureReason {
  for (const candidate of causeChain(error)) {
    if (candidate instanceof FranceConnectFailure) return candidate.reason;
    const { name, type, code, message } = candidate as { name?: string; type?: string; code?: string; message?: string };
    const errorCode = (candidate as { error?: unknown }).error;
    if (type === "InvalidCheck" || name === "InvalidCheck") return "session";
    if (typeof message === "string" && message.includes('"state"')) return "session";
    if (code === "OAUTH_RESPONSE_BODY_ERROR" && errorCode === "invalid_grant") return "code-expire";
    if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" || code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED" || code === "OAUTH_INVALID_RESPONSE") {
      return "verification";
    }
    if (code === "OAUTH_RESPONSE_BODY_ERROR") return "refusee";
    if (isNetworkFailure(candidate)) return "indisponible";
  }
  return "inconnue";
}

/** For the log: the innermost message, where the actual cause is named (Auth.js's own only links to its docs). */
export function describeFailure(error: unknown): string {
  const messages = causeChain(error)
    .map((candidate) => (candidate as { message?: unknown }).message)
    .filter((message): message is string => typeof message === "string" && message !== "" && !message.startsWith("Read more at"));
  return messages.at(-1) ?? String(error);
}

const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

function isNetworkFailure(error: object): boolean {
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  if (name === "AbortError" || name === "TimeoutError") return true;
  if (code && (NETWORK_ERROR_CODES.has(code) || code.startsWith("UND_ERR_"))) return true;
  return name === "TypeError" && message === "fetch failed";
}

function causeChain(error: unknown): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && !chain.includes(current) && chain.length < 10) {
    chain.push(current);
    const cause: unknown = (current as { cause?: unknown }).cause;
    current = cause && typeof cause === "object" && "err" in cause ? (cause as { err: unknown }).err : cause;
  }
  return chain;
}
