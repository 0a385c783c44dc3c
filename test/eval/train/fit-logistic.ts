/**
 * A small, deterministic logistic regression: features standardised by their mean and standard
 * deviation, L2-regularised, fitted by full-batch gradient descent from zero weights (no random
 * start, no shuffling), so the same data always gives the same model.
 */
import type { LogisticModel } from "../../../src/summarize/score-sentences.js";

export interface FitOptions {
  iterations: number;
  learningRate: number;
  /** L2 penalty on the weights (not the bias). */
  l2: number;
}

export const DEFAULT_FIT: FitOptions = { iterations: 3000, learningRate: 0.5, l2: 0.001 };

export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  options = DEFAULT_FIT,
): LogisticModel {
  const width = rows[0]?.length ?? 0;
  const count = rows.length;
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(0);
  for (const row of rows) for (let j = 0; j < width; j++) mean[j]! += (row[j] ?? 0) / count;
  for (const row of rows)
    for (let j = 0; j < width; j++) scale[j]! += ((row[j] ?? 0) - mean[j]!) ** 2 / count;
  for (let j = 0; j < width; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const x = rows.map((row) => row.map((value, j) => (value - mean[j]!) / scale[j]!));
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const rate = Math.min(Math.max(positives / Math.max(1, count), 1e-6), 1 - 1e-6);
  const weights = new Array<number>(width).fill(0);
  let bias = Math.log(rate / (1 - rate));
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const gradient = new Array<number>(width).fill(0);
    let biasGradient = 0;
    x.forEach((row, i) => {
      let z = bias;
      for (let j = 0; j < width; j++) z += weights[j]! * row[j]!;
      const error = 1 / (1 + Math.exp(-z)) - (labels[i] ?? 0);
      biasGradient += error;
      for (let j = 0; j < width; j++) gradient[j]! += error * row[j]!;
    });
    bias -= (options.learningRate * biasGradient) / count;
    for (let j = 0; j < width; j++) {
      weights[j]! -= options.learningRate * (gradient[j]! / count + options.l2 * weights[j]!);
    }
  }
  return { mean: mean.map(round), scale: scale.map(round), weights: weights.map(round), bias: round(bias) };
}

/** Six significant decimals: enough for the scores, and a stable file across runs. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
