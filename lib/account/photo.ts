import "server-only";
import sharp from "sharp";
import { sniffMediaType } from "@/lib/platform/storage/sniff";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** 24 megapixels: any phone's photo; a "decompression bomb" of 100 MP in a small file is refused before decoding. */
export const PHOTO_MAX_PIXELS = 24_000_000;

export type PhotoResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * An identity photo: an image (checked from its bytes), at most 5 MB, re-encoded on the server
 * as a JPEG of at most 600 × 600 px. Re-encoding drops metadata (GPS position, camera) and
 * anything hidden in the file.
 */
export async function reencodePhoto(file: File): Promise<PhotoResult> {
  if (file.size === 0) return { ok: false, message: "Le fichier de la photo est vide." };
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, message: "La photo ne doit pas dépasser 5 Mo." };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffMediaType(bytes);
  if (!type || type === "application/pdf") return { ok: false, message: "La photo doit être une image JPEG, PNG ou WebP." };
  try {
    const output = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: "error" })
      .rotate()
      .resize(600, 600, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    return { ok: true, bytes: new Uint8Array(output) };
  } catch {
    return { ok: false, message: "Cette image est illisible ou endommagée : choisissez un autre fichier." };
  }
}
