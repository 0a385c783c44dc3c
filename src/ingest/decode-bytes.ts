/**
 * Bytes → string for every ingest format. Newsroom folders hold UTF-8 (with and without BOM),
 * UTF-16 exports from Windows tools, and legacy Windows-1252/ISO-8859-1 files; HTML pages, feeds
 * and HTTP responses may also declare a charset.
 */
import iconv from "iconv-lite";

/** How many leading bytes the binary check looks at: enough to see a file's nature, cheap on 5 MB. */
const BINARY_SNIFF_BYTES = 8192;
/** Share of control bytes above which a file is "mostly not text" (PDF, images, archives). */
const MAX_CONTROL_BYTE_RATIO = 0.1;
/** Share of zero bytes in one byte lane that marks BOM-less UTF-16 of Latin-script text. */
const MIN_UTF16_ZERO_LANE_RATIO = 0.4;

/**
 * Charset labels that mean Windows-1252. Following the WHATWG Encoding Standard, "iso-8859-1"
 * and "us-ascii" are decoded as Windows-1252: real-world files labelled Latin-1 contain „“–€
 * from the 0x80–0x9F range, which strict ISO-8859-1 would turn into invisible C1 controls.
 */
const WINDOWS_1252_LABELS = new Set([
  "windows-1252",
  "cp1252",
  "x-cp1252",
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "latin-1",
  "l1",
  "ascii",
  "us-ascii",
]);
const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);
const UTF16LE_LABELS = new Set(["utf-16", "utf-16le", "utf16", "utf16le", "unicode"]);
const UTF16BE_LABELS = new Set(["utf-16be", "utf16be", "unicodefffe"]);

/** The encoding decodeBytes settled on, and whether a BOM, a declaration or detection decided it. */
export interface DecodedText {
  text: string;
  encoding: string;
  decidedBy: "bom" | "declared" | "detected";
}

/**
 * Decodes file or HTTP bytes to a string. Order of trust: a byte order mark (UTF-8, UTF-16 LE/BE),
 * then the declared charset (meta charset, XML declaration, HTTP header) when it is known and the
 * bytes are valid in it, then detection: valid UTF-8 is UTF-8, BOM-less UTF-16 is recognised by
 * its zero bytes, and anything else is Windows-1252 (the legacy encoding of German newsroom
 * files). The BOM itself is not part of the result.
 *
 * @example
 * decodeBytes(new Uint8Array([0x53, 0x74, 0xfc, 0x63, 0x6b])) // → "Stück" (Windows-1252)
 * decodeBytes(bytes, "iso-8859-1") // declared by <meta charset="iso-8859-1">
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): string {
  return decodeBytesDetailed(bytes, declared).text;
}

/**
 * Like {@link decodeBytes}, also reporting which encoding was used and why.
 *
 * @example
 * decodeBytesDetailed(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])) // → { text: "A", encoding: "utf-8", decidedBy: "bom" }
 */
export function decodeBytesDetailed(bytes: Uint8Array, declared?: string | null): DecodedText {
  const bom = detectBom(bytes);
  if (bom !== null) {
    return {
      text: decodeWith(bytes.subarray(bom.length), bom.encoding),
      encoding: bom.encoding,
      decidedBy: "bom",
    };
  }
  const label = normalizeCharsetLabel(declared);
  if (label !== null) {
    const fromDeclared = decodeDeclared(bytes, label);
    if (fromDeclared !== null) return { ...fromDeclared, decidedBy: "declared" };
  }
  const utf16 = detectBomlessUtf16(bytes);
  if (utf16 !== null) return { text: decodeWith(bytes, utf16), encoding: utf16, decidedBy: "detected" };
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", decidedBy: "detected" };
  return { text: decodeWith(bytes, "windows-1252"), encoding: "windows-1252", decidedBy: "detected" };
}

/** What `sniffEncoding` decided from the first bytes of a file that is decoded as a stream. */
export interface SniffedEncoding {
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  decidedBy: "bom" | "detected";
  /** Bytes of the byte order mark to skip (0 without one). */
  bomLength: number;
}

/**
 * The encoding of a file read in chunks (a recipients list of a million rows), decided from its
 * first chunk with the same rules as {@link decodeBytesDetailed}: BOM, then BOM-less UTF-16, then
 * valid UTF-8, else Windows-1252. `complete` is false when more bytes follow: a UTF-8 sequence
 * cut at the end of the chunk then does not count against UTF-8.
 *
 * @example
 * sniffEncoding(new Uint8Array([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e]), true) // → { encoding: "windows-1252", decidedBy: "detected", bomLength: 0 }
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): SniffedEncoding {
  const bom = detectBom(head);
  if (bom !== null) {
    return { encoding: bom.encoding as SniffedEncoding["encoding"], decidedBy: "bom", bomLength: bom.length };
  }
  const utf16 = detectBomlessUtf16(head);
  if (utf16 !== null) return { encoding: utf16, decidedBy: "detected", bomLength: 0 };
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(head, { stream: !complete });
    return { encoding: "utf-8", decidedBy: "detected", bomLength: 0 };
  } catch {
    return { encoding: "windows-1252", decidedBy: "detected", bomLength: 0 };
  }
}

/**
 * True when the bytes are not text: a NUL byte outside UTF-16, or mostly control bytes. Looks at
 * the first 8 KiB only.
 *
 * @example
 * isBinaryBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])) // → true (PNG)
 * isBinaryBytes(new TextEncoder().encode("Berlin – Der Bundestag …")) // → false
 */
export function isBinaryBytes(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (head.length === 0) return false;
  const bom = detectBom(head);
  if (bom !== null && bom.encoding !== "utf-8") return false;
  if (detectBomlessUtf16(head) !== null) return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    // \t \n \f \r and ESC are legitimate in text; other C0 bytes and DEL are not.
    if (
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) ||
      byte === 0x7f
    ) {
      control++;
    }
  }
  return control / head.length > MAX_CONTROL_BYTE_RATIO;
}

/**
 * The charset parameter of a Content-Type header, or null.
 *
 * @example
 * charsetFromContentType('text/html; charset="ISO-8859-1"') // → "iso-8859-1"
 */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1] ? match[1].toLowerCase() : null;
}

function detectBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function normalizeCharsetLabel(declared: string | null | undefined): string | null {
  if (!declared) return null;
  const label = declared
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (label === "") return null;
  if (UTF8_LABELS.has(label)) return "utf-8";
  if (WINDOWS_1252_LABELS.has(label)) return "windows-1252";
  if (UTF16LE_LABELS.has(label)) return "utf-16le";
  if (UTF16BE_LABELS.has(label)) return "utf-16be";
  return iconv.encodingExists(label) ? label : null;
}

function decodeDeclared(bytes: Uint8Array, label: string): { text: string; encoding: string } | null {
  if (label === "utf-8") {
    // A page that says UTF-8 but is not (a common CMS mistake) falls through to detection.
    const text = decodeUtf8Strict(bytes);
    return text === null ? null : { text, encoding: "utf-8" };
  }
  return { text: decodeWith(bytes, label), encoding: label };
}

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return iconv.decode(bytes, encoding, { stripBOM: false });
}

/**
 * German text in UTF-16 without a BOM has a zero in the high byte of almost every code unit, so
 * one byte lane is mostly zeros and the other almost never is.
 */
function detectBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (head.length < 4 || head.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const units = head.length / 2;
  if (oddZeros / units >= MIN_UTF16_ZERO_LANE_RATIO && evenZeros === 0) return "utf-16le";
  if (evenZeros / units >= MIN_UTF16_ZERO_LANE_RATIO && oddZeros === 0) return "utf-16be";
  return null;
}
