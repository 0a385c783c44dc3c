/**
 * Removes the Ortsmarke ("Peking/Moskau – ", "Berlin (dpa) – ") from the front of a sentence.
 * A teaser or key point is read outside the article, where the dateline is noise; it is never
 * left on its own.
 */

/** A dateline: up to four capitalised words (with "/", "." or "-"), an optional agency, a dash. */
const DATELINE_PREFIX =
  /^\p{Lu}[\p{L}\p{M}.'’-]*(?:[ /]\p{L}[\p{L}\p{M}.'’-]*){0,3}(?: ?\([^)]{1,20}\))? [–—-] (?=[\p{Lu}„"»\d])/u;

/**
 * Strips a leading dateline when it is the article's known `dateline` or, with `generic`, any
 * prefix of the dateline shape.
 *
 * @example
 * stripDateline("Peking/Moskau – Angesichts des Krieges …", "Peking/Moskau"); // → "Angesichts des Krieges …"
 * stripDateline("Berlin (dpa) – Die Regierung tagt.", null, true); // → "Die Regierung tagt."
 */
export function stripDateline(sentence: string, dateline: string | null, generic = false): string {
  if (dateline !== null && dateline.length > 0 && sentence.startsWith(dateline)) {
    const rest = sentence.slice(dateline.length).replace(/^(?: ?\([^)]{1,20}\))? ?[–—-] /u, "");
    if (rest !== sentence.slice(dateline.length) && rest.length > 0) return rest;
  }
  if (generic) {
    const match = DATELINE_PREFIX.exec(sentence);
    if (match && sentence.length > match[0].length) return sentence.slice(match[0].length);
  }
  return sentence;
}
