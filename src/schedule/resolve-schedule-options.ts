import type { Config } from "../config/index.js";
import { DigestError } from "../errors.js";
import { createFireSchedule, type FireSchedule, isFullCronPattern } from "./fire-schedule.js";

/** Schedule flags as given on the command line (undefined = take the config's value). */
export interface ScheduleFlags {
  at?: string | undefined;
  days?: string | undefined;
  latest?: string | undefined;
}

export interface ResolvedSchedule {
  /** The config with `schedule.at/days/latest` set from the flags. */
  config: Config;
  schedule: FireSchedule;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Applies `--at`, `--days` and `--latest` over config.schedule (flags win), validates them
 * together and builds the fire schedule in config.timeZone. All problems are usage errors found
 * before anything is sent.
 *
 * @example
 * const { schedule } = resolveScheduleOptions(config, { at: "07:30", days: "mon-fri" });
 * schedule.pattern; // "0 30 7 * * 1-5"
 */
export function resolveScheduleOptions(config: Config, flags: ScheduleFlags): ResolvedSchedule {
  const problems: string[] = [];
  const at = flags.at ?? config.schedule.at;
  const days = flags.days ?? config.schedule.days;
  const latest = flags.latest ?? config.schedule.latest;
  const atSource = flags.at === undefined ? "config schedule.at" : "--at";
  const latestSource = flags.latest === undefined ? "config schedule.latest" : "--latest";
  const daysSource = flags.days === undefined ? "config schedule.days" : "--days";
  if (!HHMM.test(at)) problems.push(`${atSource} "${at}" is not a time - expected HH:MM, e.g. 07:30`);
  if (!HHMM.test(latest))
    problems.push(`${latestSource} "${latest}" is not a time - expected HH:MM, e.g. 09:30`);
  const fullPattern = isFullCronPattern(days);
  if (fullPattern && flags.at !== undefined) {
    problems.push(
      `--at cannot be combined with the cron pattern ${daysSource} "${days}", which sets the time itself`,
    );
  }
  if (!fullPattern && HHMM.test(at) && HHMM.test(latest) && latest <= at) {
    problems.push(
      `${latestSource} ${latest} must be after ${atSource} ${at} - a missed edition may go out until then`,
    );
  }
  if (problems.length > 0) throw new DigestError("E_USAGE", `digest schedule: ${problems.join("; ")}`);
  const schedule = createFireSchedule({ at, days, timeZone: config.timeZone });
  return { config: { ...config, schedule: { ...config.schedule, at, days, latest } }, schedule };
}
