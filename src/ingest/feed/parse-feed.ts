import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DigestError } from "../../errors.js";
import { type Article, ArticleSchema, type Block, type Image } from "../../types.js";
import { deriveArticleId } from "../derive-article-id.js";
import { htmlToBlocks, textOf } from "../html/html-to-blocks.js";
import { parseDateValue } from "../html/parse-date-value.js";
import { parseHtmlDocument } from "../html/parse-html-document.js";
import { splitAuthors } from "../html/split-authors.js";
import { splitCredit } from "../html/split-credit.js";
import { takeDateline } from "../html/take-dateline.js";
import { normalizeInline } from "../normalize-text.js";

export interface ParseFeedOptions {
  /** File path or URL of the feed, for ids, `Article.source` and error messages. */
  source: string | null;
}

/** Below this much `content:encoded` text an item is a teaser, not the full article. */
const MIN_FULL_TEXT_CHARS = 300;
/** „Kicker“: Headline — the text format's title rule, also used in feed titles. */
const QUOTED_KICKER = /^„([^“”]+)[“”]\s*:\s*(.+)$/u;
/**
 * Elements whose content is (escaped or CDATA) HTML: kept raw by the XML parser and read by the
 * HTML walker, so Atom's `type="xhtml"` markup and RSS's CDATA come out alike.
 */
const HTML_ELEMENTS = ["content", "content:encoded", "summary", "description", "media:description"];
const LIST_ELEMENTS = new Set([
  "item",
  "entry",
  "link",
  "category",
  "author",
  "dc:creator",
  "media:content",
  "enclosure",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  stopNodes: HTML_ELEMENTS.map((name) => `*.${name}`),
  isArray: (name) => LIST_ELEMENTS.has(name),
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

type Node = Record<string, unknown>;

/**
 * Parses an RSS 2.0 (also RSS 1.0/RDF) or Atom feed into one Article per item: title → headline,
 * link, description/summary → lead, `content:encoded`/Atom `content` → body paragraphs (HTML,
 * read with the same walker and boilerplate table as HTML pages), category → section (all
 * categories also as breadcrumbs), author/`dc:creator`, pubDate/updated, and the image from
 * `media:content`, `media:thumbnail`, an image enclosure or the first figure of the content.
 * An item without full text becomes a headline entry with `fullText: false`.
 *
 * @example
 * const items = parseFeed(xml, { source: "feeds/politik.rss" });
 * items[0].section; // "Politik" (from <category>)
 */
export function parseFeed(xml: string, options: ParseFeedOptions): Article[] {
  const where = options.source ?? "the feed";
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new DigestError(
      "E_INPUT",
      `could not read ${where} - not well-formed XML (line ${valid.err.line}: ${valid.err.msg}). Expected an RSS 2.0 or Atom feed`,
      options.source === null ? {} : { where: options.source },
    );
  }
  const doc = parser.parse(xml) as Node;
  const rss = asNode(doc.rss);
  const rdf = asNode(doc["rdf:RDF"]);
  const atom = asNode(doc.feed);
  let items: Article[];
  if (rss || rdf) {
    const channel = asNode(rss?.channel) ?? asNode(rdf?.channel) ?? {};
    const entries = list(rss ? channel.item : rdf?.item);
    items = entries.map((item, index) => readRssItem(asNode(item) ?? {}, channel, options.source, index));
  } else if (atom) {
    items = list(atom.entry).map((entry, index) =>
      readAtomEntry(asNode(entry) ?? {}, atom, options.source, index),
    );
  } else {
    throw new DigestError(
      "E_INPUT",
      `could not read ${where} - the XML is neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>). Expected an RSS 2.0 or Atom feed`,
      options.source === null ? {} : { where: options.source },
    );
  }
  const usable = items.filter((item) => item.headline !== "");
  if (usable.length === 0) {
    throw new DigestError(
      "E_INPUT",
      `could not read ${where} - the feed has no items with a title. Expected <item><title> (RSS) or <entry><title> (Atom)`,
      options.source === null ? {} : { where: options.source },
    );
  }
  return usable;
}

interface ItemFields {
  title: string;
  link: string | null;
  guid: string | null;
  summaryHtml: string | null;
  contentHtml: string | null;
  categories: string[];
  authors: string[];
  published: string | null;
  updated: string | null;
  mediaImage: Image | null;
}

function readRssItem(item: Node, channel: Node, source: string | null, index: number): Article {
  const categories = list(item.category).map(text).filter(isPresent);
  const channelCategories = list(channel.category).map(text).filter(isPresent);
  return buildArticle(
    {
      title: htmlText(text(item.title) ?? ""),
      link: text(first(item.link)) ?? guidLink(item.guid),
      guid: text(item.guid),
      summaryHtml: rawHtml(item.description),
      contentHtml: rawHtml(item["content:encoded"]),
      categories: categories.length > 0 ? categories : channelCategories,
      authors: [...list(item["dc:creator"]).map(text), ...list(item.author).map(rssAuthor)].filter(isPresent),
      published: text(item.pubDate) ?? text(item["dc:date"]),
      updated: text(item["atom:updated"]) ?? text(item["dc:modified"]),
      mediaImage: mediaImage(item),
    },
    source,
    index,
  );
}

function readAtomEntry(entry: Node, feed: Node, source: string | null, index: number): Article {
  const authors = list(entry.author).length > 0 ? list(entry.author) : list(feed.author);
  const categories = list(entry.category)
    .map((c) => attr(c, "label") ?? attr(c, "term"))
    .filter(isPresent);
  return buildArticle(
    {
      title: htmlText(text(entry.title) ?? ""),
      link: atomLink(entry.link),
      guid: text(entry.id),
      summaryHtml: rawHtml(entry.summary),
      contentHtml: rawHtml(entry.content),
      categories,
      authors: authors.map((a) => text(asNode(a)?.name) ?? text(a)).filter(isPresent),
      published: text(entry.published) ?? text(entry.issued),
      updated: text(entry.updated) ?? text(entry.modified),
      mediaImage: mediaImage(entry),
    },
    source,
    index,
  );
}

function buildArticle(fields: ItemFields, source: string | null, index: number): Article {
  const quoted = QUOTED_KICKER.exec(fields.title);
  const headline = quoted?.[2]?.trim() ?? fields.title;
  const content =
    fields.contentHtml === null ? null : htmlToBlocks(parseHtmlDocument(fields.contentHtml).body);
  const summary =
    fields.summaryHtml === null ? null : htmlToBlocks(parseHtmlDocument(fields.summaryHtml).body);
  const summaryText = summary?.blocks.filter((b) => b.kind === "text").map((b) => b.text) ?? [];
  const contentBlocks = content?.blocks ?? [];
  const fullText = contentBlocks.reduce((sum, b) => sum + b.text.length, 0) >= MIN_FULL_TEXT_CHARS;

  let lead: string | null;
  let paragraphs: Block[];
  if (contentBlocks.length > 0) {
    // The summary is the Vorspann when the content carries the body; the body's copy of it goes.
    lead = summaryText.join(" ") || null;
    paragraphs = contentBlocks.filter((b) => b.text !== lead);
    if (lead === null && paragraphs[0]?.kind === "text") {
      lead = paragraphs[0].text;
      paragraphs = paragraphs.slice(1);
    }
  } else {
    lead = summaryText[0] ?? null;
    paragraphs = summaryText.slice(1).map((text) => ({ kind: "text" as const, text }));
  }
  const { authors, agencies } = splitAuthors(fields.authors);
  const figure = [...(content?.figures ?? []), ...(summary?.figures ?? [])].find(
    (f) => f.url !== null || f.caption !== null,
  );
  const image = fields.mediaImage ?? figure ?? null;
  const dated = takeDateline(lead, paragraphs);
  const identity = fields.guid ?? fields.link ?? String(index);
  const article: Article = {
    id: deriveArticleId(`${source ?? ""}#${identity}`, headline),
    source,
    format: "feed",
    section: fields.categories[0] ?? null,
    breadcrumbs: fields.categories,
    kicker: quoted?.[1]?.trim() ?? null,
    headline,
    authors,
    agencies: [...new Set([...agencies, ...dated.agencies])],
    published: parseDateValue(fields.published) ?? parseDateValue(fields.updated),
    updated: parseDateValue(fields.updated),
    lead: dated.lead,
    dateline: dated.dateline,
    paragraphs: dated.paragraphs,
    image,
    url: fields.link,
    fullText,
    updates: [],
  };
  return ArticleSchema.parse(article);
}

function asNode(value: unknown): Node | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Node) : null;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function first(value: unknown): unknown {
  return list(value)[0];
}

function isPresent(value: string | null): value is string {
  return value !== null && value !== "";
}

function text(value: unknown): string | null {
  if (typeof value === "string" || typeof value === "number") {
    const t = normalizeInline(String(value));
    return t === "" ? null : t;
  }
  const node = asNode(value);
  return node ? text(node["#text"]) : null;
}

function attr(value: unknown, name: string): string | null {
  const node = asNode(value);
  const raw = node?.[`@_${name}`];
  return typeof raw === "string" && raw.trim() !== "" ? normalizeInline(raw) : null;
}

/** Titles may carry escaped markup (`type="html"`, "&amp;amp;"); read them as a reader would. */
function htmlText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  return normalizeInline(textOf(parseHtmlDocument(value).body));
}

/**
 * The raw content of an HTML-bearing element as HTML: CDATA sections are HTML as written, other
 * text is escaped HTML (RSS `description`, Atom `type="html"`) and is unescaped once, and Atom
 * `type="xhtml"` (or `type="text"`) content is taken as it stands.
 */
function rawHtml(value: unknown): string | null {
  const node = asNode(value);
  const raw =
    typeof value === "string"
      ? value
      : typeof node?.["#text"] === "string"
        ? (node["#text"] as string)
        : null;
  if (raw === null || raw.trim() === "") return null;
  const type = attr(value, "type");
  if (type === "xhtml") return raw;
  if (type === "text") return escapeForHtml(decodeXmlEntities(raw));
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : decodeXmlEntities(part)))
    .join("");
}

function decodeXmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_m, entity: string) => {
    const e = entity.toLowerCase();
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e] ?? "";
  });
}

function escapeForHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** RSS `<author>` is "mail@example.org (Name)" by the spec; the name is what a byline shows. */
function rssAuthor(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const named = /\(([^)]+)\)\s*$/.exec(raw);
  if (named?.[1]) return named[1].trim();
  return raw.includes("@") ? null : raw;
}

function guidLink(guid: unknown): string | null {
  const value = text(guid);
  const permalink = attr(guid, "isPermaLink");
  return value !== null && permalink !== "false" && /^https?:\/\//.test(value) ? value : null;
}

function atomLink(links: unknown): string | null {
  const all = list(links);
  const alternate = all.find((l) => (attr(l, "rel") ?? "alternate") === "alternate") ?? all[0];
  return attr(alternate, "href") ?? text(alternate);
}

function mediaImage(item: Node): Image | null {
  const media = list(item["media:content"]).find((m) => {
    const medium = attr(m, "medium");
    const type = attr(m, "type");
    return medium === "image" || (type?.startsWith("image/") ?? false) || (medium === null && type === null);
  });
  const group = asNode(item["media:group"]);
  const groupMedia = group ? list(group["media:content"])[0] : undefined;
  const thumbnail = first(item["media:thumbnail"]);
  const enclosure = list(item.enclosure).find((e) => attr(e, "type")?.startsWith("image/") ?? false);
  const chosen = media ?? groupMedia;
  const url = attr(chosen, "url") ?? attr(thumbnail, "url") ?? attr(enclosure, "url");
  if (url === null) return null;
  const node = asNode(chosen);
  const descriptionHtml = rawHtml(node?.["media:description"]) ?? rawHtml(item["media:description"]);
  const description =
    descriptionHtml === null ? null : normalizeInline(textOf(parseHtmlDocument(descriptionHtml).body));
  const creditText = text(node?.["media:credit"]) ?? text(item["media:credit"]);
  const split = description ? splitCredit(description) : { caption: null, credit: null };
  const title = text(node?.["media:title"]);
  return {
    caption: split.caption ?? title,
    credit: creditText?.replace(/^©\s*/, "") ?? split.credit,
    url,
    alt: split.caption ?? title,
  };
}
