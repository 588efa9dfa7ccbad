import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { inter } from "@/components/layout/fonts";
import { town } from "@/lib/platform/town";
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

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const { colours } = town();
  // The town's colours become CSS variables; a nonce lets this one inline style pass the CSP.
  const townStyle = `:root{--town-primary:${colours.primary};--town-primary-dark:${colours.primaryDark};--town-accent:${colours.accent};--town-accent-text:${colours.accentText}}`;
  return (
    <html lang="fr" className={inter.variable}>
      <head>
        <style nonce={nonce}>{townStyle}</style>
      </head>
      <body className="flex min-h-screen flex-col font-sans">{children}</body>
    </html>
  );
}
