// Public entry of the audit journal read by administrators.
export * from "./queries";
