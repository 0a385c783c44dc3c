import { MARKERS } from "../markers.js";
import { normalizeInline } from "../normalize-text.js";

/** A caption split into its text and its photo credit. */
export interface CaptionParts {
  caption: string | null;
  credit: string | null;
}

/**
 * Splits a web caption ("Olaf Scholz im Bundestag. © Kay Nietfeld/dpa", "… Foto: IMAGO/Future
 * Image") into caption and credit, the way the text format does: the credit is what follows the
 * first credit marker of `MARKERS.creditMarkers`, without the marker.
 *
 * @example
 * splitCredit("Putin in Moskau. © Alexei Druzhinin/dpa") // → { caption: "Putin in Moskau.", credit: "Alexei Druzhinin/dpa" }
 */
export function splitCredit(text: string): CaptionParts {
  const line = normalizeInline(text);
  const lower = line.toLocaleLowerCase("de");
  let best = -1;
  let markerLength = 0;
  for (const marker of MARKERS.creditMarkers) {
    const index = lower.indexOf(marker.toLocaleLowerCase("de"));
    if (index !== -1 && (best === -1 || index < best)) {
      best = index;
      markerLength = marker.length;
    }
  }
  if (best === -1) return { caption: line || null, credit: null };
  const caption = line
    .slice(0, best)
    .replace(/[\s|/(–-]+$/u, "")
    .trim();
  const credit = line
    .slice(best + markerLength)
    .replace(/^[\s:]+/, "")
    .replace(/\)$/, "")
    .trim();
  return { caption: caption || null, credit: credit || null };
}
