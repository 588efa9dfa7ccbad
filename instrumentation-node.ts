import { env, EnvError } from "@/lib/platform/env";

try {
  env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

