import "server-only";

/** Public entry of the school-enrolment feature (carte scolaire, enrolment requests). */
export { lookupAddress, streetNames, type AddressLookup, type SchoolContact } from "./carte";
