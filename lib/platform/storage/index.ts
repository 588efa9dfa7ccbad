import "server-only";
import { env } from "@/lib/platform/env";
import { localFileStore } from "./local";
import { uploadThingFileStore } from "./uploadthing";
import type { FileStore } from "./types";

export type { FileStore } from "./types";

/**
 * The store for new files (UploadThing when UPLOADTHING_TOKEN is set, the private local folder otherwise),
 * or the store that holds an existing file when its provider is given.
 */
export function fileStore(provider?: "LOCAL" | "UPLOADTHING"): FileStore {
  const current = env();
  const wanted = provider ?? (current.UPLOADTHING_TOKEN ? "UPLOADTHING" : "LOCAL");
  if (wanted === "LOCAL") return localFileStore(current.FILE_STORAGE_DIR);
  if (!current.UPLOADTHING_TOKEN) throw new Error("UPLOADTHING_TOKEN is not set: files stored on UploadThing cannot be reached.");
  return uploadThingFileStore({ token: current.UPLOADTHING_TOKEN });
}
