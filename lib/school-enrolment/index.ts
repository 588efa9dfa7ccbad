import "server-only";

/** Public entry of the school-enrolment feature (carte scolaire, enrolment requests). */
export { lookupAddress, streetNames, type AddressLookup, type SchoolContact } from "./carte";
export { schoolRequestPage } from "./requests";
export { certificateFor } from "./certificate";
export { enrolledChildren, getSchoolRequest, headcounts, listSchoolRequests, readSchoolRequestDocument } from "./review";
