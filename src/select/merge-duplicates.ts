import { toTerms } from "../summarize/index.js";
import type { Article } from "../types.js";
import { tokenize } from "./classify-politics.js";
import { shingles } from "./shingles.js";

/** A story and the other versions of it that were merged into it. */
export interface MergedStory {
  article: Article;
  /** The versions dropped in its favour (other sources of the same story). */
  duplicates: Article[];
}

/** Word 3-grams: long enough to be specific to a text, short enough to survive light edits. */
const SHINGLE_WORDS = 3;
/** How much text identifies a story: the headline, the lead and the first paragraphs. */
const FINGERPRINT_PARAGRAPHS = 3;
/** Two texts sharing this share of the shorter one's shingles tell the same story (agency copy). */
const MIN_CONTAINMENT = 0.6;
/** Containment of tiny texts is noise: both sides need this many shingles. */
const MIN_SHINGLES = 8;
/**
 * Headlines sharing this share of their content words (Jaccard) name the same story. 0.75 lets
 * re-ordered or one-word-longer headlines match, but not two headlines that differ in one
 * telling word: "Erdbeben in Italien: Zahl der Toten steigt" vs "… Japan …" share 4 of 6 (0.67).
 */
const MIN_HEADLINE_JACCARD = 0.75;
/**
 * Two texts whose shorter one has this share of its stemmed content words (no stop words) in the
 * other tell the same story in other words: a feed item's own summary of its page, an update with a
 * new headline. Set on the development half of test/eval/data/dedupe/pairs.jsonl (same-story pairs
 * ≥ 0.60, different stories ≤ 0.47); `npm run eval` reports the other half.
 */
const MIN_TERM_CONTAINMENT = 0.55;
/** Term sets smaller than this (a bare headline) are too small to compare on their own. */
const MIN_TERMS = 8;
/**
 * A word in more than this share of the morning's articles ("Bundestag", "Regierung", "sagte")
 * says nothing about which story an article tells; it is left out of the word-share rules. Never
 * fewer than COMMON_TERM_MIN_ARTICLES, so a handful of articles keeps all its words.
 */
const COMMON_TERM_SHARE = 0.1;
const COMMON_TERM_MIN_ARTICLES = 3;
/** Content words of a headline are the longer ones; "der", "und", "mit" say nothing about the story. */
const MIN_CONTENT_WORD_CHARS = 4;
/** Headlines with fewer content words than this are too short to compare on their own. */
const MIN_HEADLINE_WORDS = 3;

/**
 * Merges near-duplicate stories from several sources (a feed item and the page it links to, two
 * outlets running the same agency copy). Two articles are the same story when they have the same
 * URL (ignoring scheme, "www.", query and fragment; not a URL one source gives several articles,
 * which is a landing page), when their headlines
 * share ≥ 75 % of their content words (Jaccard), when ≥ 60 % of the word 3-gram shingles of
 * the shorter text (headline, lead, first paragraphs) occur in the other (containment — a
 * summary inside a full text scores high, where Jaccard would not), when ≥ 55 % of the shorter
 * text's stemmed content words occur in the other (a summary or update in other words; words in
 * more than a tenth of the articles do not count here). A second outlet's rewrite in its own words
 * is not recognised: a rule for it (shared words plus shared figures) also merged different stories
 * of one morning (see test/eval/dedupe.eval.ts). Duplicates are grouped
 * transitively; each group keeps its richest version — full text over summary, then the longer
 * body, then more metadata — and fields that version lacks (URL, image, section, publication date,
 * kicker, authors) are filled from the others. Input order is kept.
 *
 * @example
 * mergeDuplicates([feedItem, fullPage]) // → [{ article: fullPage (with the feed's URL if it had none), duplicates: [feedItem] }]
 */
export function mergeDuplicates(articles: readonly Article[]): MergedStory[] {
  const prints = dropCommonTerms(articles.map(fingerprint));
  const parent = articles.map((_, index) => index);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  for (const [i, j] of sameStoryPairs(prints)) {
    if (find(i) !== find(j)) parent[find(j)] = find(i);
  }
  const groups = new Map<number, Article[]>();
  articles.forEach((article, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), article]);
  });
  return [...groups.values()].map((group) => {
    const ranked = [...group].sort(compareRichness);
    const [richest, ...others] = ranked as [Article, ...Article[]];
    return { article: fillFrom(richest, others), duplicates: others };
  });
}

/**
 * The pairs (i < j) that tell the same story. Shared shingles and headline words are counted
 * through inverted indexes, so only articles that share something are ever compared: a morning
 * of 400 articles costs milliseconds instead of 80,000 set intersections.
 */
function sameStoryPairs(prints: readonly Fingerprint[]): [number, number][] {
  const sharedShingles = countShared(prints.map((p) => p.textShingles));
  const sharedWords = countShared(prints.map((p) => p.headlineWords));
  const sharedTerms = countShared(prints.map((p) => p.terms));
  const pairs: [number, number][] = [];
  // The same address is the same story, however differently a feed and its page word it —
  // unless one source gives it to several articles: then it is a landing page, not an article.
  const byUrl = new Map<string, number[]>();
  prints.forEach((print, j) => {
    if (print.url !== null) byUrl.set(print.url, [...(byUrl.get(print.url) ?? []), j]);
  });
  for (const members of byUrl.values()) {
    const sources = members.map((j) => (prints[j] as Fingerprint).source);
    if (members.length < 2 || new Set(sources).size < sources.length) continue;
    for (const j of members.slice(1)) pairs.push([members[0] as number, j]);
  }
  const keys = new Set([...sharedShingles.keys(), ...sharedWords.keys(), ...sharedTerms.keys()]);
  for (const key of keys) {
    const i = Math.floor(key / prints.length);
    const j = key % prints.length;
    const a = prints[i] as Fingerprint;
    const b = prints[j] as Fingerprint;
    const words = sharedWords.get(key) ?? 0;
    const headlineJaccard = words / (a.headlineWords.size + b.headlineWords.size - words);
    const sameHeadline =
      a.headlineWords.size >= MIN_HEADLINE_WORDS &&
      b.headlineWords.size >= MIN_HEADLINE_WORDS &&
      headlineJaccard >= MIN_HEADLINE_JACCARD;
    const smaller = Math.min(a.textShingles.size, b.textShingles.size);
    const sameText =
      a.textShingles.size >= MIN_SHINGLES &&
      b.textShingles.size >= MIN_SHINGLES &&
      (sharedShingles.get(key) ?? 0) / smaller >= MIN_CONTAINMENT;
    const sameWords =
      a.terms.size >= MIN_TERMS &&
      b.terms.size >= MIN_TERMS &&
      (sharedTerms.get(key) ?? 0) / Math.min(a.terms.size, b.terms.size) >= MIN_TERM_CONTAINMENT;
    if (sameHeadline || sameText || sameWords) pairs.push([i, j]);
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Removes from every fingerprint's terms those that occur in too many of the articles. */
function dropCommonTerms(prints: Fingerprint[]): Fingerprint[] {
  const limit = Math.max(COMMON_TERM_MIN_ARTICLES, Math.ceil(prints.length * COMMON_TERM_SHARE));
  const documents = new Map<string, number>();
  for (const print of prints)
    for (const term of print.terms) documents.set(term, (documents.get(term) ?? 0) + 1);
  for (const print of prints) {
    for (const term of print.terms) if ((documents.get(term) ?? 0) > limit) print.terms.delete(term);
  }
  return prints;
}

/** For every pair of sets sharing at least one item: how many they share, keyed i * n + j (i < j). */
function countShared(sets: readonly ReadonlySet<string>[]): Map<number, number> {
  const postings = new Map<string, number[]>();
  const shared = new Map<number, number>();
  sets.forEach((set, j) => {
    for (const item of set) {
      const list = postings.get(item);
      if (!list) {
        postings.set(item, [j]);
        continue;
      }
      for (const i of list) {
        const key = i * sets.length + j;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
      list.push(j);
    }
  });
  return shared;
}

/**
 * Orders versions of one story richest first: full text before summary-only, longer body,
 * more metadata.
 *
 * @example
 * [summaryItem, fullPage].sort(compareRichness)[0] === fullPage // → true
 */
export function compareRichness(a: Article, b: Article): number {
  if (a.fullText !== b.fullText) return a.fullText ? -1 : 1;
  const length = bodyChars(b) - bodyChars(a);
  if (length !== 0) return length;
  return metadataCount(b) - metadataCount(a);
}

interface Fingerprint {
  headlineWords: Set<string>;
  textShingles: Set<string>;
  /** Stemmed content words of the same text (stop words and numbers left out). */
  terms: Set<string>;
  /** The canonical URL without scheme, "www.", query, fragment and trailing slash. */
  url: string | null;
  source: string | null;
}

function fingerprint(article: Article): Fingerprint {
  const text = [
    article.headline,
    article.lead ?? "",
    ...article.paragraphs
      .filter((b) => b.kind === "text")
      .slice(0, FINGERPRINT_PARAGRAPHS)
      .map((b) => b.text),
  ].join(" ");
  return {
    headlineWords: new Set([
      ...tokenize(article.headline).filter((w) => w.length >= MIN_CONTENT_WORD_CHARS && !w.includes("-")),
      ...acronymsOf(article.headline),
    ]),
    textShingles: shingles(text, SHINGLE_WORDS),
    terms: new Set(toTerms(text)),
    url: normalizeUrl(article.url),
    source: article.source,
  };
}

/**
 * Acronyms of a headline, lower-cased ("AfD", "SPD", "EU", "BND"): short, but the telling word of
 * "Anschlag auf Parteibüro der AfD" next to "… der Grünen".
 */
function acronymsOf(headline: string): string[] {
  return (headline.match(/(?<![\p{L}\p{N}])\p{Lu}\p{L}*\p{Lu}\p{L}*(?![\p{L}\p{N}])/gu) ?? [])
    .filter((word) => word.length < MIN_CONTENT_WORD_CHARS)
    .map((word) => word.toLocaleLowerCase("de"));
}

function normalizeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, "")}${parsed.pathname.replace(/\/+$/, "")}`.toLowerCase();
  } catch {
    return null;
  }
}

function bodyChars(article: Article): number {
  return article.paragraphs.reduce((sum, block) => sum + block.text.length, 0);
}

function metadataCount(article: Article): number {
  return [
    article.section,
    article.kicker,
    article.lead,
    article.dateline,
    article.published,
    article.url,
    article.image,
    article.authors.length > 0 ? article.authors : null,
  ].filter((value) => value !== null).length;
}

function fillFrom(base: Article, others: readonly Article[]): Article {
  const pick = <K extends keyof Article>(key: K): Article[K] => {
    if (base[key] !== null) return base[key];
    return others.find((o) => o[key] !== null)?.[key] ?? base[key];
  };
  const withSection =
    base.section === null && base.breadcrumbs.length === 0
      ? others.find((o) => o.section !== null)
      : undefined;
  const withAuthors = base.authors.length === 0 ? others.find((o) => o.authors.length > 0) : undefined;
  return {
    ...base,
    section: withSection?.section ?? base.section,
    breadcrumbs: withSection?.breadcrumbs ?? base.breadcrumbs,
    kicker: pick("kicker"),
    published: pick("published"),
    url: pick("url"),
    image: pick("image"),
    authors: withAuthors?.authors ?? base.authors,
    agencies: base.agencies.length > 0 ? base.agencies : (withAuthors?.agencies ?? base.agencies),
  };
}
