import { splitKeepingQuotations } from "../summarize/index.js";
import { truncateAtWord } from "./truncate-at-word.js";

/**
 * Shortens text to at most `maxChars` by keeping whole sentences from the start, so a short
 * teaser ends where the author ended a thought instead of mid-clause (a quotation of several
 * sentences counts as one, so it is never cut open). Only when even the first
 * sentence is too long is it cut at a word boundary with "…". Text that fits is unchanged. Pure.
 *
 * @example
 * truncateAtSentence("Der Landtag hat gewählt. Die Abgeordnete setzte sich knapp durch.", 30);
 * // "Der Landtag hat gewählt."
 */
export function truncateAtSentence(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let kept = "";
  for (const sentence of splitKeepingQuotations(text)) {
    const next = kept === "" ? sentence : `${kept} ${sentence}`;
    if (next.length > maxChars) break;
    kept = next;
  }
  return kept === "" ? truncateAtWord(text, maxChars) : kept;
}
