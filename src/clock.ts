/**
 * Time for the whole tree: calendar helpers that take the time zone and the instant as arguments
 * (so stages stay free of the system clock and previews are reproducible), and the injectable
 * `Clock` that the scheduler and the lease wait on. It sits at the root, beside the stages, so
 * that deliver and schedule both use it without importing each other.
 */

/**
 * The local calendar date (YYYY-MM-DD) of an instant in an IANA time zone.
 *
 * @example
 * localDate(new Date("2026-11-25T23:30:00Z"), "Europe/Berlin"); // "2026-11-26"
 */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
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
  return new Date(wallAsUtc - offsetAtWallTime(wallAsUtc, timeZone, offsetMs));
}

/** Offset of a time zone from UTC at an instant, in milliseconds (Berlin in winter: 3,600,000). */
export function offsetMs(instant: Date, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClock(instant, timeZone);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
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
  return `${local}${formatOffset(offset)}`;
}

/** A wall-clock reading in some time zone; month 1-12, hour 0-23. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * What a clock on the wall in `timeZone` shows at an instant.
 *
 * @example
 * wallClock(new Date("2022-06-15T12:03:00Z"), "Europe/Berlin");
 * // { year: 2022, month: 6, day: 15, hour: 14, minute: 3, second: 0 }
 */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = wallClockFormatter(timeZone).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/**
 * Formats a wall-clock time in `timeZone` as ISO 8601 with that zone's offset at that moment (a
 * time skipped by the spring-forward switch gets the offset before it, i.e. the next valid
 * instant). Returns null for impossible calendar dates or times, and for years before 100.
 *
 * @example
 * zonedIso({ year: 2022, month: 6, day: 15, hour: 14, minute: 3, second: 0 }, "Europe/Berlin") // → "2022-06-15T14:03:00+02:00"
 */
export function zonedIso(clock: WallClock, timeZone: string): string | null {
  const { year, month, day, hour, minute, second } = clock;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallAsUtc);
  // Date.UTC rolls 31 February over into March (and maps years 0-99 to 1900-1999): reject both.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  const offset = offsetAtWallTime(wallAsUtc, timeZone, wholeMinuteOffsetMs);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset)}`;
}

/**
 * The offset in force at a wall-clock time (given as if it were UTC). Two passes: the offset at
 * the guessed instant, then at the corrected one; they converge because offsets change at most
 * once a day.
 */
function offsetAtWallTime(
  wallAsUtc: number,
  timeZone: string,
  offsetOf: (instant: Date, timeZone: string) => number,
): number {
  const guess = offsetOf(new Date(wallAsUtc), timeZone);
  return offsetOf(new Date(wallAsUtc - guess), timeZone);
}

/** "+01:00" for 3,600,000 ms. */
function formatOffset(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / 60_000;
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/**
 * Offsets change only on whole hours (DST switches), so ingest, which dates every feed item, looks
 * each zone and UTC hour up once. Seconds of historical local mean time (Berlin before 1893:
 * +00:53:28) are dropped, since ISO 8601 offsets carry minutes.
 */
const WHOLE_MINUTE_OFFSETS = new Map<string, number>();
const MAX_CACHED_OFFSETS = 10_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

function wholeMinuteOffsetMs(instant: Date, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(instant.getTime() / MS_PER_HOUR)}`;
  const cached = WHOLE_MINUTE_OFFSETS.get(key);
  if (cached !== undefined) return cached;
  const offset = Math.trunc(offsetMs(instant, timeZone) / MS_PER_MINUTE) * MS_PER_MINUTE;
  if (WHOLE_MINUTE_OFFSETS.size >= MAX_CACHED_OFFSETS) WHOLE_MINUTE_OFFSETS.clear();
  WHOLE_MINUTE_OFFSETS.set(key, offset);
  return offset;
}

/**
 * Creating an Intl.DateTimeFormat costs ~100× formatting with one; ingest dates every feed item,
 * so one formatter per time zone is kept.
 */
const WALL_CLOCK_FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = WALL_CLOCK_FORMATTERS.get(timeZone);
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
    WALL_CLOCK_FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Reads the time and waits. Everything that waits (the scheduler, the lease) takes a Clock passed in,
 * so tests drive a whole morning (and a DST change) with a manual clock.
 */
export interface Clock {
  now(): Date;
  /**
   * Resolves after `ms` milliseconds of this clock's time, or early (without throwing) when
   * `signal` aborts: callers check `signal.aborted` afterwards.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The longest single timer: Node's setTimeout overflows above 2^31-1 ms (about 24.8 days) and then
 * fires at once, so longer waits are taken in steps.
 */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The wall clock of the machine.
 *
 * @example
 * const clock = createSystemClock();
 * await clock.sleep(1_000, controller.signal);
 */
export function createSystemClock(): Clock {
  return {
    now: () => new Date(),
    async sleep(ms, signal) {
      let remaining = Math.max(0, ms);
      do {
        const step = Math.min(remaining, MAX_TIMER_MS);
        await sleepOnce(step, signal);
        remaining -= step;
      } while (remaining > 0 && !signal?.aborted);
    },
  };
}

function sleepOnce(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
