import "server-only";

/** The public entry of billing (issue #17): what routes, pages and other features use. */
export { computeDraft, correctDraftLine, publishRun, listRuns, getRunForReview, nextNumber, type BillableSource } from "./runs";
export { startOnlinePayment, settleOnlinePayment } from "./online-payment";
export { billingReminderJob } from "./jobs";
export { collectBillableItems } from "./collector";
export type { BillableItem, BillableStateCode } from "./types";
export { QUOTIENT_RESULT_COOKIE, shareQuotientAfterFranceConnect } from "./quotient";
