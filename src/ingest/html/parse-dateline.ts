import { MARKERS } from "../markers.js";

const NON_PLACES = new Set(MARKERS.datelineNonPlaces.map((w) => w.toLocaleLowerCase("de")));
const CONNECTORS = new Set<string>(MARKERS.datelineConnectors);
/** "Peking/Moskau – …", "Frankfurt am Main (dpa) – …": a place of up to five words, then a dash. */
const DATELINE = /^([\p{Lu}][\p{L}.'-]*(?:[ /][\p{L}.'-]+){0,4})(?:\s*\(([^)]{1,30})\))?\s+[–—-]\s+\S/u;

/**
 * The Ortsmarke at the start of a paragraph, or null: "Peking/Moskau – China will …" → "Peking/Moskau".
 * Sentences that merely contain a dash ("Die USA – und nicht China – …") are not datelines.
 *
 * @example
 * parseDateline("Berlin (dpa) – Der Bundestag hat …") // → "Berlin"
 * parseDateline("Die USA – und nicht China – …") // → null
 */
export function parseDateline(paragraph: string): string | null {
  const match = DATELINE.exec(paragraph);
  const place = match?.[1];
  if (!place) return null;
  const words = place.split(/[ /]/);
  if (NON_PLACES.has((words[0] ?? "").toLocaleLowerCase("de"))) return null;
  if (words.some((w) => /^\p{Ll}/u.test(w) && !CONNECTORS.has(w))) return null;
  return place;
}
