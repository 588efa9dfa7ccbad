import "server-only";
import QRCode from "qrcode";
import { town } from "@/lib/platform/town";
import { totpUri } from "./totp";

/** The enrolment QR code, drawn on the server as SVG (no script, no third-party service). */
export async function totpQrDataUrl(secret: string, login: string): Promise<string> {
  const uri = totpUri(secret, { issuer: `Espace Famille ${town().shortName}`, label: login });
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
