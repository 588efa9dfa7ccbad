// Public entry of the parent's document storage: server code only (file rules are in ./schemas).
export * from "./service";
