/**
 * The first step of the sentence splitter (split-sentences.ts): normalising the text and cutting
 * it into blocks at blank lines and at line breaks that end a sentence (list items, ticker
 * headers, headings) — unless the text is hard-wrapped prose, where a line break is a space.
 */

/** Lines at least this long, without final punctuation, look like hard-wrapped prose. */
const WRAPPED_LINE_MIN_CHARS = 50;
/** Inner lines (not the last of a paragraph) needed to call one paragraph hard-wrapped … */
const MIN_WRAPPED_PARAGRAPH_LINES = 2;
/** … and the whole text (then its short paragraphs count as wrapped too). */
const MIN_WRAPPED_TEXT_LINES = 4;
/** In wrapped prose, a line without final punctuation shorter than this share of the width is a heading. */
const HEADING_WIDTH_SHARE = 0.6;
const LIST_ITEM = /^(?:[-–—•*·▪►✓]\s+|:(?=\S)|\d{1,2}[.)]\s+\p{Lu}|[a-z]\)\s+)/u;
/** A line opening like a list item that may just be the wrapped rest of a sentence. */
const WRAPPED_ON_LINE = /^(?:[-–—] |\d{1,2}[.)] )/u;
const ENDS_WITH_TERMINAL = /[.!?…]["“”»«’')\]]*$/u;
const ENDS_WITH_JOINER = /[–—\-,;:/(]$/u;
const STARTS_LIKE_HEADING_NEXT = /^[\p{Lu}\d„“"»«(]/u;

/**
 * A ticker header at the start of a sentence: either introduced by "Update"/"Aktualisierung"/…
 * or a time with "Uhr", optionally after a date, then a colon.
 */
const TICKER_HEADER =
  /^(?:\+{2,3}\s*)?(?:(?:Update|Aktualisierung|Eilmeldung|Liveticker|Live-Ticker|Neu)\b(?:[^:\n]|\d:\d){0,60}?|(?:[^:\n]{0,30}?,\s*)?(?:um\s+)?\d{1,2}[.:]\d{2}\s*Uhr)\s*:(?=\s)/u;

/**
 * NFC, LF line ends, special spaces as spaces, soft hyphens and zero-width characters removed.
 *
 * @example
 * normalizeForSplitting("z.\u00a0B.\r\n"); // → "z. B.\n"
 */
export function normalizeForSplitting(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, " ")
    .replace(/\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/g, "");
}

/**
 * Paragraphs and heading/list lines, each a single-spaced string.
 *
 * @example
 * splitIntoBlocks("Neue Regeln\nDas Kabinett hat entschieden."); // → ["Neue Regeln", "Das Kabinett hat entschieden."]
 */
export function splitIntoBlocks(text: string): string[] {
  const blocks: string[] = [];
  const paragraphs = text
    .split(/\n[ ]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.replace(/ +/g, " ").trim())
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
  // A hard-wrapped text wraps its short paragraphs too ("… die dem lustigen⏎Landvolk winken?").
  const textWidth = wrapWidth(paragraphs, MIN_WRAPPED_TEXT_LINES);
  for (const lines of paragraphs) {
    const width = textWidth || wrapWidth([lines], MIN_WRAPPED_PARAGRAPH_LINES);
    let current = lines[0] ?? "";
    let previousLine = current;
    for (const line of lines.slice(1)) {
      const boundary =
        isLineBreakBoundary(current, line, width > 0) || isHeadingInWrappedText(previousLine, line, width);
      previousLine = line;
      if (boundary) {
        blocks.push(current);
        current = line;
      } else {
        current = `${current} ${line}`;
      }
    }
    blocks.push(current);
  }
  return blocks;
}

/**
 * The width of hard-wrapped prose (the median length of its wrapped lines), or 0 when the lines
 * are not hard-wrapped: at least `minInner` lines that are not the last of their paragraph, and
 * most of them long and stopping without final punctuation.
 */
function wrapWidth(paragraphs: readonly string[][], minInner: number): number {
  const inner = paragraphs.flatMap((lines) => lines.slice(0, -1));
  if (inner.length < minInner) return 0;
  const wrappedLines = inner.filter(
    (line) => line.length >= WRAPPED_LINE_MIN_CHARS && !ENDS_WITH_TERMINAL.test(line),
  );
  if (wrappedLines.length * 2 < inner.length) return 0;
  const lengths = wrappedLines.map((line) => line.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}

/**
 * "Allianz mit Fragezeichen⏎Manchmal sind es …": in hard-wrapped prose a line far shorter than
 * the wrap width that stops without punctuation is a heading, not a wrapped line.
 */
function isHeadingInWrappedText(line: string, next: string, width: number): boolean {
  return (
    width > 0 &&
    line.length < width * HEADING_WIDTH_SHARE &&
    !ENDS_WITH_TERMINAL.test(line) &&
    !ENDS_WITH_JOINER.test(line) &&
    STARTS_LIKE_HEADING_NEXT.test(next)
  );
}

function isLineBreakBoundary(previous: string, next: string, wrapped: boolean): boolean {
  // "… muss der Grundsatz gelten⏎- nichts ist unmöglich.", "… auf der Sitzung am⏎14. November
  // vorgelegt.": in wrapped prose a dash or a number after an unfinished line belongs to the
  // sentence; it is no list item.
  if (wrapped && WRAPPED_ON_LINE.test(next) && !ENDS_WITH_TERMINAL.test(previous) && !previous.endsWith(":"))
    return false;
  if (LIST_ITEM.test(next) || LIST_ITEM.test(previous) || TICKER_HEADER.test(next)) return true;
  // "Quellen:⏎Sächsische Zeitung …": in a paragraph of short lines a colon introduces a list.
  if (previous.endsWith(":") && !wrapped && STARTS_LIKE_HEADING_NEXT.test(next)) return true;
  // "Berlin –⏎Die Regierung …": a line that ends on a dash or comma continues.
  if (ENDS_WITH_JOINER.test(previous)) return false;
  if (ENDS_WITH_TERMINAL.test(previous)) return false; // the in-line rules decide
  return !wrapped && STARTS_LIKE_HEADING_NEXT.test(next);
}

/**
 * A ticker header ("Update vom 14. März, 13.10 Uhr:") at the start of a sentence as a sentence
 * of its own.
 *
 * @example
 * splitTickerHeader("13.10 Uhr: Die Regierung tagt."); // → ["13.10 Uhr:", "Die Regierung tagt."]
 */
export function splitTickerHeader(sentence: string): string[] {
  const match = TICKER_HEADER.exec(sentence);
  if (!match) return [sentence];
  const header = match[0].trim();
  const rest = sentence.slice(match[0].length).trim();
  return rest.length > 0 ? [header, ...splitTickerHeader(rest)] : [header];
}
