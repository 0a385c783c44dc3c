/**
 * Raw bytes of one input (a file or an HTTP body) → articles: the checks every input gets
 * (empty, binary), decoding, picking the format, parsing. Shared by the file and URL readers.
 */
import { DigestError } from "../errors.js";
import type { Article } from "../types.js";
import { decodeBytes, isBinaryBytes } from "./decode-bytes.js";
import { findFormat, INPUT_FORMATS, type InputFormat } from "./formats.js";

export interface ParseInputBytesOptions {
  /** File path or URL: the article source and the name in messages. */
  source: string;
  /** File name or URL path whose extension hints at the format; defaults to `source`. */
  name?: string | null | undefined;
  /** HTTP Content-Type, including a charset parameter when the server sent one. */
  contentType?: string | null | undefined;
  /**
   * A charset declared outside the bytes (the HTTP header). Order of trust, as in the WHATWG
   * Encoding Standard and RFC 7303: BOM, then this, then the document's own declaration.
   */
  charset?: string | null | undefined;
  referenceDate?: Date | undefined;
  formats?: readonly InputFormat[] | undefined;
}

/**
 * Decodes and parses one input. Pure (no I/O).
 *
 * @throws DigestError E_INPUT when the input is empty, binary, of no known format, or unparseable.
 * @example
 * parseInputBytes(readFileSync("seeds/000_7cdcff967b3c5d01.txt"), { source: "seeds/000_7cdcff967b3c5d01.txt" })
 * // → [Article] (format "text")
 */
export function parseInputBytes(bytes: Uint8Array, options: ParseInputBytesOptions): Article[] {
  const where = options.source;
  const formats = options.formats ?? INPUT_FORMATS;
  if (bytes.length === 0)
    throw unusable(where, "the file is empty", "Expected an article as text, JSON, HTML or a feed.");
  if (isBinaryBytes(bytes)) {
    throw unusable(
      where,
      "it is not a text file (it contains binary data)",
      "Expected an article as text, JSON, HTML or a feed.",
    );
  }
  const hinted = findFormat(
    { name: options.name ?? options.source, mediaType: options.contentType },
    formats,
  );
  const declared = options.charset ?? hinted?.declaredCharset?.(bytes) ?? null;
  const text = decodeBytes(bytes, declared);
  if (text.trim() === "")
    throw unusable(
      where,
      "the file is empty (whitespace only)",
      "Expected an article as text, JSON, HTML or a feed.",
    );
  const format = hinted ?? findFormat({ text }, formats);
  if (format === null) {
    const names = formats.map((candidate) => candidate.name).join(", ");
    throw unusable(where, "its format is not recognised", `Expected one of: ${names}.`);
  }
  // A sniffed format may declare a charset the first decoding did not know about.
  const sniffedCharset =
    hinted === null && !options.charset ? (format.declaredCharset?.(bytes) ?? null) : null;
  const finalText =
    sniffedCharset !== null && sniffedCharset !== declared ? decodeBytes(bytes, sniffedCharset) : text;
  return format.parse(finalText, { source: options.source, referenceDate: options.referenceDate });
}

function unusable(where: string, why: string, expected: string): DigestError {
  return new DigestError("E_INPUT", `could not read ${where} - ${why}. ${expected}`, { where });
}
