import "server-only";
import { town } from "@/lib/platform/town";
import type { ChildFileSchemaOptions } from "./schemas";

/** The town's lists the form and its schema need (passed to the client form as props). */
export function schemaOptions(): ChildFileSchemaOptions {
  const config = town().childFile;
  return {
    diets: config.diets.map((diet) => diet.code),
    authorisations: config.authorisations.map(({ code, title, withAge, withActivities }) => ({ code, title, withAge, withActivities })),
  };
}
