import type { Block, Image } from "../../types.js";
import { normalizeInline } from "../normalize-text.js";
import { recognizeBoilerplate, stripGluedLeftovers } from "../recognize-boilerplate.js";
import { splitCredit } from "./split-credit.js";

/** The minimal DOM surface the walker needs; linkedom's nodes satisfy it. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

/** Body blocks and the pictures found between them. */
export interface HtmlBody {
  blocks: Block[];
  /** One entry per `<figure>` (or stray `<figcaption>`), in page order; never part of `blocks`. */
  figures: Image[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Elements whose content is never article text. */
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "aside",
  "footer",
  "form",
  "button",
  "iframe",
  "svg",
  "select",
  "dialog",
]);
const PARAGRAPHS = new Set(["p", "li", "blockquote", "dd", "dt", "pre", "address"]);
const HEADINGS = new Set(["h2", "h3", "h4", "h5", "h6"]);
/** Inline elements: their text joins the paragraph around them. */
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "data",
  "dfn",
  "em",
  "i",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
  "wbr",
  "font",
]);
/**
 * Lines of a teaser or promo block ("Auch interessant" links, ePaper pitch) are short; the block
 * ends at the next heading or at the first paragraph longer than this.
 */
const MAX_BLOCK_LINE_CHARS = 160;

/** List items whose text is at least this much link are teaser or navigation entries. */
const MIN_LINK_LIST_SHARE = 0.9;

interface RawBlock extends Block {
  /** Share of the text that sits inside links: teaser lists are nearly all link. */
  linkShare: number;
}

/**
 * Turns an HTML fragment's DOM (a readability result, a feed's `content:encoded`) into body
 * blocks: paragraphs and list items as text, h2–h6 as headings, figures and their captions set
 * aside as images, and page furniture dropped with the text format's German marker table.
 *
 * @example
 * const { document } = parseHTML("<p>Berlin – Der Bundestag …</p><figure><figcaption>Reichstag © dpa</figcaption></figure>");
 * htmlToBlocks(document) // → { blocks: [{ kind: "text", text: "Berlin – Der Bundestag …" }], figures: [{ caption: "Reichstag", credit: "dpa", … }] }
 */
export function htmlToBlocks(root: DomNode): HtmlBody {
  const raw: RawBlock[] = [];
  const figures: Image[] = [];
  let buffer = "";
  let linkChars = 0;

  const flush = () => {
    const text = normalizeInline(buffer);
    if (text !== "") raw.push({ kind: "text", text, linkShare: Math.min(1, linkChars / text.length) });
    buffer = "";
    linkChars = 0;
  };

  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        buffer += child.textContent ?? "";
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = child.nodeName.toLowerCase();
      if (SKIPPED.has(tag)) continue;
      if (tag === "br") {
        buffer += " ";
      } else if (tag === "time" && buffer.trim() === "") {
        // A standalone <time> is the page's date line ("26. November 2026, 6:30 Uhr"), read as metadata.
      } else if (INLINE.has(tag)) {
        const text = textOf(child);
        buffer += text;
        if (tag === "a") linkChars += normalizeInline(text).length;
      } else if (tag === "figure" || tag === "figcaption" || tag === "picture") {
        flush();
        const figure = readFigure(child);
        if (figure) figures.push(figure);
      } else if (tag === "img") {
        // A bare image carries no caption; its alt text is not article text.
      } else if (tag === "table" && (findFirst(child, "th") || findFirst(child, "caption"))) {
        // A data table (election results, a budget) is not prose: cells would become
        // one-word "paragraphs" and key points.
        flush();
      } else if (PARAGRAPHS.has(tag)) {
        flush();
        const text = textOf(child);
        const links = linkTextLength(child);
        // A list item that is all link is a teaser or navigation entry, not article text.
        if (!(tag === "li" && links >= normalizeInline(text).length * MIN_LINK_LIST_SHARE)) {
          buffer = text;
          linkChars = links;
          flush();
        }
      } else if (HEADINGS.has(tag)) {
        flush();
        const text = normalizeInline(textOf(child));
        if (text !== "") raw.push({ kind: "heading", text, linkShare: 0 });
      } else if (tag === "h1") {
        // The page title is the headline, read from the metadata; it is not body text.
        flush();
      } else {
        flush();
        walk(child);
        flush();
      }
    }
  };

  walk(root);
  flush();
  const captions = new Set(figures.flatMap((f) => [f.caption, f.alt]).filter((c): c is string => c !== null));
  const blocks = dropFurniture(raw).filter((block) => !captions.has(block.text));
  return { blocks, figures };
}

/**
 * The text of a node as a reader sees it: `<br>` and block boundaries become spaces (DOM
 * `textContent` would glue "Zeile<br>Zeile" into "ZeileZeile").
 *
 * @example
 * textOf(parseHTML("<p>a<br>b</p>").document.querySelector("p")) // → "a b"
 */
export function textOf(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? "";
  if (node.nodeType !== ELEMENT_NODE) return "";
  const tag = node.nodeName.toLowerCase();
  if (tag === "br") return " ";
  if (SKIPPED.has(tag)) return "";
  const inner = Array.from(node.childNodes).map(textOf).join("");
  return INLINE.has(tag) ? inner : ` ${inner} `;
}

function linkTextLength(node: DomNode): number {
  if (node.nodeType !== ELEMENT_NODE) return 0;
  if (node.nodeName.toLowerCase() === "a") return normalizeInline(textOf(node)).length;
  return Array.from(node.childNodes).reduce((sum, child) => sum + linkTextLength(child), 0);
}

function readFigure(node: DomNode): Image | null {
  const caption =
    findFirst(node, "figcaption") ?? (node.nodeName.toLowerCase() === "figcaption" ? node : null);
  const img = findFirst(node, "img");
  const source = findFirst(node, "source");
  const url = img?.getAttribute?.("src") ?? source?.getAttribute?.("srcset")?.split(/[\s,]/)[0] ?? null;
  const alt = normalizeInline(img?.getAttribute?.("alt") ?? "") || null;
  if (!caption && !url) return null;
  const parts = caption ? splitCaptionElement(caption) : { caption: null, credit: null };
  return { caption: parts.caption, credit: parts.credit, url: url || null, alt };
}

/** A figcaption often marks the credit up on its own (`<small>`, `<span class="credit">`); read it as one line. */
function splitCaptionElement(caption: DomNode): { caption: string | null; credit: string | null } {
  const credit = findCredit(caption);
  if (credit) {
    const full = normalizeInline(textOf(caption));
    const creditText = normalizeInline(textOf(credit));
    const rest = full.replace(creditText, "").trim();
    const split = splitCredit(creditText);
    const creditValue = split.credit ?? (creditText.replace(/^[©\s]+/, "") || null);
    return { caption: rest || split.caption, credit: creditValue };
  }
  return splitCredit(textOf(caption));
}

function findCredit(node: DomNode): DomNode | null {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    const className = child.getAttribute?.("class") ?? "";
    if (/credit|copyright|source|author|urheber|quelle/i.test(className)) return child;
    const found = findCredit(child);
    if (found) return found;
  }
  return null;
}

function findFirst(node: DomNode, tag: string): DomNode | null {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    if (child.nodeName.toLowerCase() === tag) return child;
    const found = findFirst(child, tag);
    if (found) return found;
  }
  return null;
}

/**
 * Drops page furniture with the text format's recogniser: a "line" goes alone, a "block" marker
 * ("Auch interessant", "Verlagsangebot") takes the teaser links or promo lines below it along,
 * and an "end" marker ends the article.
 */
function dropFurniture(raw: RawBlock[]): Block[] {
  const blocks: Block[] = [];
  let inBlock = false;
  for (const block of raw) {
    const text = stripGluedLeftovers(block.text);
    const kind = text === "" ? "line" : recognizeBoilerplate(text);
    if (kind === "end") break;
    if (kind === "block") {
      inBlock = true;
      continue;
    }
    if (kind === "line") continue;
    // HTML has no blank lines to end a block: teaser links are short or mostly link text.
    if (inBlock && block.kind === "text" && (block.linkShare > 0.5 || text.length <= MAX_BLOCK_LINE_CHARS))
      continue;
    inBlock = false;
    blocks.push({ kind: block.kind, text });
  }
  return blocks;
}
