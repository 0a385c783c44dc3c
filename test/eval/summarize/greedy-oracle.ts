/**
 * The greedy extractive oracle: repeatedly add the sentence that most raises ROUGE-1 + ROUGE-2
 * against the reference, up to `limit` sentences, output in text order. An upper bound for any
 * method that picks whole sentences, and the labeller for `npm run train`.
 */
import { rougeN, rougeTokens } from "./rouge.js";

export function greedyOracle(
  sentences: readonly string[],
  reference: readonly string[],
  limit: number,
): string[] {
  return greedyOracleIndexes(sentences, reference, limit).map((index) => sentences[index] ?? "");
}

/** The chosen sentence indexes, ascending. */
export function greedyOracleIndexes(
  sentences: readonly string[],
  reference: readonly string[],
  limit: number,
): number[] {
  const referenceTokens = rougeTokens(reference.join(" "));
  const chosen: number[] = [];
  let best = 0;
  while (chosen.length < limit) {
    let pick = -1;
    for (let i = 0; i < sentences.length; i++) {
      if (chosen.includes(i)) continue;
      const trial = [...chosen, i].sort((a, b) => a - b).map((index) => sentences[index] ?? "");
      const tokens = rougeTokens(trial.join(" "));
      const score = rougeN(tokens, referenceTokens, 1) + rougeN(tokens, referenceTokens, 2);
      if (score > best) {
        best = score;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
  }
  return chosen.sort((a, b) => a - b);
}
