/**
 * The characters untrusted text must not carry into a header, a log line or a rendered email, in
 * one place: config validation, ingest, the pre-send gate, the MIME layer and the logger share it.
 *
 * Bidi controls are invisible and reorder what is shown around them: U+202E in a subject or a
 * link text makes "moc.elgoog" read as "google.com" (Trojan Source, CVE-2021-42574).
 */

/** U+061C, U+200E/F, U+202A–202E and U+2066–2069: the invisible bidi formatting controls. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const CONTROL_OR_BIDI =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LOG_UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const QUOTED_UNSAFE = /[\u007f-\u009f\u2028\u2029\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A value quoted in a log line is cut after this many characters (a 5 MB "address" is one line). */
export const MAX_LOGGED_VALUE_CHARS = 200;

/**
 * True when `value` holds a control character (CR and LF included) or a bidi control: such a value
 * must not reach a mail header.
 *
 * @example
 * hasControlOrBidi("Morgenlage\r\nBcc: x@evil.test"); // true
 * hasControlOrBidi("Jürgen Groß"); // false
 */
export function hasControlOrBidi(value: string): boolean {
  return CONTROL_OR_BIDI.test(value);
}

/**
 * Index of the first bidi control in `text`, or -1.
 *
 * @example
 * findBidiControl("abc\u202Edef"); // 3
 */
export function findBidiControl(text: string): number {
  BIDI_CONTROLS.lastIndex = 0;
  const match = BIDI_CONTROLS.exec(text);
  BIDI_CONTROLS.lastIndex = 0;
  return match ? match.index : -1;
}

/**
 * Quotes an untrusted value for a log line or an error message, JSON-style: in double quotes,
 * with every control character, line break, bidi control and zero-width character escaped as
 * `\n` or `\uXXXX`, so the line stays one line and no terminal escape sequence is printed. Long
 * values are cut with "…".
 *
 * @example
 * quoteLogValue("a@x.de\r\nBcc: y"); // "\"a@x.de\\r\\nBcc: y\""
 * quoteLogValue("\u001b[31mred");     // "\"\\u001b[31mred\""
 */
export function quoteLogValue(value: string): string {
  const cut = value.length > MAX_LOGGED_VALUE_CHARS ? `${value.slice(0, MAX_LOGGED_VALUE_CHARS)}…` : value;
  return JSON.stringify(cut).replace(QUOTED_UNSAFE, toUnicodeEscape);
}

/**
 * Escapes the control and bidi characters of a whole log message, keeping "\n" and "\t": the
 * logger's last line of defence for text that was not quoted with `quoteLogValue`.
 *
 * @example
 * escapeControlChars("skipped \u001b[2J row"); // "skipped \\u001b[2J row"
 */
export function escapeControlChars(text: string): string {
  return text.replace(LOG_UNSAFE, toUnicodeEscape);
}

function toUnicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
