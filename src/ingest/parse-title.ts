/** The title line: „Kicker“: Headline, or a headline alone. */

export interface Title {
  kicker: string | null;
  headline: string;
}

/** German „…“, guillemets »…« and «…», and straight or English quotes around the kicker. */
const QUOTED_KICKER = /^(?:„([^“”"]+)[“”"]|»([^«]+)«|«([^»]+)»|"([^"]+)"|“([^”]+)”)\s*:\s*(\S.*)$/u;

/**
 * Splits the title line into the quoted kicker (Dachzeile) before the colon and the headline.
 * An unquoted "Ukraine-Krieg: …" stays one headline: without quotes the colon may be part of a
 * quote-headline ("Scholz: Wir halten Kurs").
 *
 * @example
 * parseTitle("„Entwicklung militärischer Beziehung“: China will Putin den Rücken stärken")
 * // → { kicker: "Entwicklung militärischer Beziehung", headline: "China will Putin den Rücken stärken" }
 */
export function parseTitle(line: string): Title {
  const match = QUOTED_KICKER.exec(line.trim());
  if (match) {
    const kicker = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? "").trim();
    const headline = (match[6] ?? "").trim();
    if (kicker !== "" && headline !== "") return { kicker, headline };
  }
  return { kicker: null, headline: line.trim() };
}
