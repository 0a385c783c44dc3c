/**
 * German word tokens and index terms, shared by the ranker and the evaluation.
 *
 * Tokens keep umlauts and ß ("Präsident", "Maßnahmen"); numbers stay as tokens. Terms are the
 * lower-cased tokens without German stop words (stopwords-iso "de", plus a few news-specific
 * fillers), reduced with the German Snowball stemmer (snowball-stemmers), so "Beziehungen" and
 * "Beziehung" meet. Stemmer and stop-word set are built once at module load and stems are
 * memoised: summarizing 1,000 articles must not pay any setup per call.
 */
import { createRequire } from "node:module";
import { newStemmer } from "snowball-stemmers";

// stopwords-iso ships a bare JSON main: Node's ESM loader needs an import attribute for it, which
// the compiled output cannot carry portably, so it is loaded through require.
const stopwords = createRequire(import.meta.url)("stopwords-iso") as Record<string, string[]>;

/**
 * Lower-cased word tokens of a German text (letters incl. umlauts and ß, digits; inner hyphens
 * and apostrophes kept: "Ukraine-Krieg", "geht's").
 *
 * @example
 * tokenizeWords("Die Maßnahmen für Ukraine-Flüchtlinge, 3,5 Prozent.");
 * // → ["die", "maßnahmen", "für", "ukraine-flüchtlinge", "3,5", "prozent"]
 */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Stems one lower-cased German word with the Snowball stemmer (memoised).
 *
 * @example
 * stemWord("beziehungen"); // → "bezieh"
 */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = GERMAN.stem(word);
    if (stemCache.size >= MAX_CACHED_STEMS) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * Content terms of a text: tokens without stop words and one-character tokens, stemmed.
 * Hyphenated compounds also contribute their parts ("Ukraine-Krieg" → ukraine-krieg, ukrain, krieg).
 *
 * @example
 * toTerms("Die russisch-chinesischen Beziehungen sollen sich intensivieren.");
 * // → ["russisch-chines", "russisch", "chines", "bezieh", "intensivi"]
 */
export function toTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenizeWords(text)) {
    if (token.length < 2 || STOPWORDS.has(token) || /^\d+(?:[.,]\d+)*$/.test(token)) continue;
    terms.push(stemWord(token));
    if (token.includes("-")) {
      for (const part of token.split("-")) {
        if (part.length >= 2 && !STOPWORDS.has(part)) terms.push(stemWord(part));
      }
    }
  }
  return terms;
}

/**
 * True for a German stop word (lower-case).
 *
 * @example
 * isStopword("und"); // → true
 */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu;
const GERMAN = newStemmer("german");
/** Memo size bound: a German news vocabulary of a few days fits; the cache resets beyond it. */
const MAX_CACHED_STEMS = 50_000;
const stemCache = new Map<string, string>();
/** News fillers that carry no topic, on top of stopwords-iso. */
const NEWS_FILLERS = [
  "sagte",
  "sagt",
  "erklärte",
  "laut",
  "zufolge",
  "demnach",
  "sei",
  "seien",
  "worden",
  "bereits",
  "hieß",
  "heißt",
];
const STOPWORDS: ReadonlySet<string> = new Set([...(stopwords.de ?? []), ...NEWS_FILLERS]);
