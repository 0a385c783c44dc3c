import { normalizeInline, normalizeText } from "../normalize-text.js";

/** What a page's JSON-LD says about its article; every field null/empty when absent. */
export interface JsonLdArticle {
  headline: string | null;
  alternativeHeadline: string | null;
  description: string | null;
  section: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  image: { url: string | null; caption: string | null; credit: string | null } | null;
  url: string | null;
  articleBody: string | null;
  /** `liveBlogUpdate` entries of a LiveBlogPosting, in page order. */
  liveUpdates: { headline: string | null; body: string | null; datePublished: string | null }[];
  /** Names of the page's schema.org BreadcrumbList, in position order. */
  breadcrumbs: string[];
}

/** schema.org types that describe an article page. */
const ARTICLE_TYPES = new Set([
  "NewsArticle",
  "Article",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "BackgroundNewsArticle",
  "ReviewNewsArticle",
  "LiveBlogPosting",
  "BlogPosting",
  "Report",
]);

type Json = unknown;
type JsonObject = Record<string, Json>;

/**
 * Reads the JSON-LD blocks of a page (`<script type="application/ld+json">` texts) and returns
 * the article they describe — the first NewsArticle-like object, also inside `@graph` or arrays —
 * and the BreadcrumbList. Broken JSON blocks are ignored: CMS templates often emit one broken
 * block next to a good one.
 *
 * @example
 * parseJsonLd(['{"@type":"NewsArticle","headline":"Bundestag beschließt Haushalt","articleSection":"Politik"}'])
 * // → { headline: "Bundestag beschließt Haushalt", section: "Politik", … }
 */
export function parseJsonLd(scripts: readonly string[]): JsonLdArticle {
  const nodes = scripts.flatMap((text) => flatten(parseLenient(text)));
  const article = nodes.find((node) => hasType(node, ARTICLE_TYPES)) ?? null;
  const breadcrumbList = nodes.find((node) => hasType(node, new Set(["BreadcrumbList"]))) ?? null;
  return {
    headline: str(article?.headline) ?? str(article?.name),
    alternativeHeadline: str(article?.alternativeHeadline),
    description: str(article?.description) ?? str(article?.abstract),
    section: first(article?.articleSection),
    authors: names(article?.author),
    datePublished: str(article?.datePublished) ?? str(article?.dateCreated),
    dateModified: str(article?.dateModified),
    image: readImage(article?.image),
    url: str(article?.url) ?? idOf(article?.mainEntityOfPage),
    articleBody: typeof article?.articleBody === "string" ? normalizeText(article.articleBody) || null : null,
    liveUpdates: listOf(article?.liveBlogUpdate)
      .filter(isObject)
      .map((update) => ({
        headline: str(update.headline),
        body: typeof update.articleBody === "string" ? normalizeText(update.articleBody) || null : null,
        datePublished: str(update.datePublished) ?? str(update.dateModified),
      })),
    breadcrumbs: breadcrumbList ? readBreadcrumbs(breadcrumbList) : [],
  };
}

function parseLenient(text: string): Json {
  const cleaned = text
    .trim()
    .replace(/^<!\[CDATA\[|\]\]>$/g, "")
    .replace(/^<!--|-->$/g, "")
    .trim();
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    return null;
  }
}

function flatten(value: Json): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (!isObject(value)) return [];
  const graph = value["@graph"];
  return [value, ...(graph === undefined ? [] : flatten(graph))];
}

function listOf(value: Json): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isObject(value: Json): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(node: JsonObject, types: ReadonlySet<string>): boolean {
  const type = node["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.some((t) => typeof t === "string" && types.has(t.replace(/^https?:\/\/schema\.org\//, "")));
}

function str(value: Json): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const text = normalizeInline(value);
  return text === "" ? null : text;
}

function first(value: Json): string | null {
  if (Array.isArray(value)) return value.map(str).find((v) => v !== null) ?? null;
  return str(value);
}

function idOf(value: Json): string | null {
  if (isObject(value)) return str(value["@id"]) ?? str(value.url);
  return str(value);
}

function names(value: Json): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((entry) => (isObject(entry) ? str(entry.name) : str(entry)))
    .filter((name): name is string => name !== null && !/^https?:\/\//.test(name));
}

function readImage(value: Json): JsonLdArticle["image"] {
  const entry = Array.isArray(value) ? value[0] : value;
  if (typeof entry === "string") return { url: str(entry), caption: null, credit: null };
  if (!isObject(entry)) return null;
  const credit =
    str(entry.creditText) ??
    str(entry.copyrightNotice) ??
    names(entry.copyrightHolder)[0] ??
    names(entry.author)[0] ??
    null;
  return {
    url: str(entry.url) ?? str(entry.contentUrl),
    caption: str(entry.caption) ?? str(entry.description),
    credit: credit === null ? null : credit.replace(/^©\s*/, ""),
  };
}

function readBreadcrumbs(list: JsonObject): string[] {
  const items = Array.isArray(list.itemListElement) ? list.itemListElement : [];
  return items
    .filter(isObject)
    .map((item, index) => ({
      position: typeof item.position === "number" ? item.position : Number(item.position ?? index + 1),
      name: str(item.name) ?? (isObject(item.item) ? str(item.item.name) : null),
    }))
    .sort((a, b) => a.position - b.position)
    .map((item) => item.name)
    .filter((name): name is string => name !== null);
}
