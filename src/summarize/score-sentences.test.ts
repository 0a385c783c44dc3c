import { describe, expect, it } from "vitest";
import learned from "./data/learned-abbreviations.json" with { type: "json" };
import { SENTENCE_WEIGHTS, scoreSentences } from "./score-sentences.js";
import { FEATURE_NAMES } from "./sentence-features.js";

describe("the shipped learned data", () => {
  it("names exactly the features sentence-features.ts computes, in order", () => {
    expect(SENTENCE_WEIGHTS.features).toEqual([...FEATURE_NAMES]);
    const model = SENTENCE_WEIGHTS.models.teaser;
    for (const column of [model.mean, model.scale, model.weights])
      expect(column).toHaveLength(FEATURE_NAMES.length);
  });

  it("scores probabilities, higher for a sentence the model prefers", () => {
    const model = {
      mean: FEATURE_NAMES.map(() => 0),
      scale: FEATURE_NAMES.map(() => 1),
      weights: FEATURE_NAMES.map((_, index) => (index === 0 ? 2 : 0)),
      bias: 0,
    };
    const [low, middle, high] = scoreSentences(
      [FEATURE_NAMES.map(() => -1), FEATURE_NAMES.map(() => 0), FEATURE_NAMES.map(() => 1)],
      model,
    );
    expect(middle).toBe(0.5);
    expect(low).toBeLessThan(0.5);
    expect(high).toBeGreaterThan(0.5);
  });

  it("holds abbreviations that end in a period and capitalised sentence starters", () => {
    expect(learned.abbreviations.length).toBeGreaterThan(0);
    for (const entry of learned.abbreviations) expect(entry).toMatch(/^[\p{L}.]+\.$/u);
    for (const word of learned.sentenceStarters) expect(word).toMatch(/^\p{Lu}\p{Ll}+$/u);
  });
});
