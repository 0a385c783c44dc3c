/**
 * A rule-based sentence splitter for German news text. No network: word lists in `./data/`, a
 * few learned statistics, and rules that encode how German newspapers punctuate.
 *
 * How a text is split, in order:
 * 1. Normalise: NFC, CRLF → LF, non-breaking and other special spaces → space, soft hyphens and
 *    zero-width characters removed.
 * 2. Blocks (split-blocks.ts): a blank line always ends a sentence. A single line break ends one
 *    when the line is a list item, a ticker header, or a heading (no final punctuation, next line
 *    starts with a capital) — unless the paragraph, or the text as a whole, is hard-wrapped prose,
 *    where line breaks are just spaces and a line opening with a dash continues the sentence.
 * 3. Inside a block every `.`, `!`, `?`, `…` followed by optional closing quotes/brackets and a
 *    space is a candidate. The next character must be able to start a sentence (not lower-case,
 *    not `,;:`). Then the token before the period decides:
 *    - never-final abbreviations ("z. B.", "Dr.", "Nr.", spaced or unspaced): no boundary;
 *    - maybe-final abbreviations ("usw.", "v. Chr.", "Mrd."), initials ("Frank-Walter S."),
 *      roman numerals: a boundary only when the next word is a typical sentence opener
 *      ("Er", "Die", "Dann" …) — a surname or a noun ("Mrd. Euro") continues the sentence;
 *    - a number: an ordinal (no boundary) before a month ("am 15. Juni"), after a determiner or
 *      preposition ("der 3. Oktober", "im 20. Jahrhundert") or before an ordinal noun ("2. Mal");
 *      otherwise a boundary ("Seite 12. Dort …", "im Jahr 2022. Russland …"), also right after a
 *      noun ("auf Platz 2. Bronze ging …": a label, not an ordinal);
 *    - any other word: a boundary.
 * 4. Quotations and brackets: a sentence ends inside „…“ / »…« / "…" / (…) as anywhere else,
 *    as in the TIGER/PCC gold („Das ist gut. | Wir machen weiter“, sagte sie.); closing marks
 *    after the final punctuation stay with it („… weiter.“ | Dann …). The summarizer keeps a
 *    quotation of several sentences with its speaker (join-quoted-sentences.ts).
 * 5. Ticker headers ("Update vom 14. März, 13.10 Uhr:", "13.10 Uhr:") become their own sentence.
 * 6. Learned from raw German text by `npm run train` (Punkt-style, data/learned-abbreviations.json):
 *    abbreviations that count as maybe-final, and frequent sentence starters that join the
 *    typed openers. Further general rules (issue 11): title chains ("Dr. med."), Roman ordinals
 *    after an article, ordinals need an article nearby, footnote markers and hashtags after the
 *    final punctuation, sentences ending in an emoji, bullets and dashes opening a sentence,
 *    enumeration enders ("usw.") before a capital, spaced ellipses, a lost space after a period.
 *
 * Output sentences are trimmed and their inner whitespace collapsed to single spaces.
 */
import {
  ENUMERATION_ENDERS,
  MAYBE_FINAL_ABBREVIATIONS,
  MONTH_NAMES,
  NON_FINAL_ABBREVIATIONS,
} from "./data/abbreviations.js";
import cldr from "./data/cldr-abbreviations.json" with { type: "json" };
import learned from "./data/learned-abbreviations.json" with { type: "json" };
import { ORDINAL_DETERMINERS, ORDINAL_NOUNS } from "./data/ordinals.js";
import { SENTENCE_OPENERS } from "./data/sentence-openers.js";
import {
  endOfEmojiSentence,
  isEmoji,
  isMissingSpaceBoundary,
  isSpacedEllipsisDot,
  skipTrailers,
} from "./sentence-ends.js";
import { normalizeForSplitting, splitIntoBlocks, splitTickerHeader } from "./split-blocks.js";
import { firstGuillemet, type OpenMark, popIfCloses, type QuoteStyle, trackQuote } from "./track-quotes.js";

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

const compact = (abbreviation: string): string => abbreviation.replace(/\s+/g, "");
const NON_FINAL = new Set(NON_FINAL_ABBREVIATIONS.map(compact));
const MAYBE_FINAL = new Set(MAYBE_FINAL_ABBREVIATIONS.map(compact));
const ENUMERATION_END = new Set(ENUMERATION_ENDERS.map(compact));
const MONTHS = new Set(MONTH_NAMES);
/**
 * Learned from raw German text by `npm run train` (Punkt-style; learned-abbreviations.json) and
 * derived from the Unicode CLDR's German sentence-break suppressions (cldr-abbreviations.json).
 */
const DERIVED_MAYBE_FINAL = new Set(
  [...learned.abbreviations, ...cldr.abbreviations].map(compact).filter((entry) => !NON_FINAL.has(entry)),
);
const OPENERS = new Set([...SENTENCE_OPENERS, ...learned.sentenceStarters]);
const DETERMINERS = new Set(ORDINAL_DETERMINERS);
const ORDINAL_NOUN_SET = new Set(ORDINAL_NOUNS);

const TERMINALS = new Set([".", "!", "?", "…"]);
const BULLETS = new Set(["•", "▪", "►", "·", "*", "-", "–"]);
const DASH_OR_BULLET_START = /^[-–—•▪►] (?=[\p{Lu}\d„"»])/u;
/** How many tokens before an ordinal its article may stand ("der insgesamt 17."). */
const ORDINAL_ARTICLE_REACH = 3;
/** Characters that may close a quotation or bracket right after the final punctuation. */
const CLOSERS = new Set(["“", "”", "«", "»", '"', "‘", "’", "'", ")", "]"]);
/** Characters that may open a sentence before its first letter. */
const LEADING_OPENERS = /^[„“”"»«‚‘'([]+/u;

/** Splits one single-spaced block by the punctuation rules. */
function splitBlock(block: string): string[] {
  const style: QuoteStyle = { guillemetOpens: firstGuillemet(block) };
  const cuts: number[] = [];
  const stack: OpenMark[] = [];
  const length = block.length;
  for (let i = 0; i < length; i++) {
    const char = block[i] ?? "";
    if (!TERMINALS.has(char)) {
      const emojiEnd = isEmoji(block, i) ? endOfEmojiSentence(block, i, cuts[cuts.length - 1] ?? 0) : -1;
      if (emojiEnd > 0) {
        cuts.push(emojiEnd);
        i = emojiEnd - 1;
        continue;
      }
      trackQuote(block, i, stack, style);
      continue;
    }
    let end = i;
    while (end < length && (TERMINALS.has(block[end] ?? "") || isSpacedEllipsisDot(block, end))) end++;
    const run = block.slice(i, end).replace(/ /g, "");
    let after = end;
    let closedSomething = false;
    // ". . . \" ist …", "… \" ist": after an ellipsis the closing quotation mark may stand after a space.
    if (
      (run.length >= 3 || run.includes("…")) &&
      /^ ["“”»«’](?=[ ,;:.]|$)/u.test(block.slice(after, after + 3))
    ) {
      closedSomething = popIfCloses(block, after + 1, stack, style) || closedSomething;
      after += 2;
    }
    while (after < length && CLOSERS.has(block[after] ?? "") && !isLetter(block[after + 1])) {
      if (popIfCloses(block, after, stack, style)) closedSomething = true;
      after++;
    }
    // "…erfolgen.[6] Es gilt …", "… gewonnen! #EM2024 #Fußball Morgen …": footnote markers and
    // hashtags after the final punctuation belong to the sentence they follow.
    after = skipTrailers(block, after);
    if (after < length && block[after] === " " && after + 1 < length) {
      const nextStart = after + 1;
      if (isBoundary(block, i, run, closedSomething, nextStart)) cuts.push(nextStart);
    } else if (run === "." && isMissingSpaceBoundary(block, i)) {
      cuts.push(i + 1); // "… klare Verhältnisse.Mit denen …": a lost space after the period
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
): boolean {
  // "Problem erledigt. - Das ist …", "… Schritte. • 3. Seien Sie …": a dash or bullet may open one.
  const dashed = DASH_OR_BULLET_START.exec(block.slice(nextStart, nextStart + 3));
  const wordStart = dashed ? nextStart + dashed[0].length : nextStart;
  const nextChar = block[wordStart] ?? "";
  // "… im Angebot. eBay hält …": a brand name in camel case opens a sentence like a capital.
  const camelCase = /^\p{Ll}{1,2}\p{Lu}/u.test(block.slice(wordStart, wordStart + 3));
  if (!camelCase && !/[\p{Lu}\p{N}„“"»«‚'([+]/u.test(nextChar)) return false;
  // "(!)", "(?)", "(…)", "[...]": an aside inside a sentence.
  const before = block[index - 1] ?? "";
  if (before === "(" || before === "[") return false;
  if (run.includes("!") || run.includes("?") || run.includes("…") || run.length >= 3) return true;
  if (closedSomething) return true;
  const nextWord = wordAt(block, wordStart);
  const opensQuote = LEADING_OPENERS.test(nextChar) && nextChar !== "(";
  const tokens = tokensBefore(block, index + 1);
  const last = tokens[tokens.length - 1] ?? "";
  const abbreviation = matchAbbreviation(tokens);
  if (abbreviation === "non-final" || isTitleChain(tokens)) return false;
  if (abbreviation === "enumeration") return true;
  if (abbreviation === "maybe-final") return opensQuote || OPENERS.has(nextWord);
  // "(27. März)", "(J. Müller)": an opening bracket or quotation mark is not part of the word.
  const word = stripOpeners(last.slice(0, -1));
  // "1. -3. Jahrhundert": the second number of a range of ordinals.
  const number = word.replace(/^[-–]/u, "");
  if (/^\d+$/.test(number)) {
    // "1. Die Wehrpflicht …" at the start of a line is a list enumerator.
    // So is "• 3. Seien Sie …" after a bullet.
    const previous = tokens[tokens.length - 2];
    if (index + 1 === last.length || (previous !== undefined && BULLETS.has(previous))) return false;
    return isBoundaryAfterNumber(number, tokens.slice(0, -1), block, wordStart);
  }
  if (/^\p{Ll}$/u.test(word)) return false;
  const isInitial = /^\p{Lu}$/u.test(word);
  const roman = /^[IVXLC]{1,6}$/.test(word);
  // "während des II. Weltkriegs": a Roman numeral after an article or preposition is an ordinal.
  if (roman && DETERMINERS.has(stripOpeners(tokens[tokens.length - 2] ?? "").toLowerCase())) return false;
  const isRoman = roman && /^\p{Lu}/u.test(tokens[tokens.length - 2] ?? "");
  const isDottedAcronym = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  if (isInitial || isRoman || isDottedAcronym) return opensQuote || OPENERS.has(nextWord);
  return true;
}

function isBoundaryAfterNumber(
  number: string,
  before: readonly string[],
  block: string,
  nextStart: number,
): boolean {
  const nextWord = wordAt(block, nextStart);
  const previousToken = before[before.length - 1] ?? "";
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
  if (ORDINAL_NOUN_SET.has(nextWord)) return false;
  // "… auf Platz 2. Bronze ging …", "… der A 10. Anwohner …": right after a noun inside the
  // sentence the number is a label (a cardinal), not an ordinal.
  if (isNounBefore(before)) return true;
  // An ordinal needs an article: "der 3. Oktober", also a few words back ("der insgesamt
  // 17. Raketenstart", "in der kommenden 2. Liga"); "liegt bei 41. Rettungskräfte …" ends one.
  return !hasDeterminerBefore(before);
}

/** The token before the number is a capitalised word inside the sentence, not an article. */
function isNounBefore(before: readonly string[]): boolean {
  const previous = before[before.length - 1] ?? "";
  const beforePrevious = before[before.length - 2];
  if (beforePrevious === undefined || /[.!?:…]["“”»«’')\]]*$/u.test(beforePrevious)) return false;
  return /^\p{Lu}[\p{L}\d-]*$/u.test(previous) && !DETERMINERS.has(previous.toLowerCase());
}

/** An article or contraction among the last three tokens, with no punctuation in between. */
function hasDeterminerBefore(before: readonly string[]): boolean {
  for (let back = 1; back <= ORDINAL_ARTICLE_REACH && back <= before.length; back++) {
    const token = before[before.length - back] ?? "";
    if (DETERMINERS.has(stripOpeners(token).toLowerCase())) return true;
    if (/[,;:.!?)]$/u.test(token)) return false;
  }
  return false;
}

/** The longest abbreviation that ends at the period, spaced ("z. B.") or unspaced ("z.B."). */
function matchAbbreviation(tokens: string[]): "non-final" | "maybe-final" | "enumeration" | null {
  for (let count = Math.min(MAX_ABBREVIATION_TOKENS, tokens.length); count >= 1; count--) {
    const parts = tokens.slice(tokens.length - count);
    if (parts.slice(0, -1).some((part) => !part.endsWith("."))) continue;
    const candidate = stripOpeners(parts.join(""));
    if (NON_FINAL.has(candidate)) return "non-final";
    if (ENUMERATION_END.has(candidate)) return "enumeration";
    if (MAYBE_FINAL.has(candidate) || DERIVED_MAYBE_FINAL.has(candidate)) return "maybe-final";
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

/** A lower-case title part after a title: "Dr. med.", "Dr. rer. nat.", "Prof. Dr. med. habil.". */
function isTitleChain(tokens: readonly string[]): boolean {
  let position = tokens.length - 1;
  let parts = 0;
  while (position >= 0 && /^\p{Ll}{2,6}\.$/u.test(tokens[position] ?? "")) {
    position--;
    parts++;
  }
  return parts > 0 && position >= 0 && NON_FINAL.has(stripOpeners(tokens[position] ?? ""));
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}
