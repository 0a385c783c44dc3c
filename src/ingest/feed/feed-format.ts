import type { InputFormat } from "../input-format.js";
import { parseFeed } from "./parse-feed.js";

const SNIFF_CHARS = 2048;

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds (`.rss`, `.atom`, `.xml`, feed media types, or sniffed).
 *
 * @example
 * FEED_FORMAT.parse(readFileSync("politik.rss", "utf8"), { source: "politik.rss" }) // → Article[] (one per item)
 */
export const FEED_FORMAT: InputFormat = {
  name: "feed",
  extensions: ["rss", "atom", "xml", "rdf"],
  mediaTypes: [
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
    "application/xml",
    "text/xml",
  ],
  sniff: isFeedText,
  parse: (text, options) => parseFeed(text, { source: options.source }),
  declaredCharset: xmlDeclaredCharset,
};

/**
 * True when text is an RSS or Atom document: `<rss`, `<rdf:RDF` or an Atom `<feed` near the top.
 *
 * @example
 * isFeedText('<?xml version="1.0"?><rss version="2.0">…') // → true
 */
export function isFeedText(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  return /<rss[\s>]|<rdf:RDF[\s>]|<feed[\s>]/.test(head) && !/<html[\s>]/i.test(head);
}

/**
 * The encoding of an XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`).
 *
 * @example
 * xmlDeclaredCharset(new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?>')) // → "windows-1252"
 */
export function xmlDeclaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1] ? match[1].toLowerCase() : null;
}
