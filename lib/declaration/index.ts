// Public entry of the family declaration: server code only (its schemas are in ./schemas).
export * from "./people";
export { decodeDeclarationPeople } from "./stored";
