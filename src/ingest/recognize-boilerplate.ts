/**
 * Page furniture that scrapers leave in article text: share/print/comment buttons (also glued
 * together as "KommentareDrucken"), newsletter and subscription promos, teaser blocks ("Auch
 * interessant"), publisher promo blocks ("Verlagsangebot") and end-of-article furniture.
 */
import { MARKERS } from "./markers.js";
import { alternation, escapeRegExp } from "./pattern-utils.js";

/**
 * What a boilerplate line is, which decides how much goes with it:
 * - `line`: only this line is dropped;
 * - `block`: this line and the rest of its block (up to the next blank line) are dropped;
 * - `end`: this line and everything after it are dropped.
 */
export type BoilerplateKind = "line" | "block" | "end";

/** Promo phrases are only trusted on short lines: a long paragraph mentioning "jetzt anmelden" is news. */
const MAX_PROMO_LINE_CHARS = 240;
/** Glued furniture words shorter than this ("X", "Mail") are too likely to be real text. */
const MIN_GLUED_WORD_CHARS = 4;

const FURNITURE = alternation(MARKERS.boilerplateLines);
const GLUE_SEPARATORS = MARKERS.gluedSeparators.map(escapeRegExp).join("");
const FURNITURE_ONLY = new RegExp(`^(?:(?:${FURNITURE})\\s*[${GLUE_SEPARATORS}]?\\s*)+$`, "iu");
const GLUE_WORD_LIST = MARKERS.boilerplateLines.filter((word) => word.length >= MIN_GLUED_WORD_CHARS);
const GLUE_WORDS = alternation(GLUE_WORD_LIST);
// Case-sensitive on purpose: "mitteilen" must not lose its "teilen"; "…zu.Teilen" and "AFPKommentare" do.
const GLUED_TRAILING = new RegExp(`(?<=[\\p{L}\\d.!?“”"»)])(?:${GLUE_WORDS})+$`, "u");
const GLUED_LEADING = new RegExp(`^(?:${GLUE_WORDS})+(?=[\\p{Lu}„"»])`, "u");
const TEASER_BLOCK = new RegExp(`^(?:${alternation(MARKERS.teaserBlockMarkers)})\\s*:?$`, "iu");
const TEASER_LINE = new RegExp(`^(?:${alternation(MARKERS.teaserBlockMarkers)})\\s*:\\s*\\S`, "iu");
const PROMO_BLOCK = new RegExp(
  `^(?:${alternation(MARKERS.promoBlockMarkers)})(?:\\s*:?$|(?=\\s*[:–-]|\\p{Lu}))`,
  "iu",
);
const END = new RegExp(`^(?:${alternation(MARKERS.endMarkers)})\\b`, "iu");
const PROMO_PHRASES = MARKERS.promoPhrases.map((phrase) => phrase.toLowerCase());

/**
 * Classifies a normalised line as boilerplate, or returns null for article text.
 *
 * @example
 * recognizeBoilerplate("KommentareDrucken") // → "line"
 * recognizeBoilerplate("Auch interessant") // → "block"
 * recognizeBoilerplate("Das Wichtigste aus der Politik: … – jetzt kostenlos anmelden.") // → "line"
 * recognizeBoilerplate("Putin und Xi telefonierten am Mittwoch.") // → null
 */
export function recognizeBoilerplate(line: string): BoilerplateKind | null {
  const text = line.trim();
  if (text === "") return null;
  if (END.test(text)) return "end";
  if (FURNITURE_ONLY.test(text)) return "line";
  if (TEASER_BLOCK.test(text)) return "block";
  if (TEASER_LINE.test(text) && text.length <= MAX_PROMO_LINE_CHARS) return "line";
  if (PROMO_BLOCK.test(text)) return "block";
  if (text.length <= MAX_PROMO_LINE_CHARS) {
    const lower = text.toLowerCase();
    if (PROMO_PHRASES.some((phrase) => lower.includes(phrase))) return "line";
  }
  return null;
}

/**
 * Removes furniture words glued to the start or end of a line without a space, as scrapers
 * concatenate adjacent elements: "Von: Nail AkkoyunKommentare", "…zu verurteilen.TeilenDrucken".
 *
 * @example
 * stripGluedLeftovers("Von: Nail AkkoyunKommentare") // → "Von: Nail Akkoyun"
 * stripGluedLeftovers("Die Regierung will das mitteilen") // unchanged
 */
export function stripGluedLeftovers(line: string): string {
  // The regexes scan every position; most lines neither end nor start with a furniture word.
  let text = line;
  if (GLUE_WORD_LIST.some((word) => text.endsWith(word))) text = text.replace(GLUED_TRAILING, "");
  if (GLUE_WORD_LIST.some((word) => text.startsWith(word))) text = text.replace(GLUED_LEADING, "");
  return text.trim();
}
