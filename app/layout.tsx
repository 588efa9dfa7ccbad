import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { inter } from "@/components/layout/fonts";
import { town } from "@/lib/platform/town";
import { townStyleSheet } from "@/lib/platform/town/style";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { portalName, name } = town();
  return {
    title: { default: `${portalName} – ${name}`, template: `%s – ${portalName} – ${name}` },
    description: `${portalName} de la ${name} : démarches en ligne liées à l'enfance (3 à 17 ans).`,
    robots: { index: true, follow: true },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1d4f91",
};

/**
 * Every page is rendered per request, so that proxy.ts's per-request nonce reaches Next's own inline scripts.
 * Serving some pages prerendered under a CSP of their inline scripts' hashes was tried (bench/README): Next
 * renders a prerendered page again at its first request, with other inline scripts than the HTML file the hashes
 * were read from, and the page's scripts were then blocked. The town's colours are one inline style allowed by
 * its hash on every page.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="fr" className={inter.variable}>
      <head>
        <style>{townStyleSheet(town().colours)}</style>
      </head>
      <body className="flex min-h-screen flex-col font-sans">{children}</body>
    </html>
  );
}
