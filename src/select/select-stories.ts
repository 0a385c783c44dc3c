import { DigestError } from "../errors.js";
import type { Article, RankedArticle, Selection } from "../types.js";
import { inferSection, type SectionSource } from "./infer-section.js";
import { mergeDuplicates } from "./merge-duplicates.js";

export interface SelectOptions {
  /** Section the edition is made of, matched case-insensitively (with aliases) on section or breadcrumbs. */
  section: string;
  /** How many further headlines after the top story. */
  furtherHeadlines: number;
  /** The edition's time (e.g. 07:30 local on the edition date); freshness is measured from here. */
  editionTime: Date;
  /** Stories published longer than this before the edition time are left out. */
  freshnessHours: number;
}

const MS_PER_HOUR = 3_600_000;
/** Explicit section signals outrank the classifier's guess when stories are otherwise equal. */
const SOURCE_TRUST: Record<SectionSource, number> = { article: 3, breadcrumb: 3, url: 2, classifier: 1 };

interface Candidate {
  article: Article;
  /** How many inputs carried this story (itself plus merged duplicates). */
  coverage: number;
  trust: number;
  sectionSource: SectionSource;
}

/**
 * Picks the top story and the further headlines of the configured section from all inputs.
 *
 * Steps, in order:
 * 1. **Freshness** — articles whose last update (else publication) is more than `freshnessHours`
 *    before `editionTime` are left out. Undated articles stay: the seed format often has no date.
 *    Articles dated after the edition time stay too, so a preview built later in the day shows
 *    the latest news.
 * 2. **Duplicates** — near-duplicate versions of one story are merged (see `mergeDuplicates`),
 *    keeping the richest version; the others are listed in `skipped`.
 * 3. **Section** — from the most trusted signal (see `inferSection`): the article's own section
 *    (JSON-LD > OpenGraph > breadcrumb markup, or the feed category), its breadcrumbs, a section
 *    word in its URL path, and for articles with none of these the German politics classifier.
 *    Articles of other sections are left out.
 * 4. **Ranking** — by, in this order:
 *    a. full text before headline-only feed items (a summary is the top story only when
 *       nothing better exists);
 *    b. coverage: stories carried by more inputs first (several sources = a bigger story);
 *    c. section trust: explicit section signals before URL words before the classifier;
 *    d. newer before older by last update, else publication (undated last);
 *    e. longer body first; then the id, so the order never depends on input order.
 *    The first is the top story; the next `furtherHeadlines` are the further headlines.
 *
 * Articles without a telling section of their own (none, or a generic one like "Nachrichten")
 * get the inferred one (e.g. "Politik" from the URL or the classifier), so the edition can label
 * them.
 *
 * @throws DigestError E_NO_STORY (exit 3) when no article qualifies.
 * @example
 * const { top, more, skipped } = selectStories(articles, { section: "Politik", furtherHeadlines: 5, editionTime, freshnessHours: 24 });
 */
export function selectStories(articles: readonly Article[], options: SelectOptions): Selection {
  const skipped: Selection["skipped"] = [];
  const skip = (article: Article, reason: string) =>
    skipped.push({ id: article.id, headline: article.headline, reason });

  const oldest = options.editionTime.getTime() - options.freshnessHours * MS_PER_HOUR;
  const fresh = articles.filter((article) => {
    const time = storyTime(article);
    if (time !== null && time < oldest) {
      skip(article, `older than the freshness window (${options.freshnessHours} h before the edition time)`);
      return false;
    }
    return true;
  });

  const candidates: Candidate[] = [];
  for (const story of mergeDuplicates(fresh)) {
    for (const duplicate of story.duplicates) {
      skip(
        duplicate,
        `duplicate of "${story.article.headline}" (${story.article.source ?? story.article.id}), kept the richer version`,
      );
    }
    const signal = inferSection(story.article, options.section);
    if (!signal.matches) {
      const found =
        signal.section === null ? "no section found" : `section ${signal.section} (from ${signal.source})`;
      skip(story.article, `not in section ${options.section} - ${found}`);
      continue;
    }
    // An article without a telling section of its own (none, or "Nachrichten") gets the inferred one.
    const article =
      signal.source !== "article" && signal.section !== null
        ? { ...story.article, section: signal.section }
        : story.article;
    candidates.push({
      article,
      coverage: 1 + new Set(story.duplicates.map((d) => d.source ?? d.id)).size,
      trust: SOURCE_TRUST[signal.source ?? "classifier"],
      sectionSource: signal.source ?? "classifier",
    });
  }

  const sorted = candidates.sort(compareCandidates);
  const ranked = sorted.map((c) => c.article);
  const [top, ...rest] = ranked;
  if (!top) {
    throw new DigestError(
      "E_NO_STORY",
      `no ${options.section} story qualifies for an edition - ${articles.length} article(s) read, none both in section ${options.section} and fresh (within ${options.freshnessHours} h of the edition time)`,
    );
  }
  const more = rest.slice(0, options.furtherHeadlines);
  for (const article of rest.slice(options.furtherHeadlines)) {
    skip(article, `ranked below the ${options.furtherHeadlines} further headlines`);
  }
  return { top, more, skipped, ranked: sorted.map(toRankedArticle) };
}

/** The candidate with its signals and why it stands below the one ranked just above it. */
function toRankedArticle(candidate: Candidate, index: number, all: readonly Candidate[]): RankedArticle {
  const time = storyTime(candidate.article);
  const above = all[index - 1];
  const reasons = [above ? `below #${index}: ${decidingSignal(above, candidate)}` : "ranked first"];
  reasons.push(
    candidate.article.fullText ? "full text" : "summary only (feed item)",
    `carried by ${candidate.coverage} input${candidate.coverage === 1 ? "" : "s"}`,
    `section from ${candidate.sectionSource}`,
    time === null ? "undated" : `dated ${new Date(time).toISOString()}`,
    `${bodyChars(candidate.article)} characters of body text`,
  );
  return {
    article: candidate.article,
    rank: index + 1,
    signals: {
      fullText: candidate.article.fullText,
      coverage: candidate.coverage,
      sectionSource: candidate.sectionSource,
      time: time === null ? null : new Date(time).toISOString(),
      bodyChars: bodyChars(candidate.article),
    },
    reasons,
  };
}

/** The first signal in compareCandidates' order on which `upper` beats `lower`. */
function decidingSignal(upper: Candidate, lower: Candidate): string {
  if (upper.article.fullText !== lower.article.fullText) return "a summary only, the one above is full text";
  if (upper.coverage !== lower.coverage)
    return `fewer inputs carried it (${lower.coverage} vs ${upper.coverage})`;
  if (upper.trust !== lower.trust)
    return `weaker section signal (${lower.sectionSource} vs ${upper.sectionSource})`;
  const tu = storyTime(upper.article);
  const tl = storyTime(lower.article);
  if (tu !== tl) return tl === null ? "undated" : "older";
  if (bodyChars(upper.article) !== bodyChars(lower.article)) return "shorter body text";
  return "equal on every signal; ordered by id";
}

function storyTime(article: Article): number | null {
  const stamp = article.updated ?? article.published;
  if (stamp === null) return null;
  const ms = Date.parse(stamp);
  return Number.isNaN(ms) ? null : ms;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.article.fullText !== b.article.fullText) return a.article.fullText ? -1 : 1;
  if (a.coverage !== b.coverage) return b.coverage - a.coverage;
  if (a.trust !== b.trust) return b.trust - a.trust;
  const ta = storyTime(a.article);
  const tb = storyTime(b.article);
  if (ta !== tb) {
    if (ta === null) return 1;
    if (tb === null) return -1;
    return tb - ta;
  }
  const length = bodyChars(b.article) - bodyChars(a.article);
  if (length !== 0) return length;
  return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
}

function bodyChars(article: Article): number {
  return article.paragraphs.reduce((sum, block) => sum + block.text.length, 0);
}
