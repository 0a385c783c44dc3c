import { normalizeInline } from "../normalize-text.js";
import { parseCaptionLine } from "../parse-caption.js";

/** A caption split into its text and its photo credit. */
export interface CaptionParts {
  caption: string | null;
  credit: string | null;
}

/**
 * Splits a web caption ("Olaf Scholz im Bundestag. © Kay Nietfeld/dpa", "… Foto: IMAGO/Future
 * Image") into caption and credit with the text format's caption rule; a caption without a
 * credit is kept whole.
 *
 * @example
 * splitCredit("Putin in Moskau. © Alexei Druzhinin/dpa") // → { caption: "Putin in Moskau.", credit: "Alexei Druzhinin/dpa" }
 * splitCredit("Der Plenarsaal am Abend.") // → { caption: "Der Plenarsaal am Abend.", credit: null }
 */
export function splitCredit(text: string): CaptionParts {
  const line = normalizeInline(text);
  if (line === "") return { caption: null, credit: null };
  return parseCaptionLine(line) ?? { caption: line, credit: null };
}
