/**
 * Quotation and bracket tracking: which marks are open at a position (the splitter, for closing
 * marks after the final punctuation; join-quoted-sentences.ts, for quotations of several
 * sentences).
 */

/** Which guillemet opens a quotation in this block (German »…« or Swiss/French «…»). */
export type QuoteStyle = { guillemetOpens: "»" | "«" };
/** An open quotation or bracket: the mark that will close it and where it opened. */
export type OpenMark = { closer: string; at: number };

/** Every character that opens or closes a quotation or bracket (the scanner skips all others). */
const QUOTE_MARKS = new Set(["„", "“", "”", '"', "»", "«", "‚", "‘", "’", "(", ")", "[", "]"]);
/** At most this many quotations/brackets are tracked as open; older unclosed ones are dropped. */
const MAX_OPEN_MARKS = 8;

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

/**
 * True for a character that may open or close a quotation or bracket.
 *
 * @example
 * isQuoteMark("„"); // → true
 */
export function isQuoteMark(char: string | undefined): boolean {
  return QUOTE_MARKS.has(char ?? "");
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
