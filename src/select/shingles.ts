import { tokenize } from "./classify-politics.js";

/**
 * The set of word n-grams ("shingles") of a text, lower-cased: two versions of one agency story
 * share most of their 3-word shingles even when sources trim or re-order paragraphs.
 *
 * @example
 * shingles("Der Bundestag hat entschieden", 3) // → Set { "der bundestag hat", "bundestag hat entschieden" }
 */
export function shingles(text: string, size: number): Set<string> {
  const words = tokenize(text).filter((w) => !w.includes("-"));
  const result = new Set<string>();
  if (words.length < size) {
    if (words.length > 0) result.add(words.join(" "));
    return result;
  }
  for (let i = 0; i + size <= words.length; i++) result.add(words.slice(i, i + size).join(" "));
  return result;
}

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two sets (0 when both are empty).
 *
 * @example
 * jaccard(new Set(["a", "b"]), new Set(["b", "c"])) // → 0.333…
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = intersectionSize(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Containment |A ∩ B| / min(|A|, |B|): how much of the shorter text the longer one holds. A feed
 * summary inside a full article scores high here while its Jaccard stays low.
 *
 * @example
 * containment(new Set(["a"]), new Set(["a", "b", "c"])) // → 1
 */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : intersectionSize(a, b) / smaller;
}

function intersectionSize(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared;
}
