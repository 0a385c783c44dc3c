/**
 * The teaser: the lead when the article has one, otherwise the best opening sentences.
 * Always whole sentences within the character budget; never a bare dateline.
 */
import type { Article } from "../types.js";
import { assessSentence } from "./assess-sentence.js";
import type { SentenceUnit } from "./collect-sentences.js";
import { type LogisticModel, SENTENCE_WEIGHTS, scoreSentences } from "./score-sentences.js";
import { computeSentenceFeatures } from "./sentence-features.js";
import { splitSentences } from "./split-sentences.js";
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
 */
export function selectTeaser(
  article: Article,
  units: readonly SentenceUnit[],
  maxChars: number,
  model: LogisticModel = SENTENCE_WEIGHTS.models.teaser,
): Teaser {
  const lead = article.lead?.trim() ?? "";
  if (lead.length > 0) {
    const sentences = splitSentences(lead)
      .map((sentence, index) => (index === 0 ? stripDateline(sentence, article.dateline, true) : sentence))
      .filter((sentence) => !assessSentence(sentence).boilerplate);
    const fitted = fitSentences(sentences, maxChars);
    if (fitted.length > 0) return { text: fitted.join(" "), used: [] };
  }
  const opening = units.filter((unit) => !unit.traits.boilerplate).slice(0, OPENING_WINDOW_SENTENCES);
  const picked = pickLearnedTeaser(article, units, maxChars, model);
  if (picked.length > 0) return { text: picked.map((unit) => unit.text).join(" "), used: picked };
  const fallbackSource = lead.length > 0 ? splitSentences(lead) : opening.map((unit) => unit.text);
  const shortest = [...fallbackSource].sort((a, b) => a.length - b.length)[0];
  if (shortest === undefined) return { text: "", used: [] };
  return { text: cutAtWord(shortest, maxChars), used: [] };
}

/**
 * Without a lead: the sentences the teaser model rates highest, best first, while they fit in
 * `maxChars` (at most `MAX_TEASER_SENTENCES`), shown in article order. The first one shown must
 * stand on its own (no dangling reference); none may be a question, fragment or bare quote.
 */
function pickLearnedTeaser(
  article: Article,
  units: readonly SentenceUnit[],
  maxChars: number,
  model: LogisticModel,
): SentenceUnit[] {
  const candidates = teaserCandidates(units);
  if (candidates.length === 0) return [];
  const titleText = [article.kicker ?? "", article.headline].join(" ");
  const { rows } = computeSentenceFeatures(candidates, { titleText, teaserText: "" });
  const scores = scoreSentences(rows, model);
  const order = candidates.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const chosen: number[] = [];
  let length = 0;
  for (const index of order) {
    if (chosen.length >= MAX_TEASER_SENTENCES) break;
    const unit = candidates[index]!;
    const added = chosen.length === 0 ? unit.text.length : length + 1 + unit.text.length;
    if (added > maxChars || !isTeaserWorthy(unit, true)) continue;
    chosen.push(index);
    length = added;
  }
  chosen.sort((a, b) => a - b);
  while (chosen.length > 0 && !isTeaserWorthy(candidates[chosen[0]!]!)) chosen.shift();
  return chosen.map((index) => candidates[index]!);
}

/**
 * The sentences a teaser may be made of when there is no lead: the first
 * `MAX_TEASER_CANDIDATES` that are not page furniture.
 *
 * @example
 * teaserCandidates(collectSentences(article).units)[0]; // → the first body sentence
 */
export function teaserCandidates(units: readonly SentenceUnit[]): SentenceUnit[] {
  return units.filter((unit) => !unit.traits.boilerplate).slice(0, MAX_TEASER_CANDIDATES);
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
