import { Cron } from "croner";
import { DigestError } from "../errors.js";

/** When editions go out: a local time and days, or a full cron pattern, in an IANA time zone. */
export interface FireScheduleOptions {
  /** Local send time HH:MM (ignored when `days` is a full cron pattern). */
  at: string;
  /** "daily", "mon-fri", a cron day-of-week field ("1-5", "sat,sun") or a full 5/6-field cron pattern. */
  days: string;
  /** IANA time zone the times are read in, e.g. Europe/Berlin. */
  timeZone: string;
}

/** The fire times of a schedule, computed by croner in the schedule's time zone. */
export interface FireSchedule {
  /** The cron pattern (6 fields, seconds first) the times come from. */
  readonly pattern: string;
  readonly timeZone: string;
  /** The first fire time strictly after `after`, or null when the pattern never fires again. */
  next(after: Date): Date | null;
  /** The last fire time at or before `atOrBefore`, or null. */
  previous(atOrBefore: Date): Date | null;
  /** The next `count` fire times strictly after `after`. */
  upcoming(count: number, after: Date): Date[];
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Builds the schedule's fire times. Time-zone arithmetic (DST gaps and repeats) is croner's: a
 * 07:30 schedule fires at 07:30 local time in winter and summer; a time that does not exist on
 * the spring-forward day (02:30) fires at the first valid instant after the gap (03:00), and a time
 * that occurs twice in October fires once.
 *
 * @example
 * const schedule = createFireSchedule({ at: "07:30", days: "daily", timeZone: "Europe/Berlin" });
 * schedule.upcoming(1, new Date("2027-03-27T12:00:00+01:00")); // [2027-03-28T05:30:00.000Z] = 07:30+02:00
 */
export function createFireSchedule(options: FireScheduleOptions): FireSchedule {
  const pattern = resolveCronPattern(options.at, options.days);
  let cron: Cron;
  try {
    cron = new Cron(pattern, { timezone: options.timeZone, mode: "6-part" });
  } catch (error) {
    throw new DigestError(
      "E_USAGE",
      `--days (config schedule.days) "${options.days}" is not a valid schedule - ${(error as Error).message.replace(/\.+$/, "")}. Expected daily, mon-fri, a day-of-week field such as 1-5 or sat,sun, or a cron pattern such as "0 30 7 * * 1-5"`,
      { cause: error, where: "schedule.days" },
    );
  }
  return {
    pattern,
    timeZone: options.timeZone,
    next: (after) => cron.nextRun(after),
    previous(atOrBefore) {
      // previousRuns looks strictly before the reference; a fire exactly at the reference counts.
      const [last] = cron.previousRuns(1, new Date(atOrBefore.getTime() + 1));
      return last ?? null;
    },
    upcoming: (count, after) => cron.nextRuns(count, after),
  };
}

/**
 * Turns `--at` and `--days` into one 6-field cron pattern (seconds first).
 *
 * @example
 * resolveCronPattern("07:30", "mon-fri"); // "0 30 7 * * 1-5"
 * resolveCronPattern("07:30", "*\/10 * * * * *"); // "*\/10 * * * * *" (full pattern: --at unused)
 */
export function resolveCronPattern(at: string, days: string): string {
  const fields = days.trim().split(/\s+/);
  if (fields.length === 5) return `0 ${fields.join(" ")}`;
  if (fields.length === 6) return fields.join(" ");
  if (fields.length !== 1 || fields[0] === "") {
    throw new DigestError(
      "E_USAGE",
      `--days (config schedule.days) "${days}" has ${fields.length} fields - expected daily, mon-fri, one day-of-week field (1-5, sat,sun) or a full cron pattern of 5 or 6 fields`,
      { where: "schedule.days" },
    );
  }
  const match = HHMM.exec(at);
  if (!match) {
    throw new DigestError(
      "E_USAGE",
      `--at (config schedule.at) "${at}" is not a time - expected HH:MM, e.g. 07:30`,
      {
        where: "schedule.at",
      },
    );
  }
  return `0 ${Number(match[2])} ${Number(match[1])} * * ${dayOfWeekField(fields[0] as string)}`;
}

/**
 * True when `days` is a full cron pattern that carries its own time of day.
 *
 * @example
 * isFullCronPattern("mon-fri"); // false
 * isFullCronPattern("0 30 7 * * 1-5"); // true
 */
export function isFullCronPattern(days: string): boolean {
  const count = days.trim().split(/\s+/).length;
  return count === 5 || count === 6;
}

function dayOfWeekField(days: string): string {
  const lower = days.toLowerCase();
  if (lower === "daily") return "*";
  if (lower === "mon-fri") return "1-5";
  return lower;
}
