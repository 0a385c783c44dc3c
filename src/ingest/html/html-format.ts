import type { InputFormat } from "../input-format.js";
import { parseHtmlArticle } from "./parse-html-article.js";

/** How far into a file the sniffers look: declarations and root elements sit at the top. */
const SNIFF_CHARS = 2048;

/**
 * Saved or fetched HTML article pages (`.html`, `.htm`, `text/html`).
 *
 * @example
 * HTML_FORMAT.parse(readFileSync("page.html", "utf8"), { source: "page.html" }) // → [Article]
 */
export const HTML_FORMAT: InputFormat = {
  name: "html",
  extensions: ["html", "htm", "xhtml", "shtml"],
  mediaTypes: ["text/html", "application/xhtml+xml"],
  sniff: isHtmlText,
  parse: (text, options) => [parseHtmlArticle(text, { source: options.source, url: urlOf(options.source) })],
  declaredCharset: htmlDeclaredCharset,
};

/**
 * True when text looks like an HTML page: a doctype or an `<html>`, `<head>` or `<body>` tag near
 * the top.
 *
 * @example
 * isHtmlText("<!DOCTYPE html><html lang=\"de\">…") // → true
 * isHtmlText("Politik › Ausland\nChina will …") // → false
 */
export function isHtmlText(text: string): boolean {
  return /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(text.slice(0, SNIFF_CHARS));
}

/**
 * The charset a page declares in its first bytes: `<meta charset="…">` or the http-equiv form.
 *
 * @example
 * htmlDeclaredCharset(new TextEncoder().encode('<meta charset="iso-8859-1">')) // → "iso-8859-1"
 */
export function htmlDeclaredCharset(bytes: Uint8Array): string | null {
  // The declaration must sit in the first 1024 bytes (HTML standard); ASCII-compatible bytes suffice to read it.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1] ? match[1].toLowerCase() : null;
}

function urlOf(source: string | null): string | null {
  return source !== null && /^https?:\/\//i.test(source) ? source : null;
}
