// Public entry of the staff accounts feature: server code only.
export * from "./session";
