/**
 * The teaser: the lead when the article has one, otherwise the best opening sentences.
 * Always whole sentences within the character budget; never a bare dateline.
 */
import type { Article } from "../types.js";
import { assessSentence } from "./assess-sentence.js";
import type { SentenceUnit } from "./collect-sentences.js";
import { splitKeepingQuotations } from "./join-quoted-sentences.js";
import { type LogisticModel, SENTENCE_WEIGHTS, scoreSentences } from "./score-sentences.js";
import { computeSentenceFeatures } from "./sentence-features.js";
import { stripDateline } from "./strip-dateline.js";

/** The chosen teaser and the body sentences it is made of. */
export interface Teaser {
  text: string;
  /** Body sentences used (empty when the teaser is the lead): key points must not repeat them. */
  used: SentenceUnit[];
}

/** Opening sentences considered for the first teaser sentence when there is no lead. */
const OPENING_WINDOW_SENTENCES = 4;
/** Sentences considered for a teaser without a lead: the top of the article carries the news. */
const MAX_TEASER_CANDIDATES = 30;
/** Sentences this short never become key points (select-key-points.ts), so they reserve nothing. */
const MIN_POINT_WORDS = 4;
/** At most this many sentences make a teaser: it is a teaser, not a paragraph. */
const MAX_TEASER_SENTENCES = 3;

/**
 * Chooses the teaser: the lead (without page furniture such as "Wir berichten im Live-Ticker.")
 * trimmed to whole sentences within `maxChars`; without a lead the
 * first self-contained opening sentence (not a question, fragment, dangling reference or bare
 * quote) plus the sentences that follow it in the same paragraph while they fit. When no whole
 * sentence fits, the shortest opening sentence is cut at a word boundary with "…" — the only
 * case in which a teaser is not whole sentences.
 *
 * @example
 * selectTeaser(article, collectSentences(article).units, 300).text; // → the lead, or the opening
 * // With `reserve` = 3 a teaser without a lead leaves at least three sentences for the key points.
 */
export function selectTeaser(
  article: Article,
  units: readonly SentenceUnit[],
  maxChars: number,
  model: LogisticModel = SENTENCE_WEIGHTS.models.teaser,
  reserve = 0,
): Teaser {
  const lead = article.lead?.trim() ?? "";
  if (lead.length > 0) {
    const sentences = splitKeepingQuotations(lead)
      .map((sentence, index) => (index === 0 ? stripDateline(sentence, article.dateline, true) : sentence))
      .filter((sentence) => !assessSentence(sentence).boilerplate);
    const fitted = fitSentences(sentences, maxChars);
    if (fitted.length > 0) return { text: fitted.join(" "), used: [] };
  }
  const opening = units.filter((unit) => !unit.traits.boilerplate).slice(0, OPENING_WINDOW_SENTENCES);
  const picked = pickLearnedTeaser(article, units, maxChars, model, reserve);
  if (picked.length > 0) return { text: picked.map((unit) => unit.text).join(" "), used: picked };
  const fallbackSource = lead.length > 0 ? splitKeepingQuotations(lead) : opening.map((unit) => unit.text);
  const shortest = [...fallbackSource].sort((a, b) => a.length - b.length)[0];
  if (shortest === undefined) return { text: "", used: [] };
  return { text: cutAtWord(shortest, maxChars), used: [] };
}

/**
 * Without a lead: the first self-contained opening sentence (no dangling reference, question,
 * fragment or bare quote), then the later sentences the learned teaser model rates highest, best
 * first, while they fit in `maxChars` (at most `MAX_TEASER_SENTENCES` in all), shown in article
 * order. Opening with the article's own first statement keeps the teaser readable; the model
 * adds what the opening leaves out (on Wikinews this beats the first two sentences, see
 * docs/summarize-quality.md).
 */
function pickLearnedTeaser(
  article: Article,
  units: readonly SentenceUnit[],
  maxChars: number,
  model: LogisticModel,
  reserve: number,
): SentenceUnit[] {
  const candidates = teaserCandidates(units);
  if (candidates.length === 0) return [];
  const titleText = [article.kicker ?? "", article.headline].join(" ");
  const rows = computeSentenceFeatures(candidates, { titleText });
  const scores = scoreSentences(rows, model);
  const fits = (unit: SentenceUnit, index: number) =>
    index < OPENING_WINDOW_SENTENCES && unit.text.length <= maxChars;
  let first = candidates.findIndex((unit, index) => fits(unit, index) && isTeaserWorthy(unit));
  if (first < 0) first = candidates.findIndex((unit, index) => fits(unit, index) && !unit.traits.fragment);
  if (first < 0) return [];
  const chosen: number[] = [first];
  let length = candidates[first]!.text.length;
  // Sentences beyond the opening one are taken only while `reserve` others remain for key points.
  let spare =
    candidates.filter((unit) => unit.text.split(/\s+/).length >= MIN_POINT_WORDS).length - 1 - reserve;
  const order = candidates
    .map((_, index) => index)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  for (const index of order) {
    if (chosen.length >= MAX_TEASER_SENTENCES || spare <= 0) break;
    if (index <= first) continue;
    const unit = candidates[index]!;
    const added = length + 1 + unit.text.length;
    if (added > maxChars || !isTeaserWorthy(unit, true)) continue;
    // "Er sprach von …" reads right only after the sentence it points back to.
    if (unit.traits.dangling && !(chosen.includes(index - 1) && isSameParagraph(candidates[index - 1], unit)))
      continue;
    chosen.push(index);
    length = added;
    spare--;
  }
  chosen.sort((a, b) => a - b);
  return chosen.map((index) => candidates[index]!);
}

/**
 * The sentences a teaser may be made of when there is no lead: the first
 * `MAX_TEASER_CANDIDATES` that are not page furniture and not ticker entries (a ticker's teaser
 * comes from the summary above its entries).
 *
 * @example
 * teaserCandidates(collectSentences(article).units)[0]; // → the first body sentence
 */
export function teaserCandidates(units: readonly SentenceUnit[]): SentenceUnit[] {
  return units
    .filter((unit) => !unit.traits.boilerplate && unit.updateRank === null)
    .slice(0, MAX_TEASER_CANDIDATES);
}

function isSameParagraph(a: SentenceUnit | undefined, b: SentenceUnit): boolean {
  return a !== undefined && a.paragraph === b.paragraph && a.update === b.update;
}

function isTeaserWorthy(unit: SentenceUnit, continuing = false): boolean {
  const { traits } = unit;
  if (traits.boilerplate || traits.question || traits.fragment || traits.speakerlessQuote) return false;
  return continuing || !traits.dangling;
}

/** The leading sentences whose joined length stays within `maxChars`. */
function fitSentences(sentences: readonly string[], maxChars: number): string[] {
  const fitted: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    const added = fitted.length === 0 ? sentence.length : length + 1 + sentence.length;
    if (added > maxChars) break;
    fitted.push(sentence);
    length = added;
  }
  return fitted;
}

function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, "")}…`;
}
