/**
 * The byline: "Von: Nail Akkoyun", "Von: A, B und C", "Von: A, B mit dpa",
 * "Von: A mit Material der Nachrichtenagenturen dpa und AFP", "Von: dpa".
 */
import { MARKERS } from "./markers.js";
import { alternation, createWordSet } from "./pattern-utils.js";

export interface Byline {
  authors: string[];
  agencies: string[];
}

/** A byline without a colon ("Von Nail Akkoyun") is only believed when this short. */
const MAX_BARE_BYLINE_CHARS = 120;
/** Names longer than this many words are a sentence, not a byline entry. */
const MAX_NAME_WORDS = 5;

const LABELS = alternation(MARKERS.bylineLabels);
const WITH_COLON = new RegExp(`^(?:${LABELS})\\s*:\\s*(.*)$`, "iu");
const WITHOUT_COLON = new RegExp(`^(?:${LABELS})\\s+(\\p{Lu}.*)$`, "u");
const AGENCY_TAIL = new RegExp(`(?:^|\\s+)(?:${alternation(MARKERS.agencyIntros)})\\s+(.+)$`, "iu");
const FILLERS = new RegExp(`^(?:${alternation(MARKERS.agencyFillers)})\\s+`, "iu");
const NAME_SEPARATORS = new RegExp(`\\s*[,;]\\s*|\\s+(?:${alternation(MARKERS.authorJoiners)})\\s+`, "iu");
const AGENCIES = createWordSet(MARKERS.agencies);
const CANONICAL_AGENCY = new Map(MARKERS.agencies.map((agency) => [agency.toLowerCase(), agency]));

/**
 * Parses a byline line into authors and agencies, or null when the line is not a byline. A line
 * without the colon ("Von Nail Akkoyun") counts only when `allowBare` is set (the parser does so
 * in the article header) and every entry looks like a name.
 *
 * @example
 * parseByline("Von: Anna Schmidt, Max Müller und Eva Braun mit dpa")
 * // → { authors: ["Anna Schmidt", "Max Müller", "Eva Braun"], agencies: ["dpa"] }
 */
export function parseByline(line: string, options: { allowBare?: boolean } = {}): Byline | null {
  const colon = WITH_COLON.exec(line);
  let body: string;
  if (colon) {
    body = colon[1] ?? "";
  } else {
    const bare = options.allowBare === true ? WITHOUT_COLON.exec(line) : null;
    if (!bare || line.length > MAX_BARE_BYLINE_CHARS || /[.!?:]$/.test(line)) return null;
    body = bare[1] ?? "";
  }
  const byline = parseAuthorList(body.trim());
  if (!colon && !byline.authors.every(isNameLike)) return null;
  return byline;
}

/**
 * Looks up an agency name ("DPA" → "dpa"), or null when it is not a known agency.
 *
 * @example
 * canonicalAgency("afp") // → "AFP"
 */
export function canonicalAgency(name: string): string | null {
  return CANONICAL_AGENCY.get(name.trim().toLowerCase()) ?? null;
}

/**
 * Splits the names part of a byline (without the "Von:" label) into authors and agencies.
 *
 * @example
 * parseAuthorList("Mia Lang und Ole Brandt mit dpa") // → { authors: ["Mia Lang", "Ole Brandt"], agencies: ["dpa"] }
 */
export function parseAuthorList(body: string): Byline {
  const authors: string[] = [];
  const agencies: string[] = [];
  let names = body;
  const tail = AGENCY_TAIL.exec(body);
  if (tail) {
    const tailEntries = splitEntries(tail[1] ?? "");
    // "mit" also joins names ("A mit B" is rare but exists); only a tail of agencies is one.
    if (tailEntries.length > 0 && tailEntries.every((entry) => agencyParts(entry) !== null)) {
      for (const entry of tailEntries) agencies.push(...(agencyParts(entry) ?? []));
      names = body.slice(0, tail.index);
    }
  }
  for (const entry of splitEntries(names)) {
    const parenthesised = /^(.*?)\s*\(([^)]*)\)$/.exec(entry);
    let name = entry;
    if (parenthesised) {
      name = (parenthesised[1] ?? "").trim();
      const inner = agencyParts(parenthesised[2] ?? "");
      if (inner) agencies.push(...inner);
    }
    const asAgency = agencyParts(name);
    if (asAgency) agencies.push(...asAgency);
    else if (name !== "") authors.push(name);
  }
  return { authors: unique(authors), agencies: unique(agencies) };
}

function splitEntries(text: string): string[] {
  return text
    .split(NAME_SEPARATORS)
    .map((entry) =>
      entry
        .replace(FILLERS, "")
        .replace(/[.|]+$/, "")
        .trim(),
    )
    .filter((entry) => entry !== "");
}

/** "dpa" → ["dpa"], "dpa/AFP" → ["dpa", "AFP"], "dpa/lno" → ["dpa/lno"], "Anna" → null. */
function agencyParts(entry: string): string[] | null {
  const trimmed = entry.trim();
  if (AGENCIES.has(trimmed)) return [canonicalAgency(trimmed) ?? trimmed];
  const parts = trimmed.split(/\s*\/\s*/);
  if (parts.length > 1 && parts.every((part) => AGENCIES.has(part))) {
    return parts.map((part) => canonicalAgency(part) ?? part);
  }
  return null;
}

function isNameLike(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length <= MAX_NAME_WORDS && /^\p{Lu}/u.test(name) && !/[.!?]$/.test(name);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
