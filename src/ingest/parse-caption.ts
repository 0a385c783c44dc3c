/**
 * Photo captions in scraped text: "Die Amtskollegen … zu. (Archivfoto) © Alexei Druzhinin/dpa",
 * "… Foto: Kay Nietfeld/dpa", or a caption line ending in "(Archivfoto)" without a credit.
 */
import { MARKERS } from "./markers.js";
import { alternation, escapeRegExp } from "./pattern-utils.js";

export interface CaptionLine {
  /** The caption without the credit, or null for a credit-only line ("© AFP"). */
  caption: string | null;
  /** The credit without the "©"/"Foto:" marker, or null for a caption without credit. */
  credit: string | null;
}

/** Credits are names and agencies ("IMAGO/Political-Moments"), never sentences. */
const MAX_CREDIT_CHARS = 100;
/** Captions are a sentence or two; a longer line with "©" in it is body text quoting a copyright. */
const MAX_CAPTION_LINE_CHARS = 500;

const CREDIT = new RegExp(
  `(?:^|\\s)(${MARKERS.creditMarkers.map(escapeRegExp).join("|")})\\s*([^©]{1,${MAX_CREDIT_CHARS}})$`,
  "iu",
);
const CAPTION_SUFFIX = new RegExp(`(?:${alternation(MARKERS.captionSuffixes)})$`, "iu");

/**
 * Parses a caption line, or returns null when the line is not one. A line counts when it ends in
 * a credit ("© …", "Foto: …") or in a caption suffix such as "(Archivfoto)".
 *
 * @example
 * parseCaptionLine("Xi und Putin. (Archivfoto) © Alexei Druzhinin/dpa")
 * // → { caption: "Xi und Putin. (Archivfoto)", credit: "Alexei Druzhinin/dpa" }
 * parseCaptionLine("© IMAGO/Political-Moments") // → { caption: null, credit: "IMAGO/Political-Moments" }
 */
export function parseCaptionLine(line: string): CaptionLine | null {
  if (line.length > MAX_CAPTION_LINE_CHARS) return null;
  const credit = CREDIT.exec(line);
  if (credit) {
    const marker = credit[1] ?? "";
    const value = (credit[2] ?? "").trim();
    // "Foto:" inside running text ("Das Foto: ein Beweis, sagte er.") is not a credit.
    const isSentence = /[.!?]$/.test(value) && !/\/\w+\.?$/.test(value) && marker !== "©";
    if (value !== "" && !isSentence) {
      const caption = line.slice(0, credit.index).trim();
      return { caption: caption === "" ? null : caption, credit: value };
    }
  }
  if (CAPTION_SUFFIX.test(line)) return { caption: line, credit: null };
  return null;
}
