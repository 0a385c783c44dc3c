import { MARKERS } from "../markers.js";

/**
 * What kind of page furniture a block of web text is:
 * - "boilerplate": share/print/comment leftovers, also glued ("KommentareDrucken", "Teilen | Drucken");
 * - "promo": a newsletter or subscription pitch;
 * - "promo-block": a publisher's promo block ("Verlagsangebot") — drop it and what belongs to it;
 * - "teaser-block": "Auch interessant" and similar — drop it and the teaser links below it;
 * - "end": from here on, everything is furniture.
 */
export type FurnitureKind = "boilerplate" | "promo" | "promo-block" | "teaser-block" | "end";

const lower = (s: string) => s.toLocaleLowerCase("de");
const BOILERPLATE = new Set(MARKERS.boilerplateLines.map(lower));
const TEASER_BLOCKS = new Set(MARKERS.teaserBlockMarkers.map(lower));
const PROMO_BLOCKS = new Set(MARKERS.promoBlockMarkers.map(lower));
const END_MARKERS = MARKERS.endMarkers.map(lower);
const PROMO_PHRASES = MARKERS.promoPhrases.map(lower);
/** Glued furniture is built only from the words of the table, longest first so "Kommentare" wins over "Kommentar". */
const GLUED_WORDS = [...BOILERPLATE].sort((a, b) => b.length - a.length);
/** A promo phrase inside a long paragraph is a sentence about a newsletter, not a pitch line. */
const MAX_PROMO_LINE_CHARS = 200;

/**
 * Classifies one block of text from a web page or feed with the same German marker table the
 * text format uses (`src/ingest/markers.ts`), so HTML and text inputs lose the same furniture.
 *
 * @example
 * furnitureKind("KommentareDrucken") // → "boilerplate"
 * furnitureKind("Auch interessant") // → "teaser-block"
 * furnitureKind("Der Bundestag hat entschieden.") // → null
 */
export function furnitureKind(text: string): FurnitureKind | null {
  const line = lower(text.trim().replace(/:$/, ""));
  if (line === "") return "boilerplate";
  if (TEASER_BLOCKS.has(line)) return "teaser-block";
  // "Lesen Sie auch: <headline of another article>" is a one-line teaser.
  if ([...TEASER_BLOCKS].some((marker) => line.startsWith(`${marker}:`))) return "boilerplate";
  if (PROMO_BLOCKS.has(line)) return "promo-block";
  if (END_MARKERS.some((marker) => line.startsWith(marker))) return "end";
  if (BOILERPLATE.has(line) || isGlued(line)) return "boilerplate";
  if (line.length <= MAX_PROMO_LINE_CHARS && PROMO_PHRASES.some((phrase) => line.includes(phrase)))
    return "promo";
  return null;
}

function isGlued(line: string): boolean {
  let rest = line;
  let words = 0;
  while (rest.length > 0) {
    rest = rest.replace(/^[\s|•·/,]+/, "");
    if (rest.length === 0) break;
    const word = GLUED_WORDS.find((w) => rest.startsWith(w));
    if (!word) return false;
    rest = rest.slice(word.length);
    words++;
  }
  return words >= 2;
}
