import { parseHTML } from "linkedom";
import type { DomNode } from "./html-to-blocks.js";

/** The part of the DOM the HTML and feed parsers use; linkedom implements it. */
export interface HtmlElement extends DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
}

export interface HtmlDocument {
  body: HtmlElement;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
}

/**
 * Parses an HTML page or fragment with linkedom (a fast DOM without a browser) into the small
 * typed surface the parsers use. A fragment gets a `<body>` around it.
 *
 * @example
 * parseHtmlDocument("<p>Hallo</p>").body.textContent // → "Hallo"
 */
export function parseHtmlDocument(html: string): HtmlDocument {
  const wrapped = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(wrapped).document as unknown as HtmlDocument;
}
