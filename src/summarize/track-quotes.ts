/**
 * Quotation and bracket tracking for the sentence splitter: which marks are open at a position,
 * and whether an open quotation belongs to one attributed sentence („…“, sagte sie.).
 */

/** Which guillemet opens a quotation in this block (German »…« or Swiss/French «…»). */
export type QuoteStyle = { guillemetOpens: "»" | "«" };
/** An open quotation or bracket: the mark that will close it and where it opened. */
export type OpenMark = { closer: string; at: number };

/** Every character that opens or closes a quotation or bracket (the scanner skips all others). */
const QUOTE_MARKS = new Set(["„", "“", "”", '"', "»", "«", "‚", "‘", "’", "(", ")", "[", "]"]);
/** At most this many quotations/brackets are tracked as open; older unclosed ones are dropped. */
const MAX_OPEN_MARKS = 8;
/** How far ahead (characters) to look for the mark that closes an open quotation. */
const QUOTE_LOOKAHEAD_CHARS = 600;

/**
 * The guillemet that opens quotations in a block: whichever of » and « comes first.
 *
 * @example
 * firstGuillemet("Er sagte »Ja«."); // → "»"
 */
export function firstGuillemet(block: string): "»" | "«" {
  const open = block.indexOf("»");
  const close = block.indexOf("«");
  if (open < 0) return close < 0 ? "»" : "«";
  return close < 0 || open < close ? "»" : "«";
}

/** The mark that closes `char` at `index`, or null when `char` does not open a quotation here. */
function closerFor(block: string, index: number, style: QuoteStyle): string | null {
  const char = block[index];
  switch (char) {
    case "„":
      return "“";
    case "‚":
      return "‘";
    case "(":
      return ")";
    case "[":
      return "]";
    case "»":
      return style.guillemetOpens === "»" ? "«" : null;
    case "«":
      return style.guillemetOpens === "«" ? "»" : null;
    case '"':
      return isAtWordStart(block, index) ? '"' : null;
    case "“":
      return isAtWordStart(block, index) ? "”" : null;
    default:
      return null;
  }
}

function isAtWordStart(block: string, index: number): boolean {
  const previous = block[index - 1];
  return previous === undefined || /[\s([{–—\-/]/u.test(previous);
}

/**
 * Updates the open-mark stack for the character at `index` (no-op for other characters).
 *
 * @example
 * trackQuote(block, i, stack, style);
 */
export function trackQuote(block: string, index: number, stack: OpenMark[], style: QuoteStyle): void {
  if (!QUOTE_MARKS.has(block[index] ?? "")) return;
  if (popIfCloses(block, index, stack, style)) return;
  const closer = closerFor(block, index, style);
  if (closer === null) return;
  // Unclosed marks pile up in broken text; real quotations nest two or three deep.
  if (stack.length >= MAX_OPEN_MARKS) stack.shift();
  stack.push({ closer, at: index });
}

/**
 * Closes the innermost open mark that the character at `index` closes; true when it did.
 *
 * @example
 * popIfCloses("„Ja“", 3, [{ closer: "“", at: 0 }], { guillemetOpens: "»" }); // → true
 */
export function popIfCloses(block: string, index: number, stack: OpenMark[], _style: QuoteStyle): boolean {
  const char = block[index];
  const position = stack.findLastIndex((mark) => mark.closer === char);
  if (position < 0) return false;
  if (char === '"' || char === "“") {
    // A straight quote closes only when it does not stand at the start of a word.
    const previous = block[index - 1];
    if (previous === undefined || previous === " ") return false;
  }
  stack.length = position;
  return true;
}

/**
 * True when the outermost open quotation (or bracket) closes later in the block and belongs to
 * one attributed sentence: the sentence goes on after it — with a comma, a lower-case word
 * ("sagte", "so") or a closing bracket — or the quotation was introduced with a colon
 * ("Sie betonte: „… . … .“"), so the quoted sentences are one sentence.
 *
 * @example
 * isInsideAttributedQuote("„Gut. Weiter“, sagte sie.", 6, [{ closer: "“", at: 0 }], { guillemetOpens: "»" }); // → true
 */
export function isInsideAttributedQuote(
  block: string,
  from: number,
  stack: readonly OpenMark[],
  style: QuoteStyle,
): boolean {
  const outer = stack[0];
  if (outer === undefined) return false;
  const expected = outer.closer;
  const introducedByColon =
    expected !== ")" && expected !== "]" && block.slice(outer.at - 2, outer.at) === ": ";
  const inner: string[] = stack.slice(1).map((mark) => mark.closer);
  const limit = Math.min(block.length, from + QUOTE_LOOKAHEAD_CHARS);
  for (let i = from; i < limit; i++) {
    const char = block[i];
    if (inner.length === 0 && char === expected && (expected !== '"' || block[i - 1] !== " ")) {
      const rest = block.slice(i + 1, i + 4);
      return introducedByColon || /^(?:[,;:)\]–—-]| (?:[\p{Ll}–—-]))/u.test(rest);
    }
    if (!QUOTE_MARKS.has(char ?? "")) continue;
    if (inner.length > 0 && inner[inner.length - 1] === char) {
      inner.pop();
      continue;
    }
    const closer = closerFor(block, i, style);
    if (closer !== null) inner.push(closer);
  }
  return false;
}
