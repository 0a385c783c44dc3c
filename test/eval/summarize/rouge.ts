/**
 * ROUGE-N and ROUGE-L (Lin 2004) F1 for German: tokens from the summarize stage's tokenizer
 * (keeps umlauts and ß, lower-cased), each reduced with the German Snowball stemmer. Stop words
 * are kept, as in the original ROUGE.
 */
import { stemWord, tokenizeWords } from "../../../src/summarize/index.js";

/** Stemmed German tokens of a text. */
export function rougeTokens(text: string): string[] {
  return tokenizeWords(text).map(stemWord);
}

/** ROUGE-N F1 with clipped n-gram counts. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): number {
  const candidateGrams = countGrams(candidate, n);
  const referenceGrams = countGrams(reference, n);
  let overlap = 0;
  for (const [gram, count] of candidateGrams) overlap += Math.min(count, referenceGrams.get(gram) ?? 0);
  const candidateTotal = Math.max(0, candidate.length - n + 1);
  const referenceTotal = Math.max(0, reference.length - n + 1);
  return f1(overlap, candidateTotal, referenceTotal);
}

/** ROUGE-L F1: longest common subsequence of the two token sequences. */
export function rougeL(candidate: readonly string[], reference: readonly string[]): number {
  if (candidate.length === 0 || reference.length === 0) return 0;
  let previous = new Uint16Array(reference.length + 1);
  let current = new Uint16Array(reference.length + 1);
  for (const token of candidate) {
    for (let j = 1; j <= reference.length; j++) {
      current[j] =
        token === reference[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
    current.fill(0);
  }
  return f1(previous[reference.length]!, candidate.length, reference.length);
}

function countGrams(tokens: readonly string[], n: number): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(" ");
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function f1(overlap: number, candidateTotal: number, referenceTotal: number): number {
  if (overlap === 0 || candidateTotal === 0 || referenceTotal === 0) return 0;
  const precision = overlap / candidateTotal;
  const recall = overlap / referenceTotal;
  return (2 * precision * recall) / (precision + recall);
}
