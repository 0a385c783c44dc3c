import { DigestError } from "../errors.js";
import type { Article, Selection } from "../types.js";

export interface SelectOptions {
  /** Section the edition is made of, matched case-insensitively on section or breadcrumbs. */
  section: string;
  /** How many further headlines after the top story. */
  furtherHeadlines: number;
  /** The edition's time (e.g. 07:30 local on the edition date); freshness is measured from here. */
  editionTime: Date;
  /** Stories published longer than this before the edition time are left out. */
  freshnessHours: number;
}

/**
 * Picks the top story and further headlines of the configured section.
 *
 * Rule: keep articles whose section or a breadcrumb equals the section (case-insensitive) and that
 * are not older than the freshness window (undated articles are kept); rank full-text articles
 * before headline-only feed items, then newer before older (undated last), then longer bodies
 * first; the first is the top story, the next `furtherHeadlines` follow.
 *
 * @example
 * const { top, more } = selectStories(articles, { section: "Politik", furtherHeadlines: 5, editionTime, freshnessHours: 24 });
 */
export function selectStories(articles: readonly Article[], options: SelectOptions): Selection {
  const wanted = options.section.toLocaleLowerCase("de");
  const skipped: Selection["skipped"] = [];
  const oldest = options.editionTime.getTime() - options.freshnessHours * 3_600_000;
  const candidates = articles.filter((article) => {
    const labels = [article.section, ...article.breadcrumbs].filter((l): l is string => l !== null);
    if (!labels.some((l) => l.toLocaleLowerCase("de") === wanted)) {
      skipped.push({
        id: article.id,
        headline: article.headline,
        reason: `not in section ${options.section}`,
      });
      return false;
    }
    const time = publishedTime(article);
    if (time !== null && time < oldest) {
      skipped.push({ id: article.id, headline: article.headline, reason: "older than the freshness window" });
      return false;
    }
    return true;
  });
  const ranked = [...candidates].sort(compareStories);
  const [top, ...rest] = ranked;
  if (!top) {
    throw new DigestError(
      "E_NO_STORY",
      `no ${options.section} story qualifies for an edition - ${articles.length} article(s) read, none in section ${options.section} and fresh`,
    );
  }
  return { top, more: rest.slice(0, options.furtherHeadlines), skipped };
}

function publishedTime(article: Article): number | null {
  const stamp = article.updated ?? article.published;
  return stamp === null ? null : Date.parse(stamp);
}

function compareStories(a: Article, b: Article): number {
  if (a.fullText !== b.fullText) return a.fullText ? -1 : 1;
  const ta = publishedTime(a);
  const tb = publishedTime(b);
  if (ta !== tb) {
    if (ta === null) return 1;
    if (tb === null) return -1;
    return tb - ta;
  }
  return bodyLength(b) - bodyLength(a);
}

function bodyLength(article: Article): number {
  return article.paragraphs.reduce((sum, block) => sum + block.text.length, 0);
}
