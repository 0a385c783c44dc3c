/**
 * A rule-based sentence splitter for German news text. No model, no network: word lists in
 * `./data/` plus a handful of rules that encode how German newspapers punctuate.
 *
 * How a text is split, in order:
 * 1. Normalise: NFC, CRLF → LF, non-breaking and other special spaces → space, soft hyphens and
 *    zero-width characters removed.
 * 2. Blocks: a blank line always ends a sentence. A single line break ends one when the line is
 *    a list item, a ticker header, or a heading (no final punctuation, next line starts with a
 *    capital) — unless the paragraph is hard-wrapped prose, where line breaks are just spaces.
 * 3. Inside a block every `.`, `!`, `?`, `…` followed by optional closing quotes/brackets and a
 *    space is a candidate. The next character must be able to start a sentence (not lower-case,
 *    not `,;:`). Then the token before the period decides:
 *    - never-final abbreviations ("z. B.", "Dr.", "Nr.", spaced or unspaced): no boundary;
 *    - maybe-final abbreviations ("usw.", "v. Chr.", "Mrd."), initials ("Frank-Walter S."),
 *      roman numerals: a boundary only when the next word is a typical sentence opener
 *      ("Er", "Die", "Dann" …) — a surname or a noun ("Mrd. Euro") continues the sentence;
 *    - a number: an ordinal (no boundary) before a month ("am 15. Juni"), after a determiner or
 *      preposition ("der 3. Oktober", "im 20. Jahrhundert") or before an ordinal noun ("2. Mal");
 *      otherwise a boundary ("Seite 12. Dort …", "im Jahr 2022. Russland …");
 *    - any other word: a boundary.
 * 4. Quotations and brackets: a boundary inside an open „…“ / »…« / "…" / (…) is suppressed
 *    when the quotation closes later in the block and the sentence goes on after it with an
 *    attribution („Das ist gut. Wir machen weiter“, sagte sie.) — the attributed quote is one
 *    sentence. A sentence that ends inside a quote („… weiter.“ Dann …) ends after the closing
 *    mark.
 * 5. Ticker headers ("Update vom 14. März, 13.10 Uhr:", "13.10 Uhr:") become their own sentence.
 *
 * Output sentences are trimmed and their inner whitespace collapsed to single spaces.
 */
import { MAYBE_FINAL_ABBREVIATIONS, MONTH_NAMES, NON_FINAL_ABBREVIATIONS } from "./data/abbreviations.js";
import { ORDINAL_DETERMINERS, ORDINAL_NOUNS } from "./data/ordinals.js";
import { SENTENCE_OPENERS } from "./data/sentence-openers.js";

/**
 * Splits German news text into sentences.
 *
 * @example
 * splitSentences("Am 15. Juni kam z. B. Dr. Müller. Er blieb bis 7.30 Uhr.");
 * // → ["Am 15. Juni kam z. B. Dr. Müller.", "Er blieb bis 7.30 Uhr."]
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const block of splitIntoBlocks(normalizeForSplitting(text))) {
    for (const sentence of splitBlock(block)) {
      for (const part of splitTickerHeader(sentence)) sentences.push(part);
    }
  }
  return sentences;
}

/** How many space-separated tokens a spaced abbreviation may span ("i. d. R." = 3). */
const MAX_ABBREVIATION_TOKENS = 4;
/** Lines at least this long, without final punctuation, look like hard-wrapped prose. */
const WRAPPED_LINE_MIN_CHARS = 50;
/** At most this many quotations/brackets are tracked as open; older unclosed ones are dropped. */
const MAX_OPEN_MARKS = 8;
/** How far ahead (characters) to look for the mark that closes an open quotation. */
const QUOTE_LOOKAHEAD_CHARS = 600;

const compact = (abbreviation: string): string => abbreviation.replace(/\s+/g, "");
const NON_FINAL = new Set(NON_FINAL_ABBREVIATIONS.map(compact));
const MAYBE_FINAL = new Set(MAYBE_FINAL_ABBREVIATIONS.map(compact));
const MONTHS = new Set(MONTH_NAMES);
const OPENERS = new Set(SENTENCE_OPENERS);
const DETERMINERS = new Set(ORDINAL_DETERMINERS);
const ORDINAL_NOUN_SET = new Set(ORDINAL_NOUNS);

const TERMINALS = new Set([".", "!", "?", "…"]);
/** Characters that may close a quotation or bracket right after the final punctuation. */
const CLOSERS = new Set(["“", "”", "«", "»", '"', "‘", "’", "'", ")", "]"]);
/** Every character that opens or closes a quotation or bracket (the scanner skips all others). */
const QUOTE_MARKS = new Set(["„", "“", "”", '"', "»", "«", "‚", "‘", "’", "(", ")", "[", "]"]);
/** Characters that may open a sentence before its first letter. */
const LEADING_OPENERS = /^[„“”"»«‚‘'([]+/u;
const LIST_ITEM = /^(?:[-–—•*·▪►✓]\s+|\d{1,2}[.)]\s+\p{Lu}|[a-z]\)\s+)/u;
const ENDS_WITH_TERMINAL = /[.!?…]["“”»«’')\]]*$/u;
const ENDS_WITH_JOINER = /[–—\-,;:/(]$/u;
const STARTS_LIKE_HEADING_NEXT = /^[\p{Lu}\d„“"»«(]/u;

/**
 * A ticker header at the start of a sentence: either introduced by "Update"/"Aktualisierung"/…
 * or a time with "Uhr", optionally after a date, then a colon.
 */
const TICKER_HEADER =
  /^(?:\+{2,3}\s*)?(?:(?:Update|Aktualisierung|Eilmeldung|Liveticker|Live-Ticker|Neu)\b(?:[^:\n]|\d:\d){0,60}?|(?:[^:\n]{0,30}?,\s*)?(?:um\s+)?\d{1,2}[.:]\d{2}\s*Uhr)\s*:(?=\s)/u;

function normalizeForSplitting(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, " ")
    .replace(/\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/g, "");
}

/** Paragraphs and heading/list lines, each a single-spaced string. */
function splitIntoBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const paragraph of text.split(/\n[ ]*\n/)) {
    const lines = paragraph
      .split("\n")
      .map((line) => line.replace(/ +/g, " ").trim())
      .filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    const wrapped = isHardWrapped(lines);
    let current = lines[0] ?? "";
    for (const line of lines.slice(1)) {
      if (isLineBreakBoundary(current, line, wrapped)) {
        blocks.push(current);
        current = line;
      } else {
        current = `${current} ${line}`;
      }
    }
    blocks.push(current);
  }
  return blocks;
}

/** Hard-wrapped prose: most non-final lines are long and stop without final punctuation. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 3) return false;
  const inner = lines.slice(0, -1);
  const wrappedLines = inner.filter(
    (line) => line.length >= WRAPPED_LINE_MIN_CHARS && !ENDS_WITH_TERMINAL.test(line),
  );
  return wrappedLines.length * 2 >= inner.length;
}

function isLineBreakBoundary(previous: string, next: string, wrapped: boolean): boolean {
  if (LIST_ITEM.test(next) || LIST_ITEM.test(previous) || TICKER_HEADER.test(next)) return true;
  // "Berlin –⏎Die Regierung …": a line that ends on a dash or comma continues.
  if (ENDS_WITH_JOINER.test(previous)) return false;
  if (ENDS_WITH_TERMINAL.test(previous)) return false; // the in-line rules decide
  return !wrapped && STARTS_LIKE_HEADING_NEXT.test(next);
}

function splitTickerHeader(sentence: string): string[] {
  const match = TICKER_HEADER.exec(sentence);
  if (!match) return [sentence];
  const header = match[0].trim();
  const rest = sentence.slice(match[0].length).trim();
  return rest.length > 0 ? [header, ...splitTickerHeader(rest)] : [header];
}

type QuoteStyle = { guillemetOpens: "»" | "«" };
/** An open quotation or bracket: the mark that will close it and where it opened. */
type OpenMark = { closer: string; at: number };

/** Splits one single-spaced block by the punctuation rules. */
function splitBlock(block: string): string[] {
  const style: QuoteStyle = { guillemetOpens: firstGuillemet(block) };
  const cuts: number[] = [];
  const stack: OpenMark[] = [];
  const length = block.length;
  for (let i = 0; i < length; i++) {
    const char = block[i] ?? "";
    if (!TERMINALS.has(char)) {
      trackQuote(block, i, stack, style);
      continue;
    }
    let end = i;
    while (end < length && TERMINALS.has(block[end] ?? "")) end++;
    const run = block.slice(i, end);
    let after = end;
    let closedSomething = false;
    while (after < length && CLOSERS.has(block[after] ?? "") && !isLetter(block[after + 1])) {
      if (popIfCloses(block, after, stack, style)) closedSomething = true;
      after++;
    }
    if (after < length && block[after] === " " && after + 1 < length) {
      const nextStart = after + 1;
      if (isBoundary(block, i, run, closedSomething, nextStart, stack, style)) cuts.push(nextStart);
    }
    i = after - 1;
  }
  const sentences: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    sentences.push(block.slice(start, cut).trim());
    start = cut;
  }
  sentences.push(block.slice(start).trim());
  return sentences.filter((sentence) => sentence.length > 0);
}

function isBoundary(
  block: string,
  index: number,
  run: string,
  closedSomething: boolean,
  nextStart: number,
  stack: readonly OpenMark[],
  style: QuoteStyle,
): boolean {
  const nextChar = block[nextStart] ?? "";
  if (!/[\p{Lu}\p{N}„“"»«‚'([+]/u.test(nextChar)) return false;
  // "(!)", "(?)", "(…)", "[...]": an aside inside a sentence.
  const before = block[index - 1] ?? "";
  if (before === "(" || before === "[") return false;
  if (stack.length > 0 && isInsideAttributedQuote(block, nextStart, stack, style)) return false;
  if (run.includes("!") || run.includes("?") || run.includes("…") || run.length >= 3) return true;
  if (closedSomething) return true;
  const nextWord = wordAt(block, nextStart);
  const opensQuote = LEADING_OPENERS.test(nextChar) && nextChar !== "(";
  const tokens = tokensBefore(block, index + 1);
  const last = tokens[tokens.length - 1] ?? "";
  const abbreviation = matchAbbreviation(tokens);
  if (abbreviation === "non-final") return false;
  if (abbreviation === "maybe-final") return opensQuote || OPENERS.has(nextWord);
  const word = last.slice(0, -1);
  if (/^\d+$/.test(word)) {
    // "1. Die Wehrpflicht …" at the start of a line is a list enumerator.
    if (index === word.length) return false;
    return isBoundaryAfterNumber(word, tokens[tokens.length - 2] ?? "", block, nextStart);
  }
  if (/^\p{Ll}$/u.test(word)) return false;
  const isInitial = /^\p{Lu}$/u.test(word);
  const isRoman = /^[IVXLC]{1,6}$/.test(word) && /^\p{Lu}/u.test(tokens[tokens.length - 2] ?? "");
  const isDottedAcronym = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  if (isInitial || isRoman || isDottedAcronym) return opensQuote || OPENERS.has(nextWord);
  return true;
}

function isBoundaryAfterNumber(
  number: string,
  previousToken: string,
  block: string,
  nextStart: number,
): boolean {
  const nextWord = wordAt(block, nextStart);
  if (MONTHS.has(nextWord)) return false;
  if (/^\d/.test(block[nextStart] ?? "")) {
    // "am 15. 6. 2022" is a numeric date (day, month, year); "2022. 2023 kam …" is not.
    if (number.length > 2) return true;
    const isDay = /^\d{1,2}\.(?:\s|\d|$)/.test(block.slice(nextStart, nextStart + 4));
    const isMonth =
      /^\d{1,2}\.$/.test(previousToken) && /^\d{2}(?:\d{2})?\b/.test(block.slice(nextStart, nextStart + 5));
    return !(isDay || isMonth);
  }
  if (OPENERS.has(nextWord)) return true;
  if (number.length >= 4) return true;
  if (DETERMINERS.has(stripOpeners(previousToken).toLowerCase())) return false;
  return !ORDINAL_NOUN_SET.has(nextWord);
}

/** The longest abbreviation that ends at the period, spaced ("z. B.") or unspaced ("z.B."). */
function matchAbbreviation(tokens: string[]): "non-final" | "maybe-final" | null {
  for (let count = Math.min(MAX_ABBREVIATION_TOKENS, tokens.length); count >= 1; count--) {
    const parts = tokens.slice(tokens.length - count);
    if (parts.slice(0, -1).some((part) => !part.endsWith("."))) continue;
    const candidate = stripOpeners(parts.join(""));
    if (NON_FINAL.has(candidate)) return "non-final";
    if (MAYBE_FINAL.has(candidate)) return "maybe-final";
  }
  return null;
}

/** Up to MAX_ABBREVIATION_TOKENS space-separated tokens ending at `end` (exclusive). */
function tokensBefore(block: string, end: number): string[] {
  const tokens: string[] = [];
  let stop = end;
  while (tokens.length < MAX_ABBREVIATION_TOKENS && stop > 0) {
    const space = block.lastIndexOf(" ", stop - 1);
    tokens.unshift(block.slice(space + 1, stop));
    if (space < 0) break;
    stop = space;
  }
  return tokens;
}

function wordAt(block: string, start: number): string {
  const match = /^[\p{L}\p{N}][\p{L}\p{N}-]*/u.exec(stripOpeners(block.slice(start, start + 40)));
  return match ? match[0] : "";
}

function stripOpeners(token: string): string {
  return token.replace(LEADING_OPENERS, "");
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}

function firstGuillemet(block: string): "»" | "«" {
  const open = block.indexOf("»");
  const close = block.indexOf("«");
  if (open < 0) return close < 0 ? "»" : "«";
  return close < 0 || open < close ? "»" : "«";
}

/** The mark that closes `char` at `index`, or null when `char` does not open a quotation here. */
function closerFor(block: string, index: number, style: QuoteStyle): string | null {
  const char = block[index];
  switch (char) {
    case "„":
      return "“";
    case "‚":
      return "‘";
    case "(":
      return ")";
    case "[":
      return "]";
    case "»":
      return style.guillemetOpens === "»" ? "«" : null;
    case "«":
      return style.guillemetOpens === "«" ? "»" : null;
    case '"':
      return isAtWordStart(block, index) ? '"' : null;
    case "“":
      return isAtWordStart(block, index) ? "”" : null;
    default:
      return null;
  }
}

function isAtWordStart(block: string, index: number): boolean {
  const previous = block[index - 1];
  return previous === undefined || /[\s([{–—\-/]/u.test(previous);
}

function trackQuote(block: string, index: number, stack: OpenMark[], style: QuoteStyle): void {
  if (!QUOTE_MARKS.has(block[index] ?? "")) return;
  if (popIfCloses(block, index, stack, style)) return;
  const closer = closerFor(block, index, style);
  if (closer === null) return;
  // Unclosed marks pile up in broken text; real quotations nest two or three deep.
  if (stack.length >= MAX_OPEN_MARKS) stack.shift();
  stack.push({ closer, at: index });
}

function popIfCloses(block: string, index: number, stack: OpenMark[], _style: QuoteStyle): boolean {
  const char = block[index];
  const position = stack.findLastIndex((mark) => mark.closer === char);
  if (position < 0) return false;
  if (char === '"' || char === "“") {
    // A straight quote closes only when it does not stand at the start of a word.
    const previous = block[index - 1];
    if (previous === undefined || previous === " ") return false;
  }
  stack.length = position;
  return true;
}

/**
 * True when the outermost open quotation (or bracket) closes later in the block and belongs to
 * one attributed sentence: the sentence goes on after it — with a comma, a lower-case word
 * ("sagte", "so") or a closing bracket — or the quotation was introduced with a colon
 * ("Sie betonte: „… . … .“"), so the quoted sentences are one sentence.
 */
function isInsideAttributedQuote(
  block: string,
  from: number,
  stack: readonly OpenMark[],
  style: QuoteStyle,
): boolean {
  const outer = stack[0];
  if (outer === undefined) return false;
  const expected = outer.closer;
  const introducedByColon =
    expected !== ")" && expected !== "]" && block.slice(outer.at - 2, outer.at) === ": ";
  const inner: string[] = stack.slice(1).map((mark) => mark.closer);
  const limit = Math.min(block.length, from + QUOTE_LOOKAHEAD_CHARS);
  for (let i = from; i < limit; i++) {
    const char = block[i];
    if (inner.length === 0 && char === expected && (expected !== '"' || block[i - 1] !== " ")) {
      const rest = block.slice(i + 1, i + 4);
      return introducedByColon || /^(?:[,;:)\]–—-]| (?:[\p{Ll}–—-]))/u.test(rest);
    }
    if (!QUOTE_MARKS.has(char ?? "")) continue;
    if (inner.length > 0 && inner[inner.length - 1] === char) {
      inner.pop();
      continue;
    }
    const closer = closerFor(block, i, style);
    if (closer !== null) inner.push(closer);
  }
  return false;
}
