/**
 * The registry of input formats. Every reader (files, folders, URLs) picks a format here by file
 * extension, media type or content sniffing, so a new format is one entry in INPUT_FORMATS.
 *
 * To add a format (HTML, feeds): export an `InputFormat` from its folder and list it in
 * INPUT_FORMATS before `TEXT_FORMAT`, which accepts anything and therefore comes last.
 */
import { FEED_FORMAT } from "./feed/feed-format.js";
import { HTML_FORMAT } from "./html/html-format.js";
import type { InputFormat } from "./input-format.js";
import { parseJsonArticles } from "./parse-json-articles.js";
import { parseTextArticle } from "./parse-text-article.js";

export type { FormatParseOptions, InputFormat } from "./input-format.js";

/**
 * Articles as JSON (the shape `digest parse` prints): one object or an array.
 *
 * @example
 * JSON_FORMAT.parse('{"headline":"H","paragraphs":["P."]}', { source: null }) // → [Article]
 */
export const JSON_FORMAT: InputFormat = {
  name: "json",
  extensions: ["json"],
  mediaTypes: ["application/json", "text/json"],
  sniff: (text) => /^\s*[[{]/.test(text),
  parse: (text, options) => parseJsonArticles(text, { source: options.source }),
};

/**
 * The scraped-article text format of the seed. Accepts any text, so it is the fallback.
 *
 * @example
 * TEXT_FORMAT.parse(readFileSync("seeds/000_7cdcff967b3c5d01.txt", "utf8"), { source: "seeds/000_7cdcff967b3c5d01.txt" }) // → [Article]
 */
export const TEXT_FORMAT: InputFormat = {
  name: "text",
  extensions: ["txt", "text"],
  mediaTypes: ["text/plain"],
  sniff: () => true,
  parse: (text, options) => [
    parseTextArticle(text, { source: options.source, referenceDate: options.referenceDate }),
  ],
};

/** Formats in order of sniffing priority; TEXT_FORMAT accepts anything and stays last. */
export const INPUT_FORMATS: readonly InputFormat[] = [JSON_FORMAT, FEED_FORMAT, HTML_FORMAT, TEXT_FORMAT];

/** Hints for {@link findFormat}; each is optional. */
export interface FormatHints {
  /** File name or URL path; its extension decides first. */
  name?: string | null | undefined;
  /** Content-Type of an HTTP response (parameters are ignored). */
  mediaType?: string | null | undefined;
  /** Decoded text, for sniffing when neither name nor media type decide. */
  text?: string | undefined;
}

/**
 * Picks the format for an input: by extension, then by media type, then by sniffing the text.
 * Returns null when nothing matches (only possible without TEXT_FORMAT in the list).
 *
 * @example
 * findFormat({ name: "seeds/a.json" })?.name // → "json"
 * findFormat({ mediaType: "text/plain; charset=utf-8" })?.name // → "text"
 * findFormat({ name: "article", text: "[{…}]" })?.name // → "json"
 */
export function findFormat(
  hints: FormatHints,
  formats: readonly InputFormat[] = INPUT_FORMATS,
): InputFormat | null {
  const extension = extensionOf(hints.name);
  if (extension !== null) {
    const byExtension = formats.find((format) => format.extensions.includes(extension));
    if (byExtension) return byExtension;
  }
  const mediaType = hints.mediaType?.split(";")[0]?.trim().toLowerCase();
  if (mediaType) {
    const byMediaType = formats.find((format) => format.mediaTypes.includes(mediaType));
    // text/plain is what servers say when they do not know: let sniffing look first.
    if (byMediaType && byMediaType !== TEXT_FORMAT) return byMediaType;
  }
  if (hints.text !== undefined) {
    const text = hints.text;
    const bySniff = formats.find((format) => format.sniff(text));
    if (bySniff) return bySniff;
  }
  return null;
}

/**
 * True when a file name has an extension one of the formats reads (used to pick files in folders).
 *
 * @example
 * isSupportedFileName("a.TXT") // → true
 * isSupportedFileName("photo.jpg") // → false
 */
export function isSupportedFileName(name: string, formats: readonly InputFormat[] = INPUT_FORMATS): boolean {
  const extension = extensionOf(name);
  return extension !== null && formats.some((format) => format.extensions.includes(extension));
}

function extensionOf(name: string | null | undefined): string | null {
  if (!name) return null;
  const path = name.replace(/[?#].*$/, "");
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? null : base.slice(dot + 1).toLowerCase();
}
