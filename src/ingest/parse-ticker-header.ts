/**
 * Live-ticker entry headers: "Update vom 14. März, 13.10 Uhr: Text …",
 * "+++ Update vom 14.03.2024, 9:05 Uhr +++", "Update von 13.10 Uhr:" and bare "13.10 Uhr: …".
 */
import { MARKERS } from "./markers.js";
import { alternation } from "./pattern-utils.js";

export interface TickerHeader {
  /** The header as printed, without the trailing colon or "+++": "Update vom 14. März, 13.10 Uhr". */
  label: string;
  /** The date/time part to parse: "14. März, 13.10 Uhr" or "13.10 Uhr". */
  when: string;
  /** Whether `when` holds a calendar day or only a clock time. */
  hasDay: boolean;
  /** Text after the header on the same line, or "". */
  rest: string;
}

/** A ticker header's date part is short ("vom Donnerstag, 14. März 2024,"). */
const MAX_WHEN_PREFIX_CHARS = 40;

const LABELS = alternation(MARKERS.tickerUpdateLabels);
const CLOCK = `\\d{1,2}[.:]\\d{2}\\s*${MARKERS.clockSuffix}`;
const LABELLED = new RegExp(
  `^(?:\\+{3}\\s*)?((?:${LABELS})\\b[\\s,]*(.{0,${MAX_WHEN_PREFIX_CHARS}}?${CLOCK}))\\s*(?:\\+{3}|[:–-])?\\s*(.*?)(?:\\s*\\+{3})?$`,
  "iu",
);
const BARE = new RegExp(
  `^(?:\\+{3}\\s*)?(${CLOCK})\\s*(?:\\+{3}\\s*:?|:|[–-])\\s*(.*?)(?:\\s*\\+{3})?$`,
  "iu",
);
const PREPOSITION = new RegExp(`^(?:${alternation(MARKERS.tickerDatePrepositions)})\\s+`, "iu");
const HAS_DAY = /\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}{3,})/u;

/**
 * Parses a ticker header line, or returns null. Bare clock headers ("13.10 Uhr: …") are only
 * accepted with `allowBare`, because a paragraph may start with a time too; the parser allows
 * them when several lines of the article start that way.
 *
 * @example
 * parseTickerHeader("Update vom 14. März, 13.10 Uhr: Scholz reist nach Kiew.")
 * // → { label: "Update vom 14. März, 13.10 Uhr", when: "14. März, 13.10 Uhr", hasDay: true, rest: "Scholz reist nach Kiew." }
 */
export function parseTickerHeader(line: string, options: { allowBare?: boolean } = {}): TickerHeader | null {
  const labelled = LABELLED.exec(line);
  if (labelled) {
    const when = (labelled[2] ?? "").replace(PREPOSITION, "").trim();
    return {
      label: (labelled[1] ?? "").trim(),
      when,
      hasDay: HAS_DAY.test(when),
      rest: (labelled[3] ?? "").trim(),
    };
  }
  if (options.allowBare !== true) return null;
  const bare = BARE.exec(line);
  if (!bare) return null;
  const when = (bare[1] ?? "").trim();
  return { label: when, when, hasDay: false, rest: (bare[2] ?? "").trim() };
}
