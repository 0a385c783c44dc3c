/**
 * Key points: the 3–5 body sentences that best carry the article, read on their own.
 *
 * Method (parameters are the constants below):
 * 1. Candidates: body sentences (headings never reach here), without page furniture and without
 *    the sentences the teaser already uses. At most `MAX_RANKED_SENTENCES` are ranked — the
 *    first ones in reading order (for tickers: the summary paragraphs, then the newest updates)
 *    — which caps the O(n²) graph and keeps very long tickers fast.
 * 2. Relevance = `CENTRALITY_WEIGHT` · centrality: the mean of LexRank (TF-IDF cosine graph)
 *                and TextRank (shared-term graph) scores, rank-sentences.ts — LexRank alone
 *                under-rates long, fact-dense sentences, TextRank alone over-rates them; the
 *                graph also holds the teaser's sentences (part of the article, never points:
 *                +0.2 ROUGE-1 on the development half over a graph without them)
 *              + `POSITION_WEIGHT` · prior: `DOCUMENT_POSITION_SHARE` · exp(−i / max(5, n/2.5))
 *                for the i-th of n sentences (inverted pyramid) + the rest · 1/(1 + j) for the
 *                j-th sentence of its paragraph; tickers: 0.7 + 0.3 / (1 + j)
 *              + `TITLE_WEIGHT` · cosine with headline + kicker + lead, scaled to the best
 *                candidate (the editor's own summary of the story);
 *    times recency for tickers (`TICKER_SUMMARY_RECENCY` for the summary paragraphs above the
 *    entries, 1/(1 + rank) for the update of that rank, 0 = newest: a central but old entry
 *    must not beat the news, and the newest entry beats the summary it updates), times
 *    self-containedness (assess-sentence.ts: dangling opener ×0.45, question ×0.3,
 *    fragment ×0.2, quote without speaker ×0.5) and a length factor (> `keyPointChars` ×0.6,
 *    > 1.5 · `keyPointChars` ×0.45), so shorter sentences win where the article allows (set on the
 *    development half: ×0.85 / ×0.6 kept 11.6 % of points over 220 characters, ×0.6 / ×0.45
 *    8.3 %, at the same ROUGE).
 * 3. Maximal marginal relevance: repeatedly take the candidate maximising
 *    `MMR_LAMBDA` · relevance − (1 − `MMR_LAMBDA`) · max similarity to the points taken and to
 *    the teaser; a candidate more similar than `MAX_SIMILARITY` to either is skipped.
 *    While the article has at least as many paragraphs as points are wanted, two sentences of one
 *    paragraph count as at least `SAME_PARAGRAPH_SIMILARITY` similar: points spread over the
 *    article, as a desk editor's do (a paragraph mostly carries one idea).
 * 4. Count by article length (lead + body): < 200 words → 3, < 350 → 4, else 5 (clamped to the
 *    options and to the candidates available). Output in article order, each point compressed
 *    (compress-sentence.ts) with what was removed in `removed`.
 *
 * The weights were set on the seed article (seeds/) and general principles, not fitted to the
 * reference set of `npm run eval`.
 */
import type { KeyPoint } from "../types.js";
import { selfContainedness } from "./assess-sentence.js";
import type { SentenceUnit } from "./collect-sentences.js";
import { compressSentence } from "./compress-sentence.js";
import {
  buildTermVectors,
  cosineSimilarity,
  rankSentences,
  rankSentencesByOverlap,
} from "./rank-sentences.js";
import { toTerms } from "./tokenize-terms.js";

/** What the key points are chosen against: the editor's title and the teaser already shown. */
export interface KeyPointContext {
  /** Headline, kicker and lead: the terms the editor put on top. */
  titleText: string;
  /** The teaser as shown; key points must not repeat it. */
  teaserText: string;
  /** Units the teaser is made of (never key points). */
  teaserUnits: readonly SentenceUnit[];
  wordCount: number;
  isTicker: boolean;
}

/** The point count and length bounds from SummarizeOptions. */
export interface KeyPointLimits {
  keyPointsMin: number;
  keyPointsMax: number;
  keyPointChars: number;
}

/**
 * At most this many candidates are ranked (the first in reading order): the graph costs O(n²),
 * and a 1,000-word article has about 60 sentences, so only very long texts reach the cap.
 *
 * @example
 * candidates.slice(0, MAX_RANKED_SENTENCES);
 */
export const MAX_RANKED_SENTENCES = 150;
const CENTRALITY_WEIGHT = 0.4;
const POSITION_WEIGHT = 0.25;
const TITLE_WEIGHT = 0.35;
/**
 * Share of the position prior that follows the place in the article; the rest rewards the
 * opening sentence of each paragraph (German news paragraphs open with their point). The
 * article's opening is mostly taken by the teaser already, so the paragraph share is larger.
 */
const DOCUMENT_POSITION_SHARE = 0.3;
const MMR_LAMBDA = 0.6;
/**
 * Recency of a ticker's summary paragraphs: as the second-newest update. The summary above the
 * entries is written once and goes stale; it feeds the teaser, while the newest entry is the news.
 */
const TICKER_SUMMARY_RECENCY = 0.5;
/** Two sentences of one paragraph count as at least this similar (see step 3). */
const SAME_PARAGRAPH_SIMILARITY = 0.4;
const MAX_SIMILARITY = 0.5;
/** Fallback bound when too few points pass `MAX_SIMILARITY`: only near-duplicates stay out. */
const NEAR_DUPLICATE = 0.9;
const OVERLONG_FACTOR = 0.6;
const FAR_OVERLONG_FACTOR = 0.45;
/** Sentences with fewer words are not candidates at all (headers, "Mehr folgt."). */
const MIN_CANDIDATE_WORDS = 4;

/**
 * Picks the key points from the candidate sentences.
 *
 * @example
 * selectKeyPoints(units, context, { keyPointsMin: 3, keyPointsMax: 5, keyPointChars: 220 });
 * // → [{ text: "Bislang hatte China …", paragraph: 1, sentence: 0 }, …]
 */
export function selectKeyPoints(
  units: readonly SentenceUnit[],
  context: KeyPointContext,
  limits: KeyPointLimits,
): KeyPoint[] {
  const teaserSet = new Set(context.teaserUnits);
  const candidates = units
    .filter(
      (unit) =>
        !teaserSet.has(unit) &&
        !unit.traits.boilerplate &&
        unit.text.split(/\s+/).length >= MIN_CANDIDATE_WORDS &&
        unit.text !== context.teaserText,
    )
    .slice(0, MAX_RANKED_SENTENCES);
  if (candidates.length === 0) return [];

  const teaserTerms = toTerms(context.teaserText);
  const vectors = buildTermVectors([
    ...candidates.map((unit) => unit.terms),
    teaserTerms,
    toTerms(context.titleText),
  ]);
  const teaserVector = vectors[candidates.length]!;
  const titleVector = vectors[candidates.length + 1]!;
  // Centrality is ranked over the candidates and the teaser's own sentences: those are part of
  // the article, and a candidate close to them is central to it (they never become points).
  const graph = buildTermVectors([...candidates, ...context.teaserUnits].map((unit) => unit.terms));
  const lexRank = rankSentences(graph).slice(0, candidates.length);
  const textRank = rankSentencesByOverlap(graph).slice(0, candidates.length);
  const centrality = lexRank.map((score, index) => (score + (textRank[index] ?? 0)) / 2);
  const titleOverlap = candidates.map((_, index) => cosineSimilarity(vectors[index]!, titleVector));
  const maxTitleOverlap = Math.max(...titleOverlap, 1e-9);
  const decay = Math.max(5, candidates.length / 2.5);

  const relevance = candidates.map((unit, index) => {
    const paragraphOpening = 1 / (1 + unit.sentence);
    const prior = context.isTicker
      ? 0.7 + 0.3 * paragraphOpening
      : DOCUMENT_POSITION_SHARE * Math.exp(-index / decay) + (1 - DOCUMENT_POSITION_SHARE) * paragraphOpening;
    const recency = !context.isTicker
      ? 1
      : unit.updateRank === null
        ? TICKER_SUMMARY_RECENCY
        : 1 / (1 + unit.updateRank);
    const base =
      CENTRALITY_WEIGHT * (centrality[index] ?? 0) +
      POSITION_WEIGHT * prior +
      TITLE_WEIGHT * ((titleOverlap[index] ?? 0) / maxTitleOverlap);
    return (
      base * recency * selfContainedness(unit.traits) * lengthFactor(unit.text.length, limits.keyPointChars)
    );
  });

  const wanted = clamp(pointsForLength(context.wordCount), limits.keyPointsMin, limits.keyPointsMax);
  const paragraphs = new Set(candidates.map((unit) => `${unit.update}:${unit.paragraph}`));
  const onePerParagraph = paragraphs.size >= wanted;
  const similarity = (a: number, b: number): number => {
    const cosine = cosineSimilarity(vectors[a]!, vectors[b]!);
    return onePerParagraph && sameParagraph(candidates[a]!, candidates[b]!)
      ? Math.max(cosine, SAME_PARAGRAPH_SIMILARITY)
      : cosine;
  };
  const teaserSimilarity = (index: number): number =>
    context.teaserText.length > 0 ? cosineSimilarity(vectors[index]!, teaserVector) : 0;
  let chosen = selectByMmr(
    candidates.length,
    wanted,
    relevance,
    similarity,
    teaserSimilarity,
    MAX_SIMILARITY,
  );
  if (chosen.length < limits.keyPointsMin) {
    // A repetitive article (a ticker of near-identical entries) still gets the minimum number of
    // points; only near-duplicates stay out.
    chosen = selectByMmr(
      candidates.length,
      limits.keyPointsMin,
      relevance,
      similarity,
      teaserSimilarity,
      NEAR_DUPLICATE,
    );
  }

  return chosen
    .map((index) => candidates[index]!)
    .sort(byArticleOrder)
    .map(toKeyPoint);
}

/** The key point for a unit: compressed where that keeps it correct, with what was removed. */
function toKeyPoint(unit: SentenceUnit): KeyPoint {
  const compressed = compressSentence(unit.text);
  const removed = [...unit.removed, ...compressed.removed];
  return {
    text: compressed.text,
    paragraph: unit.paragraph,
    sentence: unit.sentence,
    ...(unit.update === null ? {} : { update: unit.update }),
    ...(removed.length > 0 ? { removed } : {}),
  };
}

function selectByMmr(
  count: number,
  wanted: number,
  relevance: readonly number[],
  similarity: (a: number, b: number) => number,
  teaserSimilarity: (index: number) => number,
  maxSimilarity: number,
): number[] {
  const maxRelevance = Math.max(...relevance, 1e-9);
  const chosen: number[] = [];
  const redundancy = Array.from({ length: count }, (_, index) => teaserSimilarity(index));
  const taken = new Set<number>();
  while (chosen.length < wanted) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < count; index++) {
      if (taken.has(index) || (relevance[index] ?? 0) <= 0 || (redundancy[index] ?? 0) > maxSimilarity)
        continue;
      const score =
        MMR_LAMBDA * ((relevance[index] ?? 0) / maxRelevance) - (1 - MMR_LAMBDA) * (redundancy[index] ?? 0);
      if (score > bestScore) {
        bestScore = score;
        best = index;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    taken.add(best);
    for (let index = 0; index < count; index++) {
      if (!taken.has(index)) redundancy[index] = Math.max(redundancy[index] ?? 0, similarity(best, index));
    }
  }
  return chosen;
}

function sameParagraph(a: SentenceUnit, b: SentenceUnit): boolean {
  return a.paragraph === b.paragraph && a.update === b.update;
}

function pointsForLength(words: number): number {
  if (words < 200) return 3;
  if (words < 350) return 4;
  return 5;
}

function lengthFactor(chars: number, limit: number): number {
  if (chars > limit * 1.5) return FAR_OVERLONG_FACTOR;
  if (chars > limit) return OVERLONG_FACTOR;
  return 1;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Article order: body paragraphs first; ticker updates newest first, as the ticker prints them. */
function byArticleOrder(a: SentenceUnit, b: SentenceUnit): number {
  const updateA = a.update ?? -1;
  const updateB = b.update ?? -1;
  return updateA - updateB || a.paragraph - b.paragraph || a.sentence - b.sentence;
}
