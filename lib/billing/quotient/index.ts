import "server-only";

/** Quotient familial: the public entry used by pages, actions and the FranceConnect sign-in. */
export { QUOTIENT_CONSENT_COOKIE, quotientConsentCookie, expiredQuotientConsentCookie, readQuotientConsent } from "./consent";
export { quotientOverview, retrieveQuotientWithFranceConnect, answerRetrievedQuotient, submitAttestation, listAttestationsToReview, validateAttestation, rejectAttestation, attestationForStaff } from "./service";

/** What the last FranceConnect retrieval gave, for the page ("retrieved", "introuvable", "indisponible"). */
export const QUOTIENT_RESULT_COOKIE = "ef_qf_resultat";
