/**
 * The learned sentence scorer: a logistic regression over the features of
 * sentence-features.ts that rates body sentences for the teaser of an article without a lead, fitted by
 * `npm run train` on the development half of the Wikinews data (oracle labels: the sentences
 * that best cover the article's own lead) and shipped as data/sentence-weights.json.
 */
import weights from "./data/sentence-weights.json" with { type: "json" };
import { FEATURE_NAMES } from "./sentence-features.js";

/** One fitted model: standardisation and weights per feature, in `FEATURE_NAMES` order. */
export interface LogisticModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** The shipped weights file. */
export interface SentenceWeights {
  about: string;
  features: string[];
  models: { teaser: LogisticModel };
  training: Record<string, number | string>;
}

/**
 * The shipped models. Their feature list must equal `FEATURE_NAMES` (a test pins it).
 *
 * @example
 * SENTENCE_WEIGHTS.features.length === FEATURE_NAMES.length; // → true
 */
export const SENTENCE_WEIGHTS: Readonly<SentenceWeights> = weights as SentenceWeights;

/**
 * The probability that each sentence belongs in the summary, by one model.
 *
 * @example
 * scoreSentences(rows, SENTENCE_WEIGHTS.models.teaser); // → [0.41, 0.07, …]
 */
export function scoreSentences(rows: readonly number[][], model: LogisticModel): number[] {
  return rows.map((row) => {
    let z = model.bias;
    for (let j = 0; j < FEATURE_NAMES.length; j++) {
      z += ((model.weights[j] ?? 0) * ((row[j] ?? 0) - (model.mean[j] ?? 0))) / (model.scale[j] || 1);
    }
    return 1 / (1 + Math.exp(-z));
  });
}
