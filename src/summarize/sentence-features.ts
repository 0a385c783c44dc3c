/**
 * The features the learned sentence scorer reads (score-sentences.ts), one row per candidate
 * sentence. `npm run train` (test/eval/train.ts) fits the weights on the development half of
 * the Wikinews data with exactly these functions, so training and use cannot drift apart; the
 * shipped JSON names its features and a test checks they match `FEATURE_NAMES`.
 */
import type { SentenceUnit } from "./collect-sentences.js";
import { MONTH_NAMES } from "./data/abbreviations.js";
import { SPEECH_VERBS } from "./data/speech-verbs.js";
import {
  buildTermVectors,
  cosineSimilarity,
  rankSentences,
  rankSentencesByOverlap,
} from "./rank-sentences.js";
import { toTerms } from "./tokenize-terms.js";

/**
 * Feature names in column order.
 *
 * @example
 * FEATURE_NAMES.indexOf("titleOverlap"); // → the column of the headline overlap
 */
export const FEATURE_NAMES = [
  "positionInverse",
  "positionRelative",
  "paragraphInverse",
  "sentenceInParagraphInverse",
  "firstInParagraph",
  "lengthChars",
  "lengthLogWords",
  "overlong",
  "titleOverlap",
  "titleTermShare",
  "lexRank",
  "textRank",
  "acronyms",
  "nameBigrams",
  "numbers",
  "dateWords",
  "quoteWithSpeaker",
  "speakerlessQuote",
  "dangling",
  "question",
  "fragment",
  "parenthesisShare",
] as const;

/** What the features are computed against. */
export interface FeatureContext {
  /** Headline and kicker: the editor's own summary of the story. */
  titleText: string;
}

/** Key points longer than this many characters count as overlong (the target is 200). */
const OVERLONG_CHARS = 200;
const MONTHS = new Set(MONTH_NAMES);
const WEEKDAYS = new Set(["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]);
const TIME_WORDS = new Set(["heute", "gestern", "morgen", "vorgestern", "Wochenende", "Nacht"]);
const SPEECH = new Set(SPEECH_VERBS);
const QUOTE = /[„“”"»«]/u;

/**
 * Computes the feature rows of the candidates, in their order.
 *
 * @example
 * const rows = computeSentenceFeatures(units, { titleText: article.headline });
 * rows[0]!.length === FEATURE_NAMES.length; // → true
 */
export function computeSentenceFeatures(units: readonly SentenceUnit[], context: FeatureContext): number[][] {
  const count = units.length;
  const titleTerms = toTerms(context.titleText);
  const vectors = buildTermVectors([...units.map((unit) => unit.terms), titleTerms]);
  const candidates = vectors.slice(0, count);
  const titleVector = vectors[count]!;
  const lexRank = rankSentences(candidates);
  const textRank = rankSentencesByOverlap(candidates);
  const titleSet = new Set(titleTerms);
  const paragraphs = new Map<string, number>();
  for (const unit of units) {
    const key = `${unit.update}:${unit.paragraph}`;
    if (!paragraphs.has(key)) paragraphs.set(key, paragraphs.size);
  }
  const rows = units.map((unit, index) => {
    const text = unit.text;
    const words = text.split(/\s+/).filter((word) => word.length > 0);
    const wordCount = Math.max(1, words.length);
    const paragraphRank = paragraphs.get(`${unit.update}:${unit.paragraph}`) ?? 0;
    const sharedTitle = new Set(unit.terms.filter((term) => titleSet.has(term))).size;
    return [
      1 / (1 + index),
      count > 1 ? index / (count - 1) : 0,
      1 / (1 + paragraphRank),
      1 / (1 + unit.sentence),
      unit.sentence === 0 ? 1 : 0,
      text.length / OVERLONG_CHARS,
      Math.log(wordCount),
      text.length > OVERLONG_CHARS ? 1 : 0,
      cosineSimilarity(candidates[index]!, titleVector),
      titleSet.size > 0 ? sharedTitle / titleSet.size : 0,
      lexRank[index] ?? 0,
      textRank[index] ?? 0,
      countMatches(words, (word) => /^\p{Lu}{2,}/u.test(word)) / wordCount,
      nameBigrams(words) / wordCount,
      countMatches(words, (word) => /\d/.test(word)) / wordCount,
      countMatches(words, (word) => {
        const bare = word.replace(/[^\p{L}]/gu, "");
        return MONTHS.has(bare) || WEEKDAYS.has(bare) || TIME_WORDS.has(bare);
      }) > 0
        ? 1
        : 0,
      QUOTE.test(text) && words.some((word) => SPEECH.has(word.replace(/[^\p{L}]/gu, "").toLowerCase()))
        ? 1
        : 0,
      unit.traits.speakerlessQuote ? 1 : 0,
      unit.traits.dangling ? 1 : 0,
      unit.traits.question ? 1 : 0,
      unit.traits.fragment ? 1 : 0,
      parenthesisShare(text),
    ];
  });
  return rows;
}

function countMatches(words: readonly string[], test: (word: string) => boolean): number {
  let matches = 0;
  for (const word of words) if (test(word)) matches++;
  return matches;
}

/** Two capitalised words in a row, not at the sentence start: "Olaf Scholz", "Deutsche Bank". */
function nameBigrams(words: readonly string[]): number {
  let pairs = 0;
  for (let i = 2; i < words.length; i++) {
    if (/^\p{Lu}\p{Ll}/u.test(words[i - 1] ?? "") && /^\p{Lu}\p{Ll}/u.test(words[i] ?? "")) pairs++;
  }
  return pairs;
}

/** Share of the characters inside round brackets: asides carry background, not the news. */
function parenthesisShare(text: string): number {
  let inside = 0;
  for (const match of text.matchAll(/\([^()]*\)/gu)) inside += match[0].length;
  return text.length > 0 ? inside / text.length : 0;
}
