/**
 * Shortens a key point where that keeps it correct German and keeps its facts: what is removed
 * is recorded, and quotations, numbers and names are never changed.
 *
 * Every candidate sentence (collect-sentences.ts) loses its leading furniture:
 * - Mid-text datelines: "Wien – Gut eine Woche vor …" (an agency dateline after a lost
 *   paragraph break) → "Gut eine Woche vor …".
 * - Glued sub-headings: "Keine Personaldebatte Mit FPÖ-Chef …" → "Mit FPÖ-Chef …".
 * A chosen key point is then compressed (`compressSentence`):
 * - Unnamed sources after the verb: "…, da Xi Expertinnen und Experten zufolge keine Sanktionen
 *   riskieren würde." → "…, da Xi keine Sanktionen riskieren würde." At the start of the sentence
 *   ("Experten zufolge ist …") the phrase holds the verb-second position and stays.
 * - Reporting clauses between commas: "…, wie die Zeitung berichtete, …" (not at the start).
 * - Bracketed asides without a fact: "(dpa)", "(Archivbild)", "(siehe Grafik)".
 */
import {
  GENERIC_SOURCES,
  HEADING_BREAK_WORDS,
  HEADING_FUNCTION_WORDS,
  NO_FACT_ASIDES,
  REPORTING_VERBS,
  SOURCE_QUALIFIERS,
} from "./data/compression.js";

/** A sentence as shown and the parts that were taken out of the source sentence. */
export interface CompressedSentence {
  text: string;
  removed: string[];
}

/** Words a sentence must keep after a heading or dateline is cut off. */
const MIN_REST_WORDS = 4;
/** A glued sub-heading has at most this many words. */
const MAX_HEADING_WORDS = 6;
/** A reporting clause ("wie … berichtete") spans at most this many characters. */
const MAX_REPORTING_CLAUSE_CHARS = 80;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byLength = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(escapeRegExp);
const GENERIC_SOURCE = new RegExp(
  ` (?:(?:${SOURCE_QUALIFIERS.map(escapeRegExp).join("|")}) )?(?:${byLength(GENERIC_SOURCES).join("|")}) zufolge(?= )`,
  "gu",
);
const REPORTING_CLAUSE = new RegExp(
  `, wie [^,;:„“"»«()\\d]{1,${MAX_REPORTING_CLAUSE_CHARS}}? (?:${byLength(REPORTING_VERBS).join("|")})(?:,(?= )|(?=.))`,
  "gu",
);
const NO_FACT_ASIDE = new RegExp(
  ` \\((?:${byLength(NO_FACT_ASIDES)
    .map((aside) => aside.replace("…", "[^()]{1,40}"))
    .join("|")})\\)(?=[ ,.;:!?])`,
  "gu",
);
const INLINE_DATELINE = /^(\p{Lu}\p{Ll}+(?:[-/ ]\p{Lu}\p{Ll}+){0,2}(?: \([^)]{1,20}\))? [–—]) (?=\p{Lu})/u;
const BREAK_WORDS = new Set(HEADING_BREAK_WORDS);
const FUNCTION_WORDS = new Set(HEADING_FUNCTION_WORDS);

/**
 * Removes what a reader of the key point does not need (see the module comment).
 *
 * @example
 * compressSentence("Ein Krieg ist unwahrscheinlich, da Xi Experten zufolge nichts riskiert.");
 * // → { text: "Ein Krieg ist unwahrscheinlich, da Xi nichts riskiert.", removed: ["Experten zufolge"] }
 */
export function compressSentence(sentence: string): CompressedSentence {
  const removed: string[] = [];
  let text = removeOutsideQuotes(sentence, GENERIC_SOURCE, removed);
  text = removeOutsideQuotes(text, REPORTING_CLAUSE, removed);
  text = removeOutsideQuotes(text, NO_FACT_ASIDE, removed);
  return { text, removed };
}

/**
 * Cuts a dateline or a glued sub-heading off the front of a sentence; what was cut goes into
 * `removed`. Used for every candidate sentence, so neither reaches a teaser or a key point.
 *
 * @example
 * stripLeadingFurniture("Keine Personaldebatte Mit FPÖ-Chef Kickl will die Partei …", []);
 * // → "Mit FPÖ-Chef Kickl will die Partei …"
 */
export function stripLeadingFurniture(sentence: string, removed: string[]): string {
  const dateline = INLINE_DATELINE.exec(sentence);
  if (dateline?.[1] !== undefined && !BREAK_WORDS.has(dateline[1].split(" ")[0] ?? "")) {
    const rest = sentence.slice(dateline[0].length);
    if (wordCount(rest) >= MIN_REST_WORDS) {
      removed.push(dateline[1]);
      return rest;
    }
  }
  const words = sentence.split(" ");
  for (let index = 1; index <= MAX_HEADING_WORDS && index < words.length; index++) {
    const word = words[index] ?? "";
    if (!BREAK_WORDS.has(word)) continue;
    const heading = words.slice(0, index);
    if (!isHeadingLike(heading) || words.length - index < MIN_REST_WORDS) return sentence;
    removed.push(heading.join(" "));
    return words.slice(index).join(" ");
  }
  return sentence;
}

/** Capitalised words and lower-case function words only, no punctuation, opening with a capital. */
function isHeadingLike(words: readonly string[]): boolean {
  if (!/^\p{Lu}/u.test(words[0] ?? "")) return false;
  return words.every(
    (word) => /^[\p{L}-]+$/u.test(word) && (/^\p{Lu}/u.test(word) || FUNCTION_WORDS.has(word)),
  );
}

/** Removes every match of `pattern` that lies outside quotation marks, after the first word. */
function removeOutsideQuotes(text: string, pattern: RegExp, removed: string[]): string {
  const quoted = quotedRanges(text);
  let result = "";
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start === 0 || quoted.some(([from, to]) => start < to && end > from)) continue;
    result += text.slice(last, start);
    removed.push(match[0].replace(/^[ ,]+|,$/gu, ""));
    last = end;
  }
  return last === 0 ? text : result + text.slice(last);
}

/** Character ranges inside „…“, »…«, "…" quotations. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/„[^“]*“|»[^«]*«|«[^»]*»|"[^"]*"/gu)) {
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}
