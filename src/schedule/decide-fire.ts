import { formatZoned, localDate, zonedTime } from "../clock.js";
import type { EditionState } from "../deliver/index.js";

export interface FireInput {
  /** The scheduled fire time being handled. */
  fireTime: Date;
  /** The current time (from the injected clock). */
  now: Date;
  timeZone: string;
  /** Local HH:MM after which a missed edition is skipped, not sent. */
  latest: string;
  /** The ledger state of the fire's edition, or null when it was never started. */
  state: EditionState | null;
}

/** What to do about one fire time. */
export type FireDecision =
  | { action: "wait"; until: Date }
  | { action: "send" | "resume"; date: string; deadline: Date }
  | { action: "skip-done"; date: string; state: EditionState }
  | { action: "skip-late"; date: string; reason: string };

/**
 * The lateness guard (pure): decides what a fire time means now.
 *
 * - before the fire time: wait;
 * - the edition is complete, had nothing to send or was skipped: nothing to do;
 * - it is already another local day than the fire's: skip (never send yesterday's edition today);
 * - it is at or after the deadline (`latest` on the edition date): skip;
 * - the edition was started and not finished (a crash): resume it; otherwise send it.
 *
 * The deadline is `latest` on the edition date; when that is not after the fire time (a cron
 * pattern firing later in the day), the fire has until local midnight.
 *
 * @example
 * decideFire({ fireTime, now: fireTime, timeZone: "Europe/Berlin", latest: "09:30", state: null });
 * // { action: "send", date: "2027-03-28", deadline: 2027-03-28T07:30:00.000Z }
 */
export function decideFire(input: FireInput): FireDecision {
  const { fireTime, now, timeZone, latest, state } = input;
  if (now.getTime() < fireTime.getTime()) return { action: "wait", until: fireTime };
  const date = localDate(fireTime, timeZone);
  if (state === "complete" || state === "no-edition" || state === "skipped") {
    return { action: "skip-done", date, state };
  }
  const today = localDate(now, timeZone);
  if (today !== date) {
    return {
      action: "skip-late",
      date,
      reason: `it is already ${today} (${formatZoned(now, timeZone)}) - the edition of ${date} is never sent a day late`,
    };
  }
  const deadline = editionDeadline(fireTime, latest, timeZone);
  if (now.getTime() >= deadline.getTime()) {
    const unfinished = state === "sending" ? "; its send was started and not finished" : "";
    return {
      action: "skip-late",
      date,
      reason: `it is ${formatZoned(now, timeZone)}, at or after the latest send time ${formatZoned(deadline, timeZone)} (--latest ${latest})${unfinished}`,
    };
  }
  return { action: state === "sending" ? "resume" : "send", date, deadline };
}

/**
 * The last moment an edition may still go out: `latest` local time on the fire's date, or local
 * midnight when `latest` is not after the fire time.
 *
 * @example
 * editionDeadline(new Date("2027-03-28T07:30:00+02:00"), "09:30", "Europe/Berlin"); // 2027-03-28T09:30+02:00
 */
export function editionDeadline(fireTime: Date, latest: string, timeZone: string): Date {
  const date = localDate(fireTime, timeZone);
  const byLatest = zonedTime(date, latest, timeZone);
  if (byLatest.getTime() > fireTime.getTime()) return byLatest;
  return zonedTime(nextDate(date), "00:00", timeZone);
}

function nextDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
