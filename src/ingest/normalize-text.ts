/**
 * Text hygiene shared by every ingest format (text, JSON, HTML, feeds): whatever the source, the
 * strings that reach an Article are NFC, free of control characters and invisible junk, and use
 * plain spaces and "\n" line ends.
 */

/** Byte order mark, also seen mid-text when files were concatenated. */
const BOM = /\uFEFF/g;
/** CRLF and lone CR (old Mac exports) become "\n". */
const LINE_BREAKS = /\r\n?|\u2028|\u2029|\u0085/g;
/**
 * Spaces that look like a space but do not behave like one in splitting and matching:
 * NBSP (the seed has one in "©\u00A0Alexei"), narrow NBSP, figure space, the en/em space family,
 * ideographic space, and tabs.
 */
const SPACE_LIKE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/**
 * Invisible characters that CMS exports leave behind: soft hyphens (hyphenation hints), zero-width
 * space/joiners, word joiner, and the C0/C1 control characters except "\n". "\u0085" (NEL) is
 * turned into a line break first, so it is not lost here. Also the bidi controls (U+061C,
 * U+200E/F, U+202A–202E, U+2066–2069): in German news they only ever disguise a subject or a link
 * ("Trojan Source"), and the pre-send gate refuses any that reach the email (`chars/bidi`).
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069]/g;
/** Runs of horizontal whitespace inside a line. */
const SPACE_RUN = / {2,}/g;
/** Three or more line breaks: more than one blank line carries no meaning. */
const BLANK_LINE_RUN = /\n{3,}/g;

/**
 * Normalises untrusted article text: Unicode NFC, BOM removed, CRLF/CR → "\n", NBSP and other
 * space-like characters → " ", control characters (C0 except "\n", C1), soft hyphens,
 * zero-width characters and bidi controls removed, spaces collapsed, each line trimmed, at most one blank line in a
 * row, and the whole trimmed. Line structure is kept so parsers can still see paragraphs.
 *
 * @example
 * normalizeText("\uFEFFA\u00A0B\r\n\r\n\r\nC\u0007") // → "A B\n\nC"
 */
export function normalizeText(text: string): string {
  const cleaned = text
    .replace(BOM, "")
    .replace(LINE_BREAKS, "\n")
    .replace(SPACE_LIKE, " ")
    .replace(INVISIBLE, "")
    .normalize("NFC")
    .replace(SPACE_RUN, " ");
  return cleaned
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(BLANK_LINE_RUN, "\n\n")
    .trim();
}

/**
 * Like {@link normalizeText}, for a single-line value (headline, author, caption, a DOM text
 * node): every line break becomes a space as well, so the result is one trimmed line.
 *
 * @example
 * normalizeInline("  China will\nPutin  den Rücken\u00A0stärken ") // → "China will Putin den Rücken stärken"
 */
export function normalizeInline(text: string): string {
  return normalizeText(text).replace(/\s*\n\s*/g, " ");
}
