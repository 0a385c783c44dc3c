import { GERMAN_PHRASES } from "./german-words.js";

/**
 * Cuts text to at most `maxChars` UTF-16 code units (what `.length` and most gate checks count)
 * at a word boundary and marks the cut with "…". Text that fits is returned unchanged. A single
 * word longer than the limit (German compounds can be) is cut inside the word rather than
 * dropped; surrogate pairs are never split.
 *
 * @example
 * truncateAtWord("Der Bundestag berät den Haushalt", 20); // "Der Bundestag berät…"
 */
export function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const budget = maxChars - GERMAN_PHRASES.ellipsis.length;
  let room = "";
  for (const char of text) {
    if (room.length + char.length > budget) break;
    room += char;
  }
  const endsAtBoundary = /\s/.test(text.charAt(room.length));
  const lastSpace = room.lastIndexOf(" ");
  const cut = endsAtBoundary || lastSpace < room.length / 2 ? room : room.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:–—-]+$/u, "")}${GERMAN_PHRASES.ellipsis}`;
}
