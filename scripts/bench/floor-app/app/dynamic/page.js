import { headers } from "next/headers";
import { fillerParagraphs } from "../../filler";

// The dynamic floor: rendered per request with the proxy's nonce, as the portal's pages are.
export default async function DynamicPage() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <main>
      <style nonce={nonce}>{":root{--floor:#1d4f91}"}</style>
      <h1>Page dynamique</h1>
      {fillerParagraphs().map((text) => (
        <p key={text}>{text}</p>
      ))}
    </main>
  );
}
