import type { Metadata, Viewport } from "next";
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
 * Reads no request header: pages that need nothing of the request are prerendered at build time and served
 * from cache under a CSP made of their inline scripts' hashes; the others get a nonce from proxy.ts, which
 * Next puts on its own scripts. The town's colours are one inline style allowed by its hash on every page.
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr" className={inter.variable}>
      <head>
        <style>{townStyleSheet(town().colours)}</style>
      </head>
      <body className="flex min-h-screen flex-col font-sans">{children}</body>
    </html>
  );
}
