import "server-only";

/** Quotient familial: the public entry used by pages, actions and the FranceConnect sign-in. */
export { QUOTIENT_CONSENT_COOKIE, quotientConsentCookie, expiredQuotientConsentCookie, readQuotientConsent } from "./consent";
export {
  quotientOverview,
  retrieveQuotientWithFranceConnect,
  answerRetrievedQuotient,
  submitAttestation,
  listAttestationsToReview,
  validateAttestation,
  rejectAttestation,
  attestationForStaff,
} from "./service";
export { QUOTIENT_RESULT_COOKIE } from "./result";
export { shareQuotientAfterFranceConnect } from "./franceconnect";
