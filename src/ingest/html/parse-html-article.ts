import { Readability } from "@mozilla/readability";
import { DigestError } from "../../errors.js";
import { type Article, ArticleSchema, type Block, type Image, type TickerUpdate } from "../../types.js";
import { deriveArticleId } from "../derive-article-id.js";
import { MARKERS } from "../markers.js";
import { normalizeInline } from "../normalize-text.js";
import { alternation } from "../pattern-utils.js";
import { type DomNode, htmlToBlocks } from "./html-to-blocks.js";
import { parseBreadcrumbMarkup } from "./parse-breadcrumb-markup.js";
import { parseDateValue } from "./parse-date-value.js";
import { type HtmlDocument, parseHtmlDocument } from "./parse-html-document.js";
import { parseJsonLd } from "./parse-json-ld.js";
import { splitAuthors } from "./split-authors.js";
import { takeDateline } from "./take-dateline.js";

export interface ParseHtmlOptions {
  /** File path or URL, for the id, `Article.source` and error messages. */
  source: string | null;
  /** The page's address when fetched; resolves relative links and is the URL of last resort. */
  url?: string | null;
}

/** Below this much body text the page is a teaser page (paywall, index), not a full article. */
const MIN_FULL_TEXT_CHARS = 300;
/** Readability's default (500) drops short news items; a 3-paragraph agency report is ~300. */
const READABILITY_CHAR_THRESHOLD = 200;
/** A byline stands in the first few blocks and is short. */
const BYLINE_SEARCH_BLOCKS = 4;
const MAX_BYLINE_CHARS = 120;
const BYLINE = new RegExp(`^(?:${alternation(MARKERS.bylineLabels)})(?::|\\s)\\s*\\p{Lu}`, "u");
/** Kicker markup counts only inside the headline or the article header, never in teaser lists. */
const KICKER_SELECTOR = ["h1", "article header"]
  .flatMap((scope) =>
    ["kicker", "dachzeile", "topline", "overline"].map((name) => `${scope} [class*="${name}"]`),
  )
  .join(", ");
const HOME_CRUMBS = new Set(MARKERS.homeCrumbs.map((c) => c.toLocaleLowerCase("de")));
/** „Kicker“: Headline — the text format's title rule, also used by CMS titles. */
const QUOTED_KICKER = /^„([^“”]+)[“”]\s*:\s*(.+)$/u;

/**
 * Parses a saved or fetched HTML article page into an Article. Metadata is taken from the most
 * trusted source that has it: JSON-LD `NewsArticle`, then OpenGraph/meta tags, then breadcrumb
 * markup (schema.org BreadcrumbList, then `nav` breadcrumbs) and plain elements (`<h1>`,
 * `<title>`, `<time>`). The body comes from @mozilla/readability over linkedom, turned into
 * paragraphs and sub-headings with the text format's boilerplate table; figure captions and their
 * "©" credits become `image` and never stay in the body.
 *
 * @example
 * const article = parseHtmlArticle(html, { source: "pages/haushalt.html" });
 * article.section; // "Politik" (from JSON-LD articleSection)
 */
export function parseHtmlArticle(html: string, options: ParseHtmlOptions): Article {
  const source = options.source;
  const document = parseHtmlDocument(html);
  const meta = readMetaTags(document);
  const ld = parseJsonLd(
    Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(
      (s) => s.textContent ?? "",
    ),
  );

  const kickerElement = document.querySelector(KICKER_SELECTOR);
  const markupKicker = text(kickerElement);
  const h1 = text(document.querySelector("h1"));
  // An <h1> that holds the kicker span reads "Kicker Headline"; the headline is the rest.
  const h1Headline =
    h1 !== null && markupKicker !== null && h1.startsWith(markupKicker)
      ? h1.slice(markupKicker.length).replace(/^[\s:–-]+/, "") || h1
      : h1;
  const rawHeadline =
    ld.headline ??
    meta.get("og:title") ??
    meta.get("twitter:title") ??
    h1Headline ??
    text(document.querySelector("title"));
  if (!rawHeadline) {
    throw new DigestError(
      "E_INPUT",
      `could not read ${source ?? "the HTML page"} - no headline found (no JSON-LD headline, og:title, <h1> or <title>). Expected an article page`,
      source === null ? {} : { where: source },
    );
  }
  const quoted = QUOTED_KICKER.exec(rawHeadline);
  const headline = quoted?.[2]?.trim() ?? rawHeadline;
  const kicker = quoted?.[1]?.trim() ?? markupKicker;

  const crumbs = cleanCrumbs(
    ld.breadcrumbs.length > 0 ? ld.breadcrumbs : parseBreadcrumbMarkup(document),
    headline,
  );
  const section =
    firstSectionName(ld.section) ??
    firstSectionName(meta.get("article:section") ?? null) ??
    crumbs[0] ??
    null;

  // Everything read from the page's markup is read before readability rewrites the document.
  const pageFigures = htmlToBlocks(document.querySelector("article") ?? document.body).figures;
  const markupAuthors = authorsFromMarkup(document, meta);
  const pageTime = timeAttribute(document);
  const pageUrl = ld.url ?? linkHref(document, "canonical") ?? meta.get("og:url") ?? null;
  const base = options.url ?? absolute(pageUrl, null);
  const url = absolute(pageUrl, base) ?? base;

  const body = readBody(document);
  if (body.blocks.length === 0 && ld.articleBody !== null) {
    // Some CMS pages render the text with scripts and ship it only as JSON-LD articleBody.
    body.blocks = ld.articleBody
      .split(/\n+/)
      .map((text) => normalizeInline(text))
      .filter((text) => text !== "")
      .map((text) => ({ kind: "text" as const, text }));
  }
  const figures = body.figures.length > 0 ? body.figures : pageFigures;

  const description = ld.description ?? meta.get("og:description") ?? meta.get("description") ?? null;
  const { bylines, blocks } = takeBylines(body.blocks);
  const split = splitLead(blocks, description, headline);
  const {
    dateline,
    lead,
    paragraphs,
    agencies: datelineAgencies,
  } = takeDateline(split.lead, split.paragraphs);

  const updates = readLiveUpdates(ld.liveUpdates);
  // A live blog's entries are in `updates`, newest first; their copies in the page body go.
  const updateTexts = new Set(updates.flatMap((u) => [...u.paragraphs, u.label, ...u.label.split(": ")]));
  const bodyBlocks =
    updates.length === 0 ? paragraphs : paragraphs.filter((b) => !isUpdateText(b.text, updateTexts));

  const authorValues = ld.authors.length > 0 ? ld.authors : [...bylines, ...markupAuthors].slice(0, 1);
  const { authors, agencies } = splitAuthors(authorValues);

  const article: Article = {
    id: deriveArticleId(source, headline),
    source,
    format: "html",
    section,
    breadcrumbs: crumbs,
    kicker: kicker ?? null,
    headline,
    authors,
    agencies: [...new Set([...agencies, ...datelineAgencies])],
    published: parseDateValue(
      ld.datePublished ?? meta.get("article:published_time") ?? meta.get("date") ?? pageTime,
    ),
    updated: parseDateValue(
      ld.dateModified ?? meta.get("article:modified_time") ?? meta.get("og:updated_time"),
    ),
    lead,
    dateline,
    paragraphs: bodyBlocks,
    image: chooseImage(ld.image, meta, figures, base),
    url,
    fullText:
      [...bodyBlocks.map((b) => b.text), ...updates.flatMap((u) => u.paragraphs)].join("").length >=
      MIN_FULL_TEXT_CHARS,
    updates,
  };
  return ArticleSchema.parse(article);
}

function text(element: { textContent: string | null } | null): string | null {
  const value = element ? normalizeInline(element.textContent ?? "") : "";
  return value === "" ? null : value;
}

function readMetaTags(document: HtmlDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll("meta"))) {
    const key = (
      el.getAttribute("property") ??
      el.getAttribute("name") ??
      el.getAttribute("itemprop") ??
      ""
    ).toLowerCase();
    const value = normalizeInline(el.getAttribute("content") ?? "");
    // The first occurrence wins: pages repeat og:image for alternative sizes, largest first.
    if (key !== "" && value !== "" && !tags.has(key)) tags.set(key, value);
  }
  return tags;
}

function linkHref(document: HtmlDocument, rel: string): string | null {
  const href = document.querySelector(`link[rel="${rel}"]`)?.getAttribute("href");
  return href ? href.trim() : null;
}

function timeAttribute(document: HtmlDocument): string | null {
  const time = document.querySelector("article time[datetime], time[datetime]");
  return time?.getAttribute("datetime") ?? null;
}

function authorsFromMarkup(document: HtmlDocument, meta: Map<string, string>): string[] {
  const fromMeta = meta.get("author") ?? meta.get("article:author") ?? meta.get("dc.creator");
  if (fromMeta) return [fromMeta];
  const elements = Array.from(
    document.querySelectorAll('[rel="author"], [itemprop="author"], .author, .byline'),
  );
  const names = elements.map((el) => normalizeInline(el.textContent ?? "")).filter((n) => n !== "");
  return names.length > 0 ? [names[0] as string] : [];
}

function firstSectionName(value: string | null): string | null {
  if (value === null) return null;
  const parts = value
    .split(/\s*(?:›|»|>|\||→|\/)\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== "" && !HOME_CRUMBS.has(p.toLocaleLowerCase("de")));
  return parts[0] ?? null;
}

/** Drops the home crumb and a last crumb that merely repeats the headline. */
function cleanCrumbs(crumbs: readonly string[], headline: string): string[] {
  const kept = crumbs.filter((c) => !HOME_CRUMBS.has(c.toLocaleLowerCase("de")));
  const last = kept.at(-1);
  if (last && (last === headline || headline.startsWith(last.replace(/…$/, "")))) kept.pop();
  return kept;
}

/**
 * JSON-LD `liveBlogUpdate` entries as ticker updates, newest first like the text format's; the
 * label is the Berlin clock time as tickers print it ("06.10 Uhr"), with the entry's headline.
 */
function readLiveUpdates(entries: ReturnType<typeof parseJsonLd>["liveUpdates"]): TickerUpdate[] {
  const updates = entries
    .map((entry, index) => {
      const time = parseDateValue(entry.datePublished);
      const clock = time === null ? null : `${time.slice(11, 13)}.${time.slice(14, 16)} Uhr`;
      const label = [clock, entry.headline].filter((part) => part !== null).join(": ");
      const paragraphs = (entry.body ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
      return { index, update: { label, time, paragraphs } };
    })
    .filter(({ update }) => update.label !== "" && update.paragraphs.length > 0);
  updates.sort((a, b) => {
    if (a.update.time !== null && b.update.time !== null && a.update.time !== b.update.time) {
      return Date.parse(b.update.time) - Date.parse(a.update.time);
    }
    return a.index - b.index;
  });
  return updates.map(({ update }) => update);
}

/** Body blocks that repeat an update: its text, its headline, or its printed time line. */
function isUpdateText(text: string, updateTexts: ReadonlySet<string>): boolean {
  if (updateTexts.has(text)) return true;
  return [...updateTexts].some((u) => u.length > 20 && text.includes(u));
}

function readBody(document: HtmlDocument): { blocks: Block[]; figures: Image[] } {
  // Readability hands its result node to the serializer; keeping the node spares serialising it
  // to HTML and parsing that HTML again.
  let content: DomNode | null = null;
  try {
    // Readability's typings want a browser Document; linkedom's is the same surface.
    new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: READABILITY_CHAR_THRESHOLD,
      keepClasses: true,
      serializer: (node) => {
        content = node as unknown as DomNode;
        return "";
      },
    }).parse();
  } catch {
    content = null;
  }
  if (content !== null) {
    const body = htmlToBlocks(content);
    if (body.blocks.length > 0) return body;
  }
  const container = document.querySelector("article") ?? document.querySelector("main") ?? document.body;
  return htmlToBlocks(container);
}

/**
 * Byline lines ("Von Anna Muster und Ben Beispiel mit dpa") near the top of the body are
 * metadata, not text: they are taken out and, when the page has no structured author, used.
 */
function takeBylines(blocks: readonly Block[]): { bylines: string[]; blocks: Block[] } {
  const bylines: string[] = [];
  const kept = blocks.filter((block, index) => {
    const isByline =
      index < BYLINE_SEARCH_BLOCKS && block.text.length <= MAX_BYLINE_CHARS && BYLINE.test(block.text);
    if (isByline) bylines.push(block.text);
    return !isByline;
  });
  return { bylines, blocks: kept };
}

/**
 * The description (JSON-LD/OG) is the page's Vorspann when it has one; the body's copy of it is
 * dropped. Without a description the first paragraph is the lead, as in the text format.
 */
function splitLead(
  blocks: readonly Block[],
  description: string | null,
  headline: string,
): { lead: string | null; paragraphs: Block[] } {
  const body = blocks.filter((b) => b.text !== headline);
  if (description !== null) {
    const stem = description.replace(/\s*(?:…|\.\.\.)$/, "");
    return {
      lead: description,
      paragraphs: body.filter(
        (b) =>
          b.text !== description &&
          !(b.text.startsWith(stem) && stem.length > 40 && b.text.length - stem.length < 5),
      ),
    };
  }
  const index = body.findIndex((b) => b.kind === "text");
  if (index !== 0) return { lead: null, paragraphs: body };
  return { lead: body[0]?.text ?? null, paragraphs: body.slice(1) };
}

function chooseImage(
  ld: ReturnType<typeof parseJsonLd>["image"],
  meta: Map<string, string>,
  figures: readonly Image[],
  base: string | null,
): Image | null {
  const figure = figures.find((f) => f.caption !== null || f.credit !== null) ?? figures[0] ?? null;
  const url = absolute(ld?.url ?? meta.get("og:image") ?? figure?.url ?? null, base);
  const caption = ld?.caption ?? figure?.caption ?? null;
  const credit = ld?.credit ?? figure?.credit ?? null;
  if (url === null && caption === null && credit === null) return null;
  return { caption, credit, url, alt: meta.get("og:image:alt") ?? figure?.alt ?? caption };
}

function absolute(href: string | null, base: string | null): string | null {
  if (href === null) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return base === null && /^https?:\/\//.test(href) ? href : null;
  }
}
