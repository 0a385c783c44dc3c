/**
 * digest's one MIME encoder: quoted-printable bodies (RFC 2045), encoded-words in headers
 * (RFC 2047), header folding (RFC 5322) and the address and date formats. The per-edition MIME
 * template (compile-mime-template.ts) and the gate's generic message (src/check/compose-mime.ts)
 * both encode with these functions and nothing else. `mime-encoding.test.ts` holds a message
 * built here against nodemailer's own MailComposer build of the same content, parsed by
 * mailparser, so an encoder bug shows up as a failing test rather than as mangled mail.
 */

const CRLF = "\r\n";
/** RFC 2045: encoded lines at most 76 characters, the soft break's "=" included. */
export const QP_LINE_CHARS = 76;
/** RFC 5322 recommends header lines within 78 characters; 76 leaves room like nodemailer does. */
export const HEADER_LINE_CHARS = 76;
/** Payload characters per RFC 2047 encoded-word: "=?UTF-8?Q?" + 52 + "?=" stays well under 75. */
const ENCODED_WORD_CHARS = 52;

const HEX = "0123456789ABCDEF";
/** "=XX" for every byte value, built once: the per-reader path encodes without allocating. */
const ESCAPED = Array.from({ length: 256 }, (_, byte) => `=${HEX[byte >> 4]}${HEX[byte & 15]}`);
/** Printable ASCII without "=" (and without "?" and "_" in encoded-words) stands for itself. */
const LITERAL = Array.from({ length: 256 }, (_, byte) => String.fromCharCode(byte));

/**
 * Quoted-printable of `text` (line breaks become CRLF): printable ASCII except "=" stays, every
 * other byte of the UTF-8 encoding becomes =XX, a space or tab before a line break is encoded,
 * and soft line breaks keep every line within `lineChars`, never inside an =XX triplet.
 *
 * @example
 * encodeQuotedPrintable("Grüße = Gruß"); // "Gr=C3=BC=C3=9Fe =3D Gru=C3=9F"
 */
export function encodeQuotedPrintable(text: string, lineChars = QP_LINE_CHARS): string {
  const lines = text.replace(/\r?\n/g, "\n").split("\n");
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) out += CRLF;
    out += encodeQpLine(lines[i] as string, lineChars);
  }
  return out;
}

/** Printable ASCII without "=", not ending in a blank: such a line needs no escaping. */
const QP_SAFE_LINE = /^[\x21-\x3c\x3e-\x7e \t]*[\x21-\x3c\x3e-\x7e]$/;

/** One line (no line break in it), escaped and wrapped with soft breaks. */
function encodeQpLine(line: string, lineChars: number): string {
  const width = lineChars - 1;
  // The common case on the per-reader path (URLs, an ASCII greeting): nothing to escape, and
  // every character is one encoded character, so soft breaks go every `width` characters.
  if (line === "" || QP_SAFE_LINE.test(line)) {
    if (line.length <= width) return line;
    let out = line.slice(0, width);
    for (let start = width; start < line.length; start += width)
      out += `=${CRLF}${line.slice(start, start + width)}`;
    return out;
  }
  let out = "";
  let lineLength = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let token: string;
    if (code < 0x80) {
      const literal =
        (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && i < line.length - 1);
      token = literal ? (LITERAL[code] as string) : (ESCAPED[code] as string);
    } else {
      const point = codePointAt(line, i);
      if (point > 0xffff) i++;
      token = escapeUtf8(point);
    }
    // Room for the token (one character's bytes stay on one line) and a soft break's "=".
    if (lineLength + token.length > width) {
      out += `=${CRLF}`;
      lineLength = 0;
    }
    out += token;
    lineLength += token.length;
  }
  return out;
}

/** The code point at `i`; a lone surrogate becomes U+FFFD, as UTF-8 encoders write it. */
function codePointAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) return code;
  const next = text.charCodeAt(i + 1);
  if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)
    return ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
  return 0xfffd;
}

/** A non-ASCII code point as its UTF-8 bytes, each "=XX". */
function escapeUtf8(point: number): string {
  if (point < 0x800) return (ESCAPED[0xc0 | (point >> 6)] as string) + ESCAPED[0x80 | (point & 63)];
  if (point < 0x10000) {
    return (
      (ESCAPED[0xe0 | (point >> 12)] as string) +
      ESCAPED[0x80 | ((point >> 6) & 63)] +
      ESCAPED[0x80 | (point & 63)]
    );
  }
  return (
    (ESCAPED[0xf0 | (point >> 18)] as string) +
    ESCAPED[0x80 | ((point >> 12) & 63)] +
    ESCAPED[0x80 | ((point >> 6) & 63)] +
    ESCAPED[0x80 | (point & 63)]
  );
}

/**
 * True when a header value can stand as it is: no character outside printable ASCII, tab and
 * line breaks (which callers refuse separately).
 *
 * @example
 * isPlainText("Morgenlage"); // true
 * isPlainText("Jürgen"); // false
 */
export function isPlainText(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\uffff]/.test(value);
}

/**
 * A header value as RFC 2047 encoded-words ("Q" encoding, UTF-8) when it is not plain text;
 * plain text is returned unchanged. Each word carries at most ENCODED_WORD_CHARS encoded
 * characters and never splits a character's UTF-8 bytes; the words are separated by spaces,
 * which decoders drop between encoded-words, so folding between them is safe.
 *
 * @example
 * encodeHeaderWords("Grüße"); // "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?="
 */
export function encodeHeaderWords(value: string): string {
  if (isPlainText(value)) return value;
  const bytes = Buffer.from(value, "utf8");
  let out = "";
  let word = "";
  let i = 0;
  while (i < bytes.length) {
    // One character: a lead byte and its continuation bytes (10xxxxxx), kept in one word.
    let end = i + 1;
    while (end < bytes.length && ((bytes[end] as number) & 0xc0) === 0x80) end++;
    let encoded = "";
    for (let j = i; j < end; j++) encoded += encodeQByte(bytes[j] as number);
    if (word.length + encoded.length > ENCODED_WORD_CHARS) {
      out += `${out === "" ? "" : " "}=?UTF-8?Q?${word}?=`;
      word = "";
    }
    word += encoded;
    i = end;
  }
  if (word !== "") out += `${out === "" ? "" : " "}=?UTF-8?Q?${word}?=`;
  return out;
}

/** One byte in RFC 2047 "Q" encoding, safe inside a phrase (a display name): A-Z a-z 0-9 ! * + - / stay. */
function encodeQByte(byte: number): string {
  const safe =
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x21 ||
    byte === 0x2a ||
    byte === 0x2b ||
    byte === 0x2d ||
    byte === 0x2f;
  if (safe) return LITERAL[byte] as string;
  return byte === 0x20 ? "_" : (ESCAPED[byte] as string);
}

/**
 * `Name: value` folded at spaces so that lines stay within HEADER_LINE_CHARS where a space allows
 * it (a longer token stays whole; RFC 5322 allows up to 998 characters). Unfolding restores the
 * value exactly.
 *
 * @example
 * foldHeader("Subject", "Kurz"); // "Subject: Kurz"
 */
export function foldHeader(name: string, value: string): string {
  if (name.length + 2 + value.length <= HEADER_LINE_CHARS) return `${name}: ${value}`;
  const tokens = value.split(" ");
  let out = `${name}:`;
  let lineLength = out.length;
  for (const token of tokens) {
    if (lineLength + 1 + token.length > HEADER_LINE_CHARS && lineLength > name.length + 1) {
      out += `${CRLF} ${token}`;
      lineLength = 1 + token.length;
    } else {
      out += ` ${token}`;
      lineLength += 1 + token.length;
    }
  }
  return out;
}

/**
 * `"Name" <address>`, the name RFC 2047-encoded when it is not plain ASCII.
 *
 * @example
 * formatAddress("Jürgen Groß", "j@example.de"); // "=?UTF-8?Q?J=C3=BCrgen_Gro=C3=9F?= <j@example.de>"
 */
export function formatAddress(name: string | null, address: string): string {
  if (!name) return address;
  if (isPlainText(name)) return `"${name.replace(/["\\]/g, "\\$&")}" <${address}>`;
  return `${encodeHeaderWords(name)} <${address}>`;
}

/**
 * An RFC 5322 date in UTC.
 *
 * @example
 * formatMimeDate(new Date("2026-11-26T06:30:00Z")); // "Thu, 26 Nov 2026 06:30:00 +0000"
 */
export function formatMimeDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}
