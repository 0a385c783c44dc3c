import { formatZoned, zonedTime } from "../../clock.js";
import { MARKERS, NEWSROOM_TIME_ZONE } from "../markers.js";

/** ISO 8601 with an explicit offset or "Z": the instant is known, only the display zone is chosen. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
/** ISO 8601 without a zone ("2026-11-26T06:12" or a bare date): newsroom local time. */
const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * RSS `pubDate` (RFC 822): "Thu, 26 Nov 2026 06:12:00 +0100". German CMS also write German
 * weekdays and months ("Do, 26 Okt 2026 …") and zone names ("MEZ"); all are read here rather than
 * by Date.parse, which guesses differently on every engine.
 */
const RFC_822 =
  /^(?:\p{L}{2,3}\.?,?\s*)?(\d{1,2})\.?\s+(\p{L}{3,9})\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(.*)$/u;
const ENGLISH_MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
/** Zone names of RFC 822 and of German feeds, in hours east of UTC. */
const ZONE_HOURS: Readonly<Record<string, number>> = {
  gmt: 0,
  ut: 0,
  utc: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  cet: 1,
  cest: 2,
  mez: 1,
  mesz: 2,
};

/**
 * Turns a date as web pages and feeds write it — ISO 8601 (JSON-LD, Atom, `<time datetime>`,
 * OpenGraph) or RFC 822 (RSS `pubDate`) — into ISO 8601 with the Berlin offset, or null when it
 * is empty or not a date. A value without a zone is read as Berlin wall-clock time, because that
 * is what a German CMS means by it.
 *
 * @example
 * parseDateValue("Thu, 26 Nov 2026 05:12:00 GMT") // → "2026-11-26T06:12:00+01:00"
 * parseDateValue("2026-11-26T06:12") // → "2026-11-26T06:12:00+01:00"
 */
export function parseDateValue(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const local = ISO_LOCAL.exec(text);
  if (local) {
    const [, date, hh = "00", mm = "00"] = local;
    const instant = zonedTime(date as string, `${hh}:${mm}`, NEWSROOM_TIME_ZONE);
    return Number.isNaN(instant.getTime()) ? null : formatZoned(instant, NEWSROOM_TIME_ZONE);
  }
  if (ISO_WITH_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : formatZoned(new Date(ms), NEWSROOM_TIME_ZONE);
  }
  return parseRfc822(text);
}

function parseRfc822(text: string): string | null {
  const match = RFC_822.exec(text);
  if (!match) return null;
  const [, day, monthName = "", yearText = "", hh = "0", mm = "0", ss = "0", zoneText = ""] = match;
  const key = monthName.toLocaleLowerCase("de");
  const month = ENGLISH_MONTHS[key.slice(0, 3)] ?? MARKERS.months[key] ?? MARKERS.months[key.slice(0, 3)];
  if (month === undefined) return null;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const wall = Date.UTC(year, month - 1, Number(day), Number(hh), Number(mm), Number(ss));
  const zone = zoneText.trim().toLowerCase();
  let offsetMinutes: number | null;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    offsetMinutes = (numeric[1] === "-" ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  } else if (zone === "") {
    offsetMinutes = null;
  } else {
    const hours = ZONE_HOURS[zone];
    if (hours === undefined) return null;
    offsetMinutes = hours * 60;
  }
  if (offsetMinutes === null) {
    // No zone at all: Berlin wall-clock time, as for ISO dates without an offset.
    const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Number(day)).padStart(2, "0")}`;
    return formatZoned(
      zonedTime(date, `${hh.padStart(2, "0")}:${mm}`, NEWSROOM_TIME_ZONE),
      NEWSROOM_TIME_ZONE,
    );
  }
  const instant = new Date(wall - offsetMinutes * 60_000);
  return Number.isNaN(instant.getTime()) ? null : formatZoned(instant, NEWSROOM_TIME_ZONE);
}
