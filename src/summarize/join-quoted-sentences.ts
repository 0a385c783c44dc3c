/**
 * Keeps a quotation with its speaker one level above the splitter. `splitSentences` ends a
 * sentence at `.`, `!`, `?` and `…` also inside a quotation or bracket (the convention of the
 * TIGER/PCC gold and of the annotated Wikinews paragraphs); the summarizer's candidates must not
 * start or end inside one, so a key point never shows half a quotation without its speaker.
 */
import { splitSentences } from "./split-sentences.js";
import { firstGuillemet, isQuoteMark, type OpenMark, type QuoteStyle, trackQuote } from "./track-quotes.js";

/** Consecutive sentences of one paragraph that belong together. */
export interface QuotedUnit {
  /** The sentences joined with single spaces. */
  text: string;
  /** Index of the unit's first sentence, as `splitSentences` numbers the paragraph's sentences. */
  first: number;
  /** How many sentences the unit spans (more than 1 only for a quotation of several sentences). */
  count: number;
}

/**
 * A quotation or bracket longer than this (characters, opening to closing mark) is not joined:
 * in broken or unusual text a mark can pair with one far away, and a unit that long would never
 * be shown anyway. The splitter used the same reach to find the closing mark of an attributed
 * quotation before issue 11.
 */
export const MAX_JOINED_QUOTATION_CHARS = 600;

/**
 * Joins the sentences of one paragraph (as `splitSentences` returns them) wherever a boundary
 * lies inside a quotation or bracket that closes later in the paragraph, so that the quotation,
 * its speaker and a tail such as `“, so Kondé.` form one unit. A mark that never closes joins
 * nothing.
 *
 * @example
 * joinQuotedSentences(["„Das ist gut.", "Wir machen weiter“, sagte sie.", "Dann ging sie."]);
 * // → [{ text: "„Das ist gut. Wir machen weiter“, sagte sie.", first: 0, count: 2 },
 * //    { text: "Dann ging sie.", first: 2, count: 1 }]
 */
export function joinQuotedSentences(sentences: readonly string[]): QuotedUnit[] {
  const text = sentences.join(" ");
  const spans = quotationSpans(text);
  const units: QuotedUnit[] = [];
  let start = 0;
  let offset = 0;
  sentences.forEach((sentence, index) => {
    offset += sentence.length + 1; // the start of the next sentence in `text`
    const last = index === sentences.length - 1;
    if (!last && spans.some(([open, close]) => open < offset && close >= offset)) return;
    units.push({ text: sentences.slice(start, index + 1).join(" "), first: start, count: index + 1 - start });
    start = index + 1;
  });
  return units;
}

/**
 * The sentences of one paragraph with every quotation of several sentences kept whole: what a
 * reader may be shown as one piece (teaser from the lead, a shortened text, the source of a key
 * point on the desk). `digest sentences` shows the splitter's own sentences instead.
 *
 * @example
 * splitKeepingQuotations("Sie sagte: „Das ist gut. Wir machen weiter.“ Dann ging sie.");
 * // → ["Sie sagte: „Das ist gut. Wir machen weiter.“", "Dann ging sie."]
 */
export function splitKeepingQuotations(text: string): string[] {
  return joinQuotedSentences(splitSentences(text)).map((unit) => unit.text);
}

/** Opening and closing positions of every quotation and bracket that closes in `text`. */
function quotationSpans(text: string): [open: number, close: number][] {
  const style: QuoteStyle = { guillemetOpens: firstGuillemet(text) };
  const stack: OpenMark[] = [];
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isQuoteMark(text[i])) continue;
    const before = stack.slice();
    trackQuote(text, i, stack, style);
    if (stack.length >= before.length) continue;
    const closed = before[stack.length];
    if (closed !== undefined && i - closed.at <= MAX_JOINED_QUOTATION_CHARS) spans.push([closed.at, i]);
  }
  return spans;
}
