import "server-only";

/**
 * The child-file feature's public entry (issue #15): what reservations, school enrolment and billing use.
 * Other features import from "@/lib/child-file" only, never from its files.
 */
export { missingPrerequisites, type Prerequisite, type Requirements } from "./prerequisites";
export { validDocument } from "./documents";
export { healthFlags, pickupInfo, type HealthFlags, type PickupInfo } from "./flags";
export { authorizeHealthReader } from "./access";
export { exportChildFiles, eraseChildFilesAtClosure, purgeChildFiles } from "./privacy";
export { documentMetaFromForm, storageKindOptions } from "./storage";
export { validUntilFor } from "./rules";
