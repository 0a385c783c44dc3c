/**
 * Turns an article body into the candidate sentences the teaser and key points are chosen from,
 * each with its source position, traits, terms and a prior (position or ticker recency). A
 * quotation of several sentences is one candidate with its speaker (join-quoted-sentences.ts).
 */
import type { Article } from "../types.js";
import { assessSentence, type SentenceTraits } from "./assess-sentence.js";
import { stripLeadingFurniture } from "./compress-sentence.js";
import { joinQuotedSentences } from "./join-quoted-sentences.js";
import { liftThatClause } from "./lift-that-clause.js";
import { splitSentences } from "./split-sentences.js";
import { stripDateline } from "./strip-dateline.js";
import { toTerms } from "./tokenize-terms.js";

/**
 * One candidate sentence with its source position and what the ranker needs. A quotation that
 * `splitSentences` ends inside („Drogen? An unserer Schule kein Problem“, hört man …) is one
 * candidate: its sentences joined, with the speaker and the tail after the closing mark.
 */
export interface SentenceUnit {
  /**
   * The sentence as shown: a leading dateline or glued sub-heading removed, an elliptic comment
   * before a "dass" clause dropped and the clause made a main clause (lift-that-clause.ts).
   */
  text: string;
  /** What was cut off the front of the source sentence to get `text` (empty when nothing). */
  removed: string[];
  /** Index into `article.paragraphs`, or into `article.updates[update].paragraphs`. */
  paragraph: number;
  /** Set when the sentence comes from `article.updates[update]` rather than `article.paragraphs`. */
  update: number | null;
  /**
   * Index of the sentence inside that paragraph, as `splitSentences` numbers it; for a quotation
   * of several sentences the index of its first sentence.
   */
  sentence: number;
  traits: SentenceTraits;
  terms: string[];
  /** Ticker update the sentence belongs to: 0 = newest; null for ordinary/summary paragraphs. */
  updateRank: number | null;
}

/** All candidate sentences of an article and what the point count depends on. */
export interface CollectedSentences {
  /** Candidates in reading order (ticker: summary paragraphs first, then newest updates first). */
  units: SentenceUnit[];
  /** Words in the lead and the text paragraphs the units come from. */
  wordCount: number;
  isTicker: boolean;
}

/**
 * Ticker updates older than the newest this many are not summarised: a ticker of a hundred
 * entries is summarised from its latest ones, and the cost stays flat.
 *
 * @example
 * article.updates.slice(0, MAX_TICKER_UPDATES); // the entries key points may come from
 */
export const MAX_TICKER_UPDATES = 6;

/**
 * Splits every text paragraph (headings skipped) into candidate sentences, a quotation of
 * several sentences kept whole with its speaker. Live tickers: the
 * body paragraphs (the summary above the entries) plus the paragraphs of the newest
 * `MAX_TICKER_UPDATES` updates — taken from `article.updates`, unless the body already repeats
 * them (JSON inputs that flatten the ticker), in which case the body positions are used.
 *
 * @example
 * collectSentences(article).units[0]; // → { text: "Angesichts …", paragraph: 0, sentence: 0, … }
 */
export function collectSentences(article: Article): CollectedSentences {
  const ranks = mapUpdateRanks(article);
  const isTicker = article.updates.length > 0;
  const summary: SentenceUnit[] = [];
  const updates: SentenceUnit[] = [];
  let wordCount = article.lead === null ? 0 : article.lead.split(/\s+/).length;
  let firstText = true;
  const addParagraph = (
    text: string,
    paragraph: number,
    update: number | null,
    updateRank: number | null,
  ) => {
    for (const { text: raw, first: sentence } of joinQuotedSentences(splitSentences(text))) {
      const removed: string[] = [];
      const withoutDateline = stripDateline(raw, article.dateline, firstText && sentence === 0);
      if (withoutDateline !== raw) removed.push(raw.slice(0, raw.length - withoutDateline.length).trim());
      const lifted = liftThatClause(stripLeadingFurniture(withoutDateline, removed));
      if (lifted.removed !== null) removed.push(lifted.removed);
      const shown = lifted.text;
      const unit: SentenceUnit = {
        text: shown,
        removed,
        paragraph,
        sentence,
        update,
        traits: assessSentence(shown),
        terms: toTerms(shown),
        updateRank,
      };
      (updateRank === null ? summary : updates).push(unit);
      wordCount += shown.split(/\s+/).length;
    }
    firstText = false;
  };
  article.paragraphs.forEach((block, paragraph) => {
    if (block.kind !== "text") return;
    const updateRank = ranks.get(paragraph) ?? null;
    if (updateRank !== null && updateRank >= MAX_TICKER_UPDATES) return;
    addParagraph(block.text, paragraph, null, updateRank);
  });
  const flattened = new Set(ranks.values());
  article.updates.slice(0, MAX_TICKER_UPDATES).forEach((entry, rank) => {
    if (flattened.has(rank)) return;
    entry.paragraphs.forEach((text, paragraph) => {
      if (text.trim().length > 0) addParagraph(text, paragraph, rank, rank);
    });
  });
  updates.sort((a, b) => (a.updateRank ?? 0) - (b.updateRank ?? 0));
  return { units: [...summary, ...updates], wordCount, isTicker };
}

/**
 * Which paragraphs belong to which ticker update. Two layouts are recognised: a heading block
 * carrying the update label followed by its paragraphs, or paragraphs whose text equals (or
 * ends with) one of the update's paragraphs.
 */
function mapUpdateRanks(article: Article): Map<number, number> {
  const ranks = new Map<number, number>();
  if (article.updates.length === 0) return ranks;
  const labelRank = new Map<string, number>();
  const textRank = new Map<string, number>();
  article.updates.forEach((update, rank) => {
    labelRank.set(normalize(update.label).replace(/:$/, ""), rank);
    for (const paragraph of update.paragraphs) textRank.set(normalize(paragraph), rank);
  });
  let current: number | null = null;
  article.paragraphs.forEach((block, index) => {
    const text = normalize(block.text);
    const label = labelRank.get(text.replace(/:$/, ""));
    if (label !== undefined) {
      current = label;
      return;
    }
    if (block.kind === "heading") {
      current = null;
      return;
    }
    let rank = textRank.get(text);
    if (rank === undefined) {
      for (const [paragraph, candidate] of textRank) {
        if (paragraph.length >= 30 && text.endsWith(paragraph)) rank = candidate;
      }
    }
    const resolved = rank ?? current;
    if (resolved !== null) ranks.set(index, resolved);
  });
  return ranks;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
