import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStore } from "./types";

/**
 * The local stand-in for UploadThing: a private folder outside public/, never served by Next's static
 * file server. Keys are random UUIDs, so nothing a user typed ever becomes part of a path.
 */
export function localFileStore(root: string): FileStore {
  const directory = path.resolve(root);
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error("Invalid storage key");
    return path.join(directory, key.slice(0, 2), key);
  };
  return {
    provider: "LOCAL",
    async put({ bytes }) {
      const key = randomUUID();
      const file = pathOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, bytes, { mode: 0o600, flag: "wx" });
      return key;
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
