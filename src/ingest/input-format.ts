import type { Article } from "../types.js";

export interface FormatParseOptions {
  /** File path or URL the text came from (ids and error messages). */
  source: string | null;
  /** Supplies the year for dates printed without one (ticker entries). */
  referenceDate?: Date | undefined;
}

/** One input format: how it is recognised and parsed (the registry is formats.ts). */
export interface InputFormat {
  /** Short name used in messages, e.g. "text", "json", "html", "feed". */
  name: string;
  /** File extensions without the dot, lower case: "txt", "json", "html". */
  extensions: readonly string[];
  /** Media types of HTTP responses: "text/html", "application/rss+xml". */
  mediaTypes: readonly string[];
  /** True when decoded text looks like this format (used when extension and media type do not decide). */
  sniff(text: string): boolean;
  /** Pure: decoded text → articles. Throws DigestError E_INPUT when the text is not usable. */
  parse(text: string, options: FormatParseOptions): Article[];
  /**
   * The charset the raw bytes declare, if the format can declare one (`<meta charset>`, the XML
   * declaration); decodeBytes trusts a BOM first, then this.
   */
  declaredCharset?(bytes: Uint8Array): string | null;
}
