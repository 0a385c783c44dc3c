/**
 * Breadcrumbs at the top of scraped text: numbered lines ("1. Startseite" / "2. Politik") or one
 * line with separators ("Startseite › Politik › Ausland").
 */
import { MARKERS } from "./markers.js";
import { createWordSet, escapeRegExp } from "./pattern-utils.js";

export interface Breadcrumbs {
  items: string[];
  /** How many leading lines they took. */
  lineCount: number;
}

/** Breadcrumb items are section names, never sentences. */
const MAX_CRUMB_CHARS = 40;
/** Only the first lines of a file can be breadcrumbs. */
const MAX_CRUMB_LINES = 8;

const NUMBERED = /^(\d{1,2})\.\s+(\S.*)$/u;
const SEPARATORS = MARKERS.breadcrumbSeparators.map(escapeRegExp).join("");
// "/" only splits when spaced: "Ukraine/Russland" is one crumb, "Startseite / Politik" two.
const SPLIT = new RegExp(
  `\\s+[${SEPARATORS}]\\s+|\\s*[${SEPARATORS.replace("\\/", "")}]\\s*|\\s+(?=\\d{1,2}\\.\\s)`,
  "u",
);
const HOME = createWordSet(MARKERS.homeCrumbs);

/**
 * Reads breadcrumbs from the first lines, or returns null. Numbered lines count when they start
 * at 1 and count up (so "1. FC Köln siegt" as a headline is not a breadcrumb unless "2. …"
 * follows) or when the first names the home page.
 *
 * @example
 * parseBreadcrumbs(["1. Startseite", "2. Politik", "„Kicker“: Headline"])
 * // → { items: ["Startseite", "Politik"], lineCount: 2 }
 */
export function parseBreadcrumbs(lines: readonly string[]): Breadcrumbs | null {
  const items: string[] = [];
  let lineCount = 0;
  let expected = 1;
  for (const line of lines.slice(0, MAX_CRUMB_LINES)) {
    const parts = line.split(SPLIT).map((part) => part.trim());
    const numbered = parts.map((part) => NUMBERED.exec(part));
    if (!numbered.every((match) => match !== null && Number(match[1]) === expected++)) break;
    const names = numbered.map((match) => (match?.[2] ?? "").trim());
    if (names.some((name) => name.length > MAX_CRUMB_CHARS)) break;
    items.push(...names);
    lineCount++;
  }
  if (items.length > 0 && (items.length > 1 || HOME.has(items[0] ?? ""))) return { items, lineCount };

  const first = lines[0];
  if (first === undefined) return null;
  const parts = first.split(SPLIT).map((part) => part.trim());
  if (
    parts.length > 1 &&
    HOME.has(parts[0] ?? "") &&
    parts.every((part) => part !== "" && part.length <= MAX_CRUMB_CHARS)
  ) {
    return { items: parts, lineCount: 1 };
  }
  return null;
}

/**
 * The section a breadcrumb trail names: its first item that is not the home page.
 *
 * @example
 * sectionFromBreadcrumbs(["Startseite", "Politik", "Ausland"]) // → "Politik"
 */
export function sectionFromBreadcrumbs(items: readonly string[]): string | null {
  return items.find((item) => !HOME.has(item)) ?? null;
}
