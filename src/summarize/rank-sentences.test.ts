import { describe, expect, it } from "vitest";
import {
  buildTermVectors,
  cosineSimilarity,
  rankSentences,
  rankSentencesByOverlap,
} from "./rank-sentences.js";

describe("rankSentences", () => {
  const vectors = buildTermVectors([
    ["haushalt", "bundestag", "schuld"],
    ["haushalt", "schuld", "union"],
    ["haushalt", "bundestag", "bundesrat"],
    ["wetter", "regen"],
  ]);

  it("ranks the sentence linked to the others highest and an isolated one lowest", () => {
    for (const scores of [rankSentences(vectors), rankSentencesByOverlap(vectors)]) {
      expect(Math.max(...scores)).toBe(1);
      expect(scores[0]).toBe(1);
      expect(scores[3]).toBe(Math.min(...scores));
    }
  });

  it("gives identical sentences a cosine of 1 and disjoint ones 0", () => {
    const [a, b, c] = buildTermVectors([["krieg", "frieden"], ["krieg", "frieden"], ["wetter"]]);
    expect(cosineSimilarity(a!, b!)).toBeCloseTo(1, 10);
    expect(cosineSimilarity(a!, c!)).toBe(0);
  });

  it("returns nothing for no sentences", () => {
    expect(rankSentences([])).toEqual([]);
  });
});
