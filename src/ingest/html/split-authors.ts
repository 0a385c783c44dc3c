import { MARKERS } from "../markers.js";
import { normalizeInline } from "../normalize-text.js";

const AGENCIES = new Map(MARKERS.agencies.map((a) => [a.toLocaleLowerCase("de"), a]));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const LABEL = new RegExp(`^(?:${MARKERS.bylineLabels.map(escapeRegExp).join("|")}):?\\s+`, "i");
const JOINERS = new RegExp(
  `\\s*(?:,|;|\\s(?:${MARKERS.authorJoiners.map(escapeRegExp).join("|")})\\s)\\s*`,
  "i",
);
const INTROS = new RegExp(`\\s(?:${MARKERS.agencyIntros.map(escapeRegExp).join("|")})\\s`, "i");
const FILLERS = new RegExp(`^(?:${MARKERS.agencyFillers.map(escapeRegExp).join("|")})\\s+`, "i");

/**
 * Splits author names as pages and feeds give them ("Von Anna Muster und Ben Beispiel mit dpa",
 * `["Anna Muster", "dpa"]`) into people and news agencies, using the byline words of the marker
 * table. Duplicates are dropped, order is kept.
 *
 * @example
 * splitAuthors(["Von: Anna Muster, Ben Beispiel mit dpa"]) // → { authors: ["Anna Muster", "Ben Beispiel"], agencies: ["dpa"] }
 */
export function splitAuthors(values: readonly string[]): { authors: string[]; agencies: string[] } {
  const authors: string[] = [];
  const agencies: string[] = [];
  for (const value of values) {
    const line = normalizeInline(value).replace(LABEL, "");
    const [people = "", agencyPart] = line.split(INTROS, 2);
    const names = people.split(JOINERS);
    const agencyNames = agencyPart ? agencyPart.replace(FILLERS, "").split(JOINERS) : [];
    for (const raw of [...names, ...agencyNames]) {
      const name = raw.replace(/^[\s(]+|[\s).]+$/g, "").trim();
      if (name === "" || /^https?:\/\//.test(name)) continue;
      const agency = AGENCIES.get(name.toLocaleLowerCase("de"));
      const list = agency ? agencies : authors;
      const entry = agency ?? name;
      if (!list.includes(entry)) list.push(entry);
    }
  }
  return { authors, agencies };
}
