/**
 * The meta lines of a scraped article (see parse-text-article.ts): dates ("Erstellt: …",
 * "Aktualisiert: …", "Stand …"), bylines and a bare URL, read into an ArticleMeta as they are met.
 */

import { MARKERS } from "./markers.js";
import { parseByline } from "./parse-byline.js";
import { parseGermanDate } from "./parse-german-date.js";
import { alternation } from "./pattern-utils.js";

/** A date line's value, e.g. "Donnerstag, 14.03.2024, 13:10 Uhr", is never longer. */
const MAX_DATE_VALUE_CHARS = 50;

const DATE_LABELS = alternation([...MARKERS.publishedLabels, ...MARKERS.updatedLabels]);
const DATE_LABEL_AT = new RegExp(`(?:^|\\s)(${DATE_LABELS})\\s*:`, "giu");
const DATE_LABEL_START = new RegExp(`^(${DATE_LABELS})\\s*:?\\s*(.*)$`, "iu");
const PUBLISHED_LABELS = new Set(MARKERS.publishedLabels.map((label) => label.toLowerCase()));
const URL_LINE = /^https?:\/\/\S+$/iu;

/** What the meta lines of an article say; the first date of each kind wins. */
export interface ArticleMeta {
  published: string | null;
  updated: string | null;
  authors: string[];
  agencies: string[];
  url: string | null;
}

/**
 * Reads "Erstellt: …", "Aktualisiert: …", "Stand: …" (several may share a line) into meta.
 * Returns false when the line is not a date line, e.g. "Stand der Dinge ist …".
 *
 * @example
 * readDateLine("Erstellt: 14.03.2024, 13:10 Uhr", meta, undefined); // true, meta.published set
 */
export function readDateLine(text: string, meta: ArticleMeta, referenceDate: Date | undefined): boolean {
  const start = DATE_LABEL_START.exec(text);
  if (!start) return false;
  const segments: { label: string; value: string }[] = [];
  const labels = [...text.matchAll(DATE_LABEL_AT)];
  if (labels.length > 0 && labels[0]?.index === 0) {
    labels.forEach((match, position) => {
      const valueStart = (match.index ?? 0) + match[0].length;
      const valueEnd = labels[position + 1]?.index ?? text.length;
      segments.push({ label: match[1] ?? "", value: text.slice(valueStart, valueEnd).trim() });
    });
  } else {
    // Without a colon ("Stand 14.03.2024") only a complete date makes it a date line.
    segments.push({ label: start[1] ?? "", value: (start[2] ?? "").trim() });
    if (!isDateOnly(segments[0]?.value ?? "", referenceDate)) return false;
  }
  const parsed = segments.map((segment) => ({
    ...segment,
    iso: segment.value === "" ? null : parseGermanDate(segment.value, { referenceDate }),
  }));
  if (
    parsed.some(
      (segment) =>
        segment.value !== "" && (segment.iso === null || segment.value.length > MAX_DATE_VALUE_CHARS),
    )
  ) {
    return false;
  }
  for (const segment of parsed) {
    if (segment.iso === null) continue;
    if (PUBLISHED_LABELS.has(segment.label.toLowerCase())) meta.published ??= segment.iso;
    else meta.updated ??= segment.iso;
  }
  return true;
}

/**
 * True when the whole line is a date, e.g. "14.03.2024, 13:10 Uhr" below an "Erstellt:" line.
 *
 * @example
 * isDateOnly("14.03.2024, 13:10 Uhr", undefined); // true
 */
export function isDateOnly(text: string, referenceDate: Date | undefined): boolean {
  return (
    text.length <= MAX_DATE_VALUE_CHARS &&
    /\d/.test(text) &&
    parseGermanDate(text, { referenceDate }) !== null
  );
}

/**
 * Reads a bare URL line or a byline ("Von Anna Schmidt, dpa") into meta; false when the line is
 * neither. `inHeader`: above the first text line a byline may come without "Von".
 *
 * @example
 * readBylineOrUrl("Von Anna Schmidt", meta, true); // true, meta.authors = ["Anna Schmidt"]
 */
export function readBylineOrUrl(text: string, meta: ArticleMeta, inHeader: boolean): boolean {
  if (URL_LINE.test(text)) {
    meta.url ??= text;
    return true;
  }
  const byline = parseByline(text, { allowBare: inHeader });
  if (!byline) return false;
  meta.authors = [...new Set([...meta.authors, ...byline.authors])];
  meta.agencies = [...new Set([...meta.agencies, ...byline.agencies])];
  return true;
}
