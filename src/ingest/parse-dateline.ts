/**
 * The Ortsmarke that opens a news paragraph: "Peking/Moskau – Angesichts …",
 * "Frankfurt am Main – …", "Berlin (dpa) – …".
 */
import { MARKERS } from "./markers.js";
import { canonicalAgency } from "./parse-byline.js";
import { createWordSet } from "./pattern-utils.js";

export interface Dateline {
  dateline: string;
  /** Agencies named in parentheses after the place ("Berlin (dpa) –"). */
  agencies: string[];
  /** The paragraph without the dateline. */
  text: string;
}

/** Place names are short; a longer opening before a dash is a clause. */
const MAX_DATELINE_CHARS = 60;
const MAX_PLACE_WORDS = 6;

const OPENING = /^(.{2,60}?)(?:\s*\(([^)]{1,40})\))?\s+[–—-]\s+(?=[\p{Lu}„"»\d])(.*)$/su;
const NON_PLACES = createWordSet(MARKERS.datelineNonPlaces);
const CONNECTORS = createWordSet(MARKERS.datelineConnectors);

/**
 * Splits a leading dateline off a paragraph, or returns null when it has none.
 *
 * @example
 * parseDateline("Peking/Moskau – Angesichts des Ukraine-Kriegs …")
 * // → { dateline: "Peking/Moskau", agencies: [], text: "Angesichts des Ukraine-Kriegs …" }
 * parseDateline("Die USA – und nicht China – …") // → null
 */
export function parseDateline(paragraph: string): Dateline | null {
  const match = OPENING.exec(paragraph);
  if (!match) return null;
  const place = (match[1] ?? "").trim();
  const text = (match[3] ?? "").trim();
  if (place.length > MAX_DATELINE_CHARS || text === "" || !isPlace(place)) return null;
  const agencies: string[] = [];
  if (match[2] !== undefined) {
    for (const part of match[2].split(/\s*[/,]\s*/)) {
      const agency = canonicalAgency(part);
      if (agency === null) return null;
      agencies.push(agency);
    }
  }
  return { dateline: place, agencies, text };
}

function isPlace(place: string): boolean {
  const words = place.split(/[\s/,]+/).filter((word) => word !== "");
  const first = words[0];
  if (first === undefined || words.length > MAX_PLACE_WORDS || NON_PLACES.has(first)) return false;
  return words.every((word) => /^\p{Lu}[\p{L}.'’-]*$/u.test(word) || CONNECTORS.has(word));
}
