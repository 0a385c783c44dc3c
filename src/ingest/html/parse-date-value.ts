import { formatZoned, zonedTime } from "../../clock.js";
import { NEWSROOM_TIME_ZONE } from "../markers.js";

/** ISO 8601 with an explicit offset or "Z": the instant is known, only the display zone is chosen. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
/** ISO 8601 without a zone ("2026-11-26T06:12" or a bare date): newsroom local time. */
const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

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
  // RFC 822 dates ("Thu, 26 Nov 2026 06:12:00 +0100") and zoned ISO strings are what Date.parse
  // reads reliably; anything else (German prose dates) is not a machine date and stays null.
  if (
    !ISO_WITH_ZONE.test(text) &&
    !/^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}/.test(text)
  ) {
    return null;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : formatZoned(new Date(ms), NEWSROOM_TIME_ZONE);
}
