import { fillerParagraphs } from "../filler";

// The static floor: prerendered at build time, served from Next's cache.
export const dynamic = "force-static";

export default function StaticPage() {
  return (
    <main>
      <h1>Page statique</h1>
      {fillerParagraphs().map((text) => (
        <p key={text}>{text}</p>
      ))}
    </main>
  );
}
