/**
 * Calendar helpers that take the time zone and the instant as arguments, so stages stay free of
 * the system clock and previews are reproducible.
 */

/**
 * The local calendar date (YYYY-MM-DD) of an instant in an IANA time zone.
 *
 * @example
 * localDate(new Date("2026-11-25T23:30:00Z"), "Europe/Berlin"); // "2026-11-26"
 */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * The instant of a local wall-clock time on a local date in a time zone (for a time that does not
 * exist on that day, e.g. 02:30 on the spring-forward day, the next valid instant).
 *
 * @example
 * zonedTime("2026-11-26", "07:30", "Europe/Berlin").toISOString(); // "2026-11-26T06:30:00.000Z"
 */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes converge on the offset in force at that wall time (offsets change at most once a day).
  let guess = wallAsUtc - offsetMs(new Date(wallAsUtc), timeZone);
  guess = wallAsUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** Offset of a time zone from UTC at an instant, in milliseconds (Berlin in winter: 3,600,000). */
export function offsetMs(instant: Date, timeZone: string): number {
  const parts = offsetFormatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * Formats an instant as ISO 8601 with the zone's offset, e.g. "2027-03-29T07:30:00+02:00".
 *
 * @example
 * formatZoned(new Date("2027-03-29T05:30:00Z"), "Europe/Berlin"); // "2027-03-29T07:30:00+02:00"
 */
export function formatZoned(instant: Date, timeZone: string): string {
  const offset = offsetMs(instant, timeZone);
  const local = new Date(instant.getTime() + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

/**
 * Creating an Intl.DateTimeFormat costs ~0.1 ms; ingest dates every feed item, so one formatter
 * per time zone is kept.
 */
const OFFSET_FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = OFFSET_FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    OFFSET_FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}
