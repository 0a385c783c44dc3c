import type { Article } from "../types.js";
import { classifyPolitics } from "./classify-politics.js";
import { GENERIC_SECTIONS, SECTION_ALIASES, URL_SECTION_SEGMENTS } from "./data/section-aliases.js";

/** Where an article's section came from, most trusted first. */
export type SectionSource = "article" | "breadcrumb" | "url" | "classifier";

export interface SectionSignal {
  /** The section name as the source gave it ("Ausland", "Politik"), or null when none is known. */
  section: string | null;
  source: SectionSource | null;
  /** True when the section (or a breadcrumb) is the wanted desk, aliases included. */
  matches: boolean;
}

/** URL path segments read: "/politik/ausland/…" says it in the first two. */
const URL_SEGMENTS_READ = 2;
/** Body text the classifier reads when an article has no section signal. */
const CLASSIFIER_PARAGRAPHS = 4;

/**
 * The section of an article from its most trustworthy signal, and whether it is the wanted
 * desk. Order of trust: the article's own section (its parser already chose JSON-LD over
 * OpenGraph over breadcrumb markup, or the feed's category), then its breadcrumbs, then a
 * section word in its URL path (`/politik/`, `/inland/`), and only when there is none of these
 * the politics classifier (for the politics desk; other desks need an explicit signal).
 * Names are compared case-insensitively and through `data/section-aliases.ts` ("Ausland" is
 * Politik); generic names such as "Nachrichten" count as no signal.
 *
 * @example
 * inferSection({ ...article, section: null, breadcrumbs: [], url: "https://example.org/politik/a.html" }, "Politik")
 * // → { section: "Politik", source: "url", matches: true }
 */
export function inferSection(article: Article, wanted: string): SectionSignal {
  const aliases = aliasesOf(wanted);
  const isWanted = (name: string) => aliases.has(name.toLocaleLowerCase("de").trim());
  const crumbs = article.breadcrumbs.filter(isTelling);
  if (article.section !== null && isTelling(article.section)) {
    // A breadcrumb "Politik › Ausland" with section "Ausland" still belongs to the desk.
    const matches = isWanted(article.section) || crumbs.some(isWanted);
    return { section: article.section, source: "article", matches };
  }
  if (crumbs.length > 0) {
    const hit = crumbs.find(isWanted);
    return { section: hit ?? crumbs[0] ?? null, source: "breadcrumb", matches: hit !== undefined };
  }
  const fromUrl = sectionFromUrl(article.url);
  if (fromUrl !== null) return { section: fromUrl, source: "url", matches: isWanted(fromUrl) };
  if (!aliases.has("politik")) return { section: null, source: null, matches: false };
  const text = [
    article.lead ?? "",
    ...article.paragraphs.slice(0, CLASSIFIER_PARAGRAPHS).map((b) => b.text),
  ].join("\n");
  const verdict = classifyPolitics({ headline: article.headline, text });
  return { section: verdict.politics ? "Politik" : null, source: "classifier", matches: verdict.politics };
}

const GENERIC = new Set(GENERIC_SECTIONS);

/** False for empty and generic names ("Nachrichten") that do not name a desk. */
function isTelling(name: string): boolean {
  const key = name.toLocaleLowerCase("de").trim();
  return key !== "" && !GENERIC.has(key);
}

function aliasesOf(wanted: string): ReadonlySet<string> {
  const key = wanted.toLocaleLowerCase("de").trim();
  return new Set([key, ...(SECTION_ALIASES[key] ?? [])]);
}

function sectionFromUrl(url: string | null): string | null {
  if (url === null) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const segments = path
    .split("/")
    .filter((s) => s !== "")
    .slice(0, URL_SEGMENTS_READ);
  for (const segment of segments) {
    const name = URL_SECTION_SEGMENTS[decodeURIComponent(segment).toLocaleLowerCase("de")];
    if (name) return name;
  }
  return null;
}
