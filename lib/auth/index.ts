// Public entry of sign-in and sessions (parents, staff, FranceConnect): server code only.
export * from "./closed-login";
export * from "./config";
export * from "./franceconnect-signup";
export * from "./return-path";
export * from "./session";
export * from "./staff-provider";
export * from "./staff-sign-in";
export * from "./session-token";
