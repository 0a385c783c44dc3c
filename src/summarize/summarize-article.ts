/**
 * The summarize stage for one article: teaser plus key points. Pure: no I/O, no clock.
 */
import type { Article, Summary } from "../types.js";
import { collectSentences } from "./collect-sentences.js";
import { type LogisticModel, SENTENCE_WEIGHTS } from "./score-sentences.js";
import { selectKeyPoints } from "./select-key-points.js";
import { selectTeaser } from "./select-teaser.js";

/** Limits of the teaser and key points; the CLI fills them from `config.limits`. */
export interface SummarizeOptions {
  /** Maximum teaser length in characters. */
  teaserChars: number;
  keyPointsMin: number;
  keyPointsMax: number;
  /** Preferred maximum length of one key point in characters. */
  keyPointChars: number;
}

/**
 * Defaults from the 7:30 digest layout: a 300-character teaser, 3–5 points of ≤ 220 characters.
 *
 * @example
 * summarizeArticle(article, { ...DEFAULT_SUMMARIZE_OPTIONS, keyPointsMax: 4 });
 */
export const DEFAULT_SUMMARIZE_OPTIONS: Readonly<SummarizeOptions> = {
  teaserChars: 300,
  keyPointsMin: 3,
  keyPointsMax: 5,
  keyPointChars: 220,
};

/**
 * Summarizes an article into a teaser and 3–5 key points.
 *
 * For live tickers (`article.updates` non-empty) the candidates are the summary paragraphs and the
 * newest updates only; older entries are left out.
 *
 * @example
 * const { teaser, keyPoints } = summarizeArticle(article);
 * // teaser: the lead (≤ 300 chars, whole sentences); keyPoints: [{ text, paragraph, sentence }, …]
 */
export function summarizeArticle(article: Article, options: Partial<SummarizeOptions> = {}): Summary {
  return summarizeWithModels(article, { ...DEFAULT_SUMMARIZE_OPTIONS, ...options }, SENTENCE_WEIGHTS.models);
}

/**
 * `summarizeArticle` with an explicit scorer model, for training and evaluating weights that are
 * not the shipped ones. Not part of the stage's public API.
 *
 * @example
 * summarizeWithModels(article, DEFAULT_SUMMARIZE_OPTIONS, SENTENCE_WEIGHTS.models);
 */
export function summarizeWithModels(
  article: Article,
  settings: SummarizeOptions,
  models: { teaser: LogisticModel },
): Summary {
  const { units, wordCount, isTicker } = collectSentences(article);
  const teaser = selectTeaser(article, units, settings.teaserChars, models.teaser, settings.keyPointsMin);
  const titleText = [article.kicker ?? "", article.headline, article.lead ?? ""].join(" ");
  const keyPoints = selectKeyPoints(
    units,
    { titleText, teaserText: teaser.text, teaserUnits: teaser.used, wordCount, isTicker },
    settings,
  );
  return { teaser: teaser.text, keyPoints };
}
