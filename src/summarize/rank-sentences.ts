/**
 * LexRank (Erkan & Radev 2004, continuous variant) over German index terms.
 *
 * Each sentence is a TF-IDF vector of its stemmed, stop-worded terms (IDF computed over the
 * sentences of the one article, smoothed: ln(1 + N / df)). Two sentences are linked when their
 * cosine similarity is at least `LINK_THRESHOLD`; the edge weight is the similarity. Centrality
 * is the stationary distribution of a random walk on that graph with damping `DAMPING`
 * (PageRank), found by power iteration. Cost is O(n²·t) for n sentences of t terms, so callers
 * cap n (see `MAX_RANKED_SENTENCES` in select-key-points.ts).
 */

/**
 * A sparse TF-IDF vector: term ids ascending, with weights, and its Euclidean norm.
 *
 * @example
 * const [vector] = buildTermVectors([["china", "putin", "china"]]); // vector.ids: [0, 1]
 */
export interface TermVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

/**
 * Cosine similarity below this does not link two sentences. The LexRank paper uses 0.1 for
 * multi-document clusters; one news article has few, short sentences whose TF-IDF cosines are
 * small, and 0.1 left most of them isolated, so the graph keeps nearly all links.
 */
const LINK_THRESHOLD = 0.03;
/** Probability of following a link rather than jumping to a random sentence. */
const DAMPING = 0.85;
const MAX_ITERATIONS = 60;
/** Power iteration stops when the L1 change of the scores falls below this. */
const CONVERGENCE_EPSILON = 1e-7;

/**
 * Builds TF-IDF vectors for a list of term lists (one per sentence).
 *
 * @example
 * const vectors = buildTermVectors([["china", "putin"], ["putin", "xi"]]);
 * cosineSimilarity(vectors[0]!, vectors[1]!); // → about 0.33
 */
export function buildTermVectors(termLists: readonly (readonly string[])[]): TermVector[] {
  const ids = new Map<string, number>();
  const documentFrequency: number[] = [];
  const counts = termLists.map((terms) => {
    const count = new Map<number, number>();
    for (const term of terms) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
        documentFrequency.push(0);
      }
      count.set(id, (count.get(id) ?? 0) + 1);
    }
    for (const id of count.keys()) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    return count;
  });
  const total = Math.max(1, termLists.length);
  return counts.map((count) => {
    const sorted = [...count.keys()].sort((a, b) => a - b);
    const weights = new Float64Array(sorted.length);
    let squares = 0;
    sorted.forEach((id, index) => {
      const weight = (count.get(id) ?? 0) * Math.log(1 + total / (documentFrequency[id] ?? 1));
      weights[index] = weight;
      squares += weight * weight;
    });
    return { ids: Int32Array.from(sorted), weights, norm: Math.sqrt(squares) };
  });
}

/**
 * Cosine similarity of two sparse vectors (0 when either is empty).
 *
 * @example
 * const [a, b] = buildTermVectors([["krieg"], ["krieg"]]);
 * cosineSimilarity(a!, b!); // → 1
 */
export function cosineSimilarity(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  forEachSharedId(a.ids, b.ids, (i, j) => {
    dot += (a.weights[i] ?? 0) * (b.weights[j] ?? 0);
  });
  return dot / (a.norm * b.norm);
}

/**
 * LexRank centrality of each sentence, scaled so the most central sentence scores 1.
 *
 * @example
 * rankSentences(buildTermVectors([["a", "b"], ["b", "c"], ["x"]])); // → [1, 1, about 0.18]
 */
export function rankSentences(vectors: readonly TermVector[]): number[] {
  return rankGraph(vectors.length, (i, j) => {
    const similarity = cosineSimilarity(vectors[i]!, vectors[j]!);
    return similarity < LINK_THRESHOLD ? 0 : similarity;
  });
}

/**
 * TextRank (Mihalcea & Tarau 2004) centrality: sentences are linked by the number of shared
 * terms, normalised by the log lengths, |Si ∩ Sj| / (ln|Si| + ln|Sj|). Unlike the cosine, this
 * does not punish long, information-rich sentences. Scaled so the maximum is 1.
 *
 * @example
 * rankSentencesByOverlap(buildTermVectors([["a", "b"], ["b", "c"], ["x", "y"]])); // → [1, 1, about 0.18]
 */
export function rankSentencesByOverlap(vectors: readonly TermVector[]): number[] {
  const logSizes = vectors.map((vector) => Math.log(vector.ids.length));
  return rankGraph(vectors.length, (i, j) => {
    const a = vectors[i]!.ids;
    const b = vectors[j]!.ids;
    if (a.length < 2 || b.length < 2) return 0;
    return sharedCount(a, b) / (logSizes[i]! + logSizes[j]!);
  });
}

/** Number of ids two ascending id lists share. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  forEachSharedId(a, b, () => {
    shared++;
  });
  return shared;
}

/**
 * The one merge walk over two ascending id lists: calls `visit(i, j)` for every id they share
 * (`a[i] === b[j]`), in O(|a| + |b|). Both similarity measures are built on it.
 */
function forEachSharedId(a: Int32Array, b: Int32Array, visit: (i: number, j: number) => void): void {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i]!;
    const right = b[j]!;
    if (left === right) {
      visit(i, j);
      i++;
      j++;
    } else if (left < right) {
      i++;
    } else {
      j++;
    }
  }
}

/** PageRank with weighted, undirected edges; `weight(i, j)` = 0 means no edge. */
function rankGraph(count: number, weight: (i: number, j: number) => number): number[] {
  if (count === 0) return [];
  const neighbours: { index: number; weight: number }[][] = Array.from({ length: count }, () => []);
  const outWeight = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const similarity = weight(i, j);
      if (similarity <= 0) continue;
      neighbours[i]!.push({ index: j, weight: similarity });
      neighbours[j]!.push({ index: i, weight: similarity });
      outWeight[i]! += similarity;
      outWeight[j]! += similarity;
    }
  }
  let scores = new Float64Array(count).fill(1 / count);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = new Float64Array(count).fill((1 - DAMPING) / count);
    let danglingMass = 0;
    for (let i = 0; i < count; i++) {
      const score = scores[i]!;
      if (outWeight[i] === 0) {
        danglingMass += score;
        continue;
      }
      for (const { index, weight } of neighbours[i]!)
        next[index]! += (DAMPING * score * weight) / outWeight[i]!;
    }
    // An isolated sentence spreads its score evenly, as if linked to every sentence.
    for (let i = 0; i < count; i++) next[i]! += (DAMPING * danglingMass) / count;
    let change = 0;
    for (let i = 0; i < count; i++) change += Math.abs(next[i]! - scores[i]!);
    scores = next;
    if (change < CONVERGENCE_EPSILON) break;
  }
  const max = Math.max(...scores);
  return Array.from(scores, (score) => (max > 0 ? score / max : 0));
}
