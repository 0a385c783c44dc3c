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
  return lines.map((line) => wrapQpLine(encodeQpLine(line), lineChars)).join(CRLF);
}

/** The encoded tokens of one line: a literal character or an =XX triplet each. */
function encodeQpLine(line: string): string[] {
  const bytes = Buffer.from(line, "utf8");
  const tokens: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    const last = i === bytes.length - 1;
    const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
    tokens.push(literal ? String.fromCharCode(byte) : `=${HEX[byte >> 4]}${HEX[byte & 15]}`);
  }
  return tokens;
}

function wrapQpLine(tokens: readonly string[], lineChars: number): string {
  let out = "";
  let lineLength = 0;
  for (const token of tokens) {
    // Room for the token and a soft break's "=" after it.
    if (lineLength + token.length > lineChars - 1) {
      out += `=${CRLF}`;
      lineLength = 0;
    }
    out += token;
    lineLength += token.length;
  }
  return out;
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
  const words: string[] = [];
  let word = "";
  for (const char of value) {
    const encoded = encodeQChar(char);
    if (word.length + encoded.length > ENCODED_WORD_CHARS) {
      words.push(word);
      word = "";
    }
    word += encoded;
  }
  if (word !== "") words.push(word);
  return words.map((payload) => `=?UTF-8?Q?${payload}?=`).join(" ");
}

/** One character in RFC 2047 "Q" encoding, safe inside a phrase (a display name). */
function encodeQChar(char: string): string {
  if (/^[A-Za-z0-9!*+\-/]$/.test(char)) return char;
  if (char === " ") return "_";
  let out = "";
  for (const byte of Buffer.from(char, "utf8")) out += `=${HEX[byte >> 4]}${HEX[byte & 15]}`;
  return out;
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
