/**
 * The scraped-article text format (see seeds/000_7cdcff967b3c5d01.txt): one element per line,
 * blank lines between blocks. Top to bottom: breadcrumbs, the title line („Kicker“: Headline),
 * date and byline lines mixed with page furniture, the lead, then body paragraphs, sub-headings,
 * photo captions (once without and once with the credit), promos, and furniture at the end.
 * Live tickers continue with "Update vom …" entries.
 *
 * Steps: normalise → breadcrumbs → title → sort every further line into meta (dates, byline,
 * URL), furniture (dropped), captions (→ image) or content → lead, dateline, headings, ticker
 * updates → validate with ArticleSchema. The meta lines are read by read-meta-lines.ts, the
 * captions merged into images by merge-captions.ts.
 */
import { DigestError } from "../errors.js";
import { type Article, ArticleSchema, type Block, type TickerUpdate } from "../types.js";
import { deriveArticleId } from "./derive-article-id.js";
import { mergeCaptions, type TextItem } from "./merge-captions.js";
import { normalizeText } from "./normalize-text.js";
import { parseBreadcrumbs, sectionFromBreadcrumbs } from "./parse-breadcrumbs.js";
import { parseCaptionLine } from "./parse-caption.js";
import { parseDateline } from "./parse-dateline.js";
import { parseGermanDate, parseGermanTimeOnDay } from "./parse-german-date.js";
import { parseTickerHeader, type TickerHeader } from "./parse-ticker-header.js";
import { parseTitle } from "./parse-title.js";
import { type ArticleMeta, isDateOnly, readBylineOrUrl, readDateLine } from "./read-meta-lines.js";
import { recognizeBoilerplate, stripGluedLeftovers } from "./recognize-boilerplate.js";

export interface ParseTextOptions {
  /** File path or URL, used in the id and in error messages. */
  source: string | null;
  /** Supplies the year for dates printed without one (ticker entries) when the article has no date. */
  referenceDate?: Date | undefined;
}

/** The headline must appear within the first lines; later, the file is not an article. */
const MAX_TITLE_LINE_INDEX = 20;
/** A title line longer than this is a paragraph: the file has no headline. */
const MAX_HEADLINE_CHARS = 300;
/** Sub-headings are short: at most this many characters and words. */
const MAX_HEADING_CHARS = 120;
const MAX_HEADING_WORDS = 16;
/** A question is a sub-heading only when this short ("Was bedeutet das für Berlin?"). */
const MAX_QUESTION_HEADING_CHARS = 90;
/**
 * What a teaser or promo block may take along below its marker: teaser headlines and promo
 * lines are short, and a block rarely lists more than a handful.
 */
const MAX_BLOCK_LINES = 8;
const MAX_BLOCK_LINE_CHARS = 200;

/**
 * Parses one article in the scraped text format. Pure: no I/O, no clock.
 *
 * @throws DigestError E_INPUT when the text is empty, has no headline in its first lines, or has
 * no article text below the headline.
 * @example
 * const article = parseTextArticle(readFileSync("seeds/000_7cdcff967b3c5d01.txt", "utf8"), { source: "seeds/000_7cdcff967b3c5d01.txt" });
 * article.kicker   // → "Entwicklung militärischer Beziehung"
 * article.dateline // → "Peking/Moskau"
 */
export function parseTextArticle(text: string, options: ParseTextOptions): Article {
  const where = options.source ?? "the text input";
  const lines = toLines(normalizeText(text));
  if (lines.length === 0) {
    throw inputError(
      where,
      "the file is empty",
      "Expected a scraped article: title line, byline and paragraphs.",
    );
  }

  const crumbs = parseBreadcrumbs(lines.slice(0, MAX_TITLE_LINE_INDEX).map((line) => line.text));
  const meta: ArticleMeta = { published: null, updated: null, authors: [], agencies: [], url: null };
  const titleIndex = findTitle(lines, crumbs?.lineCount ?? 0, meta, options.referenceDate);
  const titleLine = titleIndex === null ? undefined : lines[titleIndex];
  if (titleIndex === null || titleLine === undefined) {
    throw inputError(
      where,
      `no headline found in the first ${MAX_TITLE_LINE_INDEX} lines`,
      "Expected a title line such as „Kicker“: Headline near the top, before the paragraphs.",
    );
  }
  const title = parseTitle(titleLine.text);

  const items = sortLines(lines.slice(titleIndex + 1), meta, options.referenceDate);
  const images = mergeCaptions(items);
  const body = structureBody(items);
  if (body.lead === null && body.paragraphs.length === 0 && body.updateItems.length === 0) {
    throw inputError(
      where,
      `found the headline "${title.headline}" but no article text below it`,
      "Expected paragraphs after the title and byline.",
    );
  }

  // Issue 2 maps "Erstellt:", "Aktualisiert:" and "Stand:" to `published`: an article dated only
  // "Stand: …" still needs a date for the freshness window, so the update date stands in.
  const published = meta.published ?? meta.updated;
  // Ticker entries print no year; the article's own date is the best witness of it.
  const referenceDate = dateOrUndefined(meta.updated ?? meta.published) ?? options.referenceDate;
  const article = {
    id: deriveArticleId(options.source, title.headline),
    source: options.source,
    format: "text" as const,
    section: crumbs ? sectionFromBreadcrumbs(crumbs.items) : null,
    breadcrumbs: crumbs?.items ?? [],
    kicker: title.kicker,
    headline: title.headline,
    authors: meta.authors,
    agencies: unique([...meta.agencies, ...body.agencies]),
    published,
    updated: meta.updated,
    lead: body.lead,
    dateline: body.dateline,
    paragraphs: body.paragraphs,
    image: images[0] ? { ...images[0], url: null, alt: null } : null,
    url: meta.url,
    fullText: true,
    updates: datedUpdates(body.updateItems, referenceDate, meta.updated ?? published),
  };
  const checked = ArticleSchema.safeParse(article);
  if (!checked.success) {
    const problems = checked.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw inputError(
      where,
      `the parsed article is invalid (${problems})`,
      "Check the file's title and paragraphs.",
    );
  }
  return checked.data;
}

interface Line {
  text: string;
  /** Index of the blank-line-separated block the line is in. */
  group: number;
}

interface UpdateItem {
  header: TickerHeader;
  paragraphs: string[];
}

interface Body {
  lead: string | null;
  dateline: string | null;
  agencies: string[];
  paragraphs: Block[];
  updateItems: UpdateItem[];
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let group = 0;
  for (const raw of text.split("\n")) {
    if (raw === "") {
      group++;
      continue;
    }
    lines.push({ text: raw, group });
  }
  return lines;
}

/** The first line after the breadcrumbs that is not furniture, a date, a byline or a URL. */
function findTitle(
  lines: readonly Line[],
  start: number,
  meta: ArticleMeta,
  referenceDate: Date | undefined,
): number | null {
  for (let index = start; index < Math.min(lines.length, MAX_TITLE_LINE_INDEX); index++) {
    const text = stripGluedLeftovers(lines[index]?.text ?? "");
    if (text === "" || recognizeBoilerplate(text) !== null) continue;
    if (readDateLine(text, meta, referenceDate) || readBylineOrUrl(text, meta, false)) continue;
    return text.length <= MAX_HEADLINE_CHARS ? index : null;
  }
  return null;
}

/** Sorts each line after the title into meta, furniture, captions, ticker headers and text. */
function sortLines(lines: readonly Line[], meta: ArticleMeta, referenceDate: Date | undefined): TextItem[] {
  const items: TextItem[] = [];
  const allowBareTicker =
    lines.filter((line) => parseTickerHeader(line.text, { allowBare: true }) !== null).length >= 2;
  // Without blank lines the whole file is one block; a block marker then only drops itself.
  const hasBlocks = lines.some((line) => line.group !== lines[0]?.group);
  let dropped: { group: number; left: number } | null = null;
  let seenText = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line === undefined) continue;
    if (
      dropped !== null &&
      line.group === dropped.group &&
      dropped.left > 0 &&
      line.text.length <= MAX_BLOCK_LINE_CHARS
    ) {
      dropped.left--;
      continue;
    }
    dropped = null;
    const text = stripGluedLeftovers(line.text);
    if (text === "") continue;
    const boilerplate = recognizeBoilerplate(text);
    // Navigation such as "Zur Startseite" may stand above the article; it only ends one below it.
    if (boilerplate === "end" && seenText) break;
    if (boilerplate === "block" && hasBlocks) dropped = { group: line.group, left: MAX_BLOCK_LINES };
    if (boilerplate !== null) continue;
    if (readDateLine(text, meta, referenceDate)) {
      // "Erstellt:" with the date on the next line.
      const next = lines[index + 1];
      if (/:\s*$/.test(text) && next !== undefined && isDateOnly(next.text, referenceDate)) {
        readDateLine(`${text} ${next.text}`, meta, referenceDate);
        index++;
      }
      continue;
    }
    if (readBylineOrUrl(text, meta, !seenText)) continue;
    const caption = parseCaptionLine(text);
    if (caption) {
      items.push({ type: "caption", ...caption, group: line.group });
      continue;
    }
    const header = parseTickerHeader(text, { allowBare: allowBareTicker });
    if (header) {
      items.push({ type: "update", header });
      if (header.rest !== "") items.push({ type: "text", text: header.rest, group: line.group });
      continue;
    }
    items.push({ type: "text", text, group: line.group });
    seenText = true;
  }
  return items;
}

/** Lead, dateline, headings and ticker entries from the remaining items. */
function structureBody(items: readonly TextItem[]): Body {
  const texts: string[] = [];
  const updateItems: UpdateItem[] = [];
  for (const item of items) {
    if (item.type === "update") updateItems.push({ header: item.header, paragraphs: [] });
    else if (item.type === "text") {
      const current = updateItems[updateItems.length - 1];
      if (current) current.paragraphs.push(item.text);
      else texts.push(item.text);
    }
  }

  const agencies: string[] = [];
  let dateline: string | null = null;
  const takeDateline = (text: string): string => {
    if (dateline !== null) return text;
    const found = parseDateline(text);
    if (!found) return text;
    dateline = found.dateline;
    agencies.push(...found.agencies);
    return found.text;
  };

  let lead: string | null = null;
  let rest = texts;
  const first = texts[0];
  if (first !== undefined && !isHeadingLike(first)) {
    lead = takeDateline(first);
    rest = texts.slice(1);
  }
  const paragraphs: Block[] = rest.map((text, index) => {
    const kind = isHeading(rest, index, lead !== null) ? "heading" : "text";
    return { kind, text: kind === "text" && index === 0 ? takeDateline(text) : text };
  });
  return { lead, dateline, agencies, paragraphs, updateItems };
}

/**
 * German sub-headings in scraped text are short lines without closing punctuation that stand
 * between paragraphs; a short question counts too. The last line is never a heading: there is
 * nothing for it to head.
 */
function isHeading(texts: readonly string[], index: number, hasLead: boolean): boolean {
  const text = texts[index] ?? "";
  const next = texts[index + 1];
  const hasTextBefore = index > 0 || hasLead;
  return isHeadingLike(text) && hasTextBefore && next !== undefined && !isHeadingLike(next);
}

function isHeadingLike(text: string): boolean {
  if (text.length > MAX_HEADING_CHARS || text.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (!/^[\p{Lu}\d„"»]/u.test(text)) return false;
  if (text.endsWith("?")) return text.length <= MAX_QUESTION_HEADING_CHARS;
  return !/[.!:;,…“”"«»)]$/u.test(text);
}

/** Dates ticker entries (year and day from the article) and orders them newest first. */
function datedUpdates(
  items: readonly UpdateItem[],
  referenceDate: Date | undefined,
  articleDate: string | null,
): TickerUpdate[] {
  let previous: string | null = null;
  const updates = items.map((item) => {
    const time: string | null = item.header.hasDay
      ? parseGermanDate(item.header.when, { referenceDate })
      : (() => {
          const base = previous ?? articleDate;
          return base === null ? null : parseGermanTimeOnDay(item.header.when, base);
        })();
    if (time !== null) previous = time;
    return { label: item.header.label, time, paragraphs: item.paragraphs };
  });
  const times = updates.map((update) => update.time).filter((time): time is string => time !== null);
  if (times.length === updates.length) {
    return [...updates].sort((a, b) => Date.parse(b.time ?? "") - Date.parse(a.time ?? ""));
  }
  // Some entries undatable: keep the printed order, but flip a ticker printed oldest first.
  const firstTime = times[0];
  const lastTime = times[times.length - 1];
  if (firstTime !== undefined && lastTime !== undefined && Date.parse(firstTime) < Date.parse(lastTime)) {
    return [...updates].reverse();
  }
  return updates;
}

function dateOrUndefined(iso: string | null): Date | undefined {
  return iso === null ? undefined : new Date(iso);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function inputError(where: string, why: string, expected: string): DigestError {
  return new DigestError("E_INPUT", `could not read ${where} - ${why}. ${expected}`, { where });
}
