/** Where documents live. The same code path for the local folder and UploadThing; only the adapter changes. */
export interface FileStore {
  readonly provider: "LOCAL" | "UPLOADTHING";
  /** Stores bytes and returns the key to find them again. */
  put(input: { bytes: Uint8Array; mediaType: string; fileName: string }): Promise<string>;
  /** The bytes, or null when the key is unknown. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}
