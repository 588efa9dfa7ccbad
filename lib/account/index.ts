// Public entry of the parent account feature: server code only.
export * from "./draft";
