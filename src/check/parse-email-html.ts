import { parseHTML } from "linkedom";

/** The slice of the DOM the gate reads. linkedom implements it; the project compiles without DOM types. */
export interface EmailElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly outerHTML: string;
  readonly parentElement: EmailElement | null;
  readonly attributes: Iterable<{ readonly name: string; readonly value: string }>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selectors: string): Iterable<EmailElement>;
  closest(selectors: string): EmailElement | null;
}

export interface EmailDocument {
  readonly documentElement: EmailElement;
  readonly body: EmailElement | null;
  querySelector(selectors: string): EmailElement | null;
  querySelectorAll(selectors: string): Iterable<EmailElement>;
}

/**
 * Parses an email's HTML into a DOM (linkedom: a real HTML parser, so comments, attributes in any
 * quote style and entities are read as a browser reads them).
 *
 * @example
 * const doc = parseEmailHtml('<html lang="de"><body><img src="x.png"></body></html>');
 * doc.documentElement.getAttribute("lang"); // "de"
 */
export function parseEmailHtml(html: string): EmailDocument {
  const { document } = parseHTML(html) as unknown as { document: EmailDocument };
  return document;
}

/**
 * A short, one-line description of an element for a finding's `where`: the start tag, clipped.
 *
 * @example
 * describeElement(img); // '<img src="https://…/a.jpg">'
 */
export function describeElement(element: EmailElement, maxChars = 120): string {
  const html = element.outerHTML.replace(/\s+/g, " ");
  const end = html.indexOf(">");
  const tag = end === -1 ? html : html.slice(0, end + 1);
  return tag.length > maxChars ? `${tag.slice(0, maxChars - 1)}…>` : tag;
}

/**
 * The element's visible text with whitespace collapsed.
 *
 * @example
 * visibleText(a); // "Impressum"
 */
export function visibleText(element: EmailElement): string {
  return (element.textContent ?? "").replace(/\s+/g, " ").trim();
}
