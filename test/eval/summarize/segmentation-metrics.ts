/**
 * Segmentation scores that do not depend on how a splitter treats whitespace: a boundary is the
 * count of non-whitespace characters before the end of a sentence (the end of the text is not a
 * boundary). Exact match compares the whitespace-normalised sentence lists.
 */

export interface SegmentationScore {
  cases: number;
  exact: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function emptyScore(): SegmentationScore {
  return { cases: 0, exact: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

/** Adds one case to the running score. */
export function scoreCase(
  score: SegmentationScore,
  predicted: readonly string[],
  expected: readonly string[],
): boolean {
  const got = normalize(predicted);
  const want = normalize(expected);
  const exact = got.length === want.length && got.every((sentence, index) => sentence === want[index]);
  const gotBoundaries = boundaries(got);
  const wantBoundaries = boundaries(want);
  let truePositives = 0;
  for (const boundary of gotBoundaries) if (wantBoundaries.has(boundary)) truePositives++;
  score.cases++;
  if (exact) score.exact++;
  score.truePositives += truePositives;
  score.falsePositives += gotBoundaries.size - truePositives;
  score.falseNegatives += wantBoundaries.size - truePositives;
  return exact;
}

export function precision(score: SegmentationScore): number {
  const predicted = score.truePositives + score.falsePositives;
  return predicted === 0 ? 0 : score.truePositives / predicted;
}

export function recall(score: SegmentationScore): number {
  const expected = score.truePositives + score.falseNegatives;
  return expected === 0 ? 0 : score.truePositives / expected;
}

export function f1(score: SegmentationScore): number {
  const p = precision(score);
  const r = recall(score);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function normalize(sentences: readonly string[]): string[] {
  return sentences
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => sentence.length > 0);
}

function boundaries(sentences: readonly string[]): Set<number> {
  const result = new Set<number>();
  let position = 0;
  sentences.forEach((sentence, index) => {
    position += sentence.replace(/\s+/g, "").length;
    if (index < sentences.length - 1) result.add(position);
  });
  return result;
}
