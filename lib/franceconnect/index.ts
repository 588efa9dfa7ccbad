// Public entry of FranceConnect (OIDC provider, identity claims, logout): server code only.
export * from "./accounts";
export * from "./auth";
export * from "./callback";
export * from "./claims";
export * from "./config";
export * from "./failures";
export * from "./logout";
export * from "./tickets";
