/**
 * German newsroom dates → ISO 8601 with the Europe/Berlin offset of that moment (so summer dates
 * get +02:00 and winter dates +01:00).
 */
import { wallClock, zonedIso } from "../clock.js";
import { MARKERS, NEWSROOM_TIME_ZONE } from "./markers.js";

export interface GermanDateOptions {
  /** Supplies the year when the text has none ("14. März, 13.10 Uhr"); without it such dates are null. */
  referenceDate?: Date | undefined;
  /** IANA zone the wall-clock time is in; default Europe/Berlin. */
  timeZone?: string;
}

const MONTH_NAMES = Object.keys(MARKERS.months)
  .sort((a, b) => b.length - a.length)
  .join("|");
const WEEKDAYS = MARKERS.weekdays.join("|");
const JOINERS = MARKERS.timeJoiners.join("|");
// "15.06.2022", "15.6.22", "15. Juni 2022", "15. Juni", "15. Sept." – weekday prefix allowed.
const DATE_PART = new RegExp(
  `^(?:(?:${WEEKDAYS}),?\\s+)?(\\d{1,2})\\.\\s*(?:(\\d{1,2})\\.\\s*(\\d{4}|\\d{2})?|(${MONTH_NAMES})\\.?\\s*(\\d{4})?)`,
  "iu",
);
// ", 14:03 Uhr", " um 14.03 Uhr", " | 13:10", " - 9.05 Uhr"
const TIME_PART = new RegExp(
  `^[\\s,|–-]*(?:(?:${JOINERS})\\s+)?(\\d{1,2})[:.](\\d{2})(?:\\s*${MARKERS.clockSuffix})?\\b`,
  "iu",
);
const TIME_ONLY = new RegExp(`^(\\d{1,2})[:.](\\d{2})(?:\\s*${MARKERS.clockSuffix})?$`, "iu");
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a German date line ("15.06.2022, 14:03 Uhr", "Mittwoch, 15. Juni 2022 um 14.03 Uhr",
 * "14. März, 13.10 Uhr" with a reference date, or ISO 8601) into ISO 8601 with the offset of the
 * newsroom time zone. A date without a time is midnight. Returns null for anything else,
 * including impossible dates such as "31.02.2024".
 *
 * @example
 * parseGermanDate("15.06.2022, 14:03 Uhr") // → "2022-06-15T14:03:00+02:00"
 * parseGermanDate("14. März, 13.10 Uhr", { referenceDate: new Date("2024-03-15T08:00:00Z") }) // → "2024-03-14T13:10:00+01:00"
 */
export function parseGermanDate(text: string, options: GermanDateOptions = {}): string | null {
  const value = text.trim().replace(/\.$/, "");
  if (value === "") return null;
  const timeZone = options.timeZone ?? NEWSROOM_TIME_ZONE;

  const iso = ISO_LIKE.exec(value);
  if (iso) return parseIsoLike(iso, timeZone);

  const date = DATE_PART.exec(value);
  if (!date) return null;
  const day = Number(date[1]);
  const month =
    date[2] !== undefined ? Number(date[2]) : (MARKERS.months[(date[4] ?? "").toLowerCase()] ?? 0);
  const yearText = date[3] ?? date[5];
  const rest = value.slice(date[0].length);
  const time = TIME_PART.exec(rest);
  const hour = time ? Number(time[1]) : 0;
  const minute = time ? Number(time[2]) : 0;

  let year: number;
  if (yearText !== undefined) {
    year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  } else {
    const inferred = inferYear(month, day, hour, minute, options.referenceDate, timeZone);
    if (inferred === null) return null;
    year = inferred;
  }
  return zonedIso({ year, month, day, hour, minute, second: 0 }, timeZone);
}

/**
 * A clock time alone ("13.10 Uhr") on the calendar day of `baseIso` in the newsroom time zone:
 * ticker entries often carry only the time and inherit the day of the entry above them.
 *
 * @example
 * parseGermanTimeOnDay("13.10 Uhr", "2024-03-14T09:00:00+01:00") // → "2024-03-14T13:10:00+01:00"
 */
export function parseGermanTimeOnDay(
  text: string,
  baseIso: string,
  timeZone = NEWSROOM_TIME_ZONE,
): string | null {
  const time = TIME_ONLY.exec(text.trim());
  if (!time) return null;
  const day = wallClock(new Date(baseIso), timeZone);
  return zonedIso({ ...day, hour: Number(time[1]), minute: Number(time[2]), second: 0 }, timeZone);
}

function parseIsoLike(match: RegExpExecArray, timeZone: string): string | null {
  const [, y, mo, d, h, mi, s, zone] = match;
  const clock = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
  };
  if (zone === undefined) return zonedIso(clock, timeZone);
  const offset = zone === "Z" ? "+00:00" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const local = zonedIso(clock, "UTC");
  return local === null ? null : local.replace(/\+00:00$/, offset);
}

function inferYear(
  month: number,
  day: number,
  hour: number,
  minute: number,
  referenceDate: Date | undefined,
  timeZone: string,
): number | null {
  if (referenceDate === undefined || Number.isNaN(referenceDate.getTime())) return null;
  const year = wallClock(referenceDate, timeZone).year;
  // The year that puts the date closest to the reference: a ticker entry of 28 December read on
  // 2 January is last year's, an entry of 2 January in an article dated 28 December next year's.
  let best: { year: number; distance: number } | null = null;
  for (const candidateYear of [year - 1, year, year + 1]) {
    const candidate = zonedIso({ year: candidateYear, month, day, hour, minute, second: 0 }, timeZone);
    if (candidate === null) continue;
    const distance = Math.abs(Date.parse(candidate) - referenceDate.getTime());
    if (best === null || distance < best.distance) best = { year: candidateYear, distance };
  }
  return best?.year ?? null;
}
