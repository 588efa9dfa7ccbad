/**
 * Text of about FLOOR_TEXT_BYTES bytes, so the floor's pages weigh what the portal's home weighs
 * (the text appears twice in the HTML: once rendered, once in React's payload).
 */
const SENTENCE = "Les inscriptions aux accueils de loisirs ouvrent le lundi à huit heures pour les vacances d'hiver. ";

export function fillerParagraphs() {
  const bytes = Number(process.env.FLOOR_TEXT_BYTES ?? "8000");
  const count = Math.max(1, Math.round(bytes / SENTENCE.length / 4));
  return Array.from({ length: count }, (_, index) => `${index + 1}. ${SENTENCE.repeat(4)}`);
}
