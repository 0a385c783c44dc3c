import { zonedTime } from "../../clock.js";
import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

const MS_PER_HOUR = 3_600_000;

/**
 * `story/date`: the top story carries a date within `limits.freshnessHours` of the edition time.
 * Selection keeps undated articles (a scraped page often has no machine-readable date), so an
 * undated story - the seed is a 2022 article - would otherwise go out as today's news without a
 * word. An edition JSON checked with `--edition` may also be older than the window. A warning, not
 * an error: the editor may know the story is current.
 *
 * @example
 * checkStoryDate({ ...context, edition: { ...edition, stories: [{ ...top, published: null, updated: null }] } });
 * // [{ rule: "story/date", severity: "warning", … }]
 */
export function checkStoryDate(context: RuleContext): Finding[] {
  const { edition, config } = context;
  const top = edition.stories[0];
  if (!top) return [];
  const where = `top story "${top.headline}"`;
  const dated = top.updated ?? top.published;
  if (dated === null) {
    return [
      createFinding(
        "story/date",
        where,
        "the top story carries no date, so nothing shows it is today's news",
        "check that the article is current; give its input a publication date (JSON-LD datePublished, a feed's pubDate, the text format's 'Erstellt:' line)",
      ),
    ];
  }
  const editionTime = zonedTime(edition.date, config.schedule.at, edition.timeZone);
  const ageHours = (editionTime.getTime() - Date.parse(dated)) / MS_PER_HOUR;
  if (ageHours <= config.limits.freshnessHours) return [];
  return [
    createFinding(
      "story/date",
      where,
      `the top story is dated ${dated}, ${Math.floor(ageHours)} h before the edition time (limits.freshnessHours ${config.limits.freshnessHours})`,
      "check that the story is still news; rebuild the edition from today's inputs",
    ),
  ];
}
