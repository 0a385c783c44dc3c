import type { Clock } from "../clock.js";
import { formatZoned, localDate } from "../clock.js";
import type { Ledger } from "../deliver/index.js";
import { toDigestError } from "../errors.js";
import { decideFire, type FireDecision } from "./decide-fire.js";
import type { FireSchedule } from "./fire-schedule.js";
import { createLease, keepRenewed, type Lease } from "./lease.js";

/** One scheduled edition handed to the sender. */
export interface FireJob {
  fireTime: Date;
  /** Local date of the fire time: the edition date. */
  date: string;
  editionKey: string;
  /** True when the edition was started before and is being resumed. */
  resume: boolean;
  /** Aborted on shutdown or when the lease is lost: finish in-flight messages and return. */
  signal: AbortSignal;
}

/** What came of one fire. */
export type FireResult =
  | {
      kind: "sent";
      sent: number;
      failed: number;
      pending: number;
      subject: string;
      /** Addresses left out because they are on the suppression list. */
      suppressed?: number;
    }
  | { kind: "no-edition"; reason: string };

/** Builds, renders and sends (or resumes) one edition; see createEditionSender. */
export type SendFire = (job: FireJob) => Promise<FireResult>;

/** What the scheduler reports as it runs (the CLI turns these into log lines). */
export type ScheduleEvent =
  | { type: "waiting"; fireTime: Date }
  | { type: "sending"; fireTime: Date; date: string; resume: boolean }
  | { type: "sent"; fireTime: Date; date: string; result: Extract<FireResult, { kind: "sent" }> }
  | { type: "no-edition"; fireTime: Date; date: string; reason: string }
  | { type: "already-done"; fireTime: Date; date: string; state: string }
  | { type: "skipped"; fireTime: Date; date: string; reason: string }
  | { type: "standby"; fireTime: Date; date: string; holder: string; until: Date }
  | { type: "left-to-holder"; fireTime: Date; date: string; holder: string }
  | { type: "lease-lost"; fireTime: Date; date: string }
  | { type: "failed"; fireTime: Date; date: string; message: string; retryAt: Date }
  /** The run was stopped (SIGTERM/SIGINT) while this fire was being built or sent. */
  | { type: "interrupted"; fireTime: Date; date: string; message: string }
  | { type: "stopped" };

export interface RunScheduleOptions {
  schedule: FireSchedule;
  /** Local HH:MM after which a missed edition is skipped (`--latest`). */
  latest: string;
  /** The edition key of a date (date + section + list, see editionKeyOf in src/deliver/). */
  editionKeyOf(date: string): string;
  /** Section and list, recorded with a skipped or empty edition. */
  section: string;
  list: string;
  ledger: Pick<Ledger, "getEdition" | "recordEditionState" | "leases">;
  send: SendFire;
  clock: Clock;
  /** Aborted on SIGTERM/SIGINT: in-flight messages finish, the run returns. */
  signal: AbortSignal;
  /** Lease time-to-live (config schedule.leaseSeconds × 1000). */
  leaseMs: number;
  /** Lease holder id (default host:pid:random). */
  holder?: string;
  onEvent?: (event: ScheduleEvent) => void;
}

/** How long a failed send waits before it is tried again (until the edition's deadline). */
export const FAILURE_RETRY_MS = 60_000;
/** The longest a standby scheduler waits before looking at a held lease again. */
export const MAX_STANDBY_POLL_MS = 5_000;

/**
 * The morning scheduler: runs until `signal` aborts.
 *
 *   1. On start, today's most recent fire time (if any) is handled at once: the lateness guard
 *      sends a missed edition while it is still before `latest`, and records a skip after it.
 *   2. Then it sleeps until each next fire time and handles it: an edition that is complete (or
 *      had nothing to send, or was skipped) is left alone, an unfinished one is resumed, a new one
 *      is built and sent.
 *   3. Only the holder of the edition's lease in the ledger sends; a second scheduler waits on
 *      standby and takes over when the holder finishes or crashes (the lease expires).
 *
 * @example
 * await runSchedule({ schedule, latest: "09:30", editionKeyOf, section, list, ledger, send,
 *   clock: createSystemClock(), signal, leaseMs: 120_000, onEvent: log });
 */
export async function runSchedule(options: RunScheduleOptions): Promise<void> {
  const { schedule, clock, signal } = options;
  const emit = options.onEvent ?? (() => {});
  const startedAt = clock.now();
  const last = schedule.previous(startedAt);
  // At start, only a fire of today counts: yesterday's edition is never sent today.
  let cursor = startedAt;
  if (last && localDate(last, schedule.timeZone) === localDate(startedAt, schedule.timeZone)) {
    await handleFire(last, options, emit);
    cursor = last;
  }
  while (!signal.aborted) {
    let next = schedule.next(cursor);
    if (!next) break;
    const now = clock.now();
    // Fires passed while a send was running: only the latest of them matters.
    if (next.getTime() <= now.getTime()) next = schedule.previous(now) ?? next;
    else {
      emit({ type: "waiting", fireTime: next });
      await clock.sleep(next.getTime() - now.getTime(), signal);
      if (signal.aborted) break;
    }
    await handleFire(next, options, emit);
    cursor = next;
  }
  emit({ type: "stopped" });
}

/** Handles one fire time until it is sent, found done, skipped or the run is stopped. */
async function handleFire(
  fireTime: Date,
  options: RunScheduleOptions,
  emit: (event: ScheduleEvent) => void,
): Promise<void> {
  const { clock, signal, ledger, schedule } = options;
  const timeZone = schedule.timeZone;
  const date = localDate(fireTime, timeZone);
  const key = options.editionKeyOf(date);
  const lease = createLease(ledger.leases, {
    name: `edition:${key}`,
    ttlMs: options.leaseMs,
    clock,
    ...(options.holder === undefined ? {} : { holder: options.holder }),
  });
  const decide = (): FireDecision =>
    decideFire({
      fireTime,
      now: clock.now(),
      timeZone,
      latest: options.latest,
      state: ledger.getEdition(key)?.state ?? null,
    });

  let lastFailure: string | null = null;
  while (!signal.aborted) {
    const first = decide();
    if (first.action === "wait") {
      await clock.sleep(first.until.getTime() - clock.now().getTime(), signal);
      continue;
    }
    if (first.action === "skip-done") {
      emit({ type: "already-done", fireTime, date, state: first.state });
      return;
    }
    if (!lease.acquire()) {
      const holder = lease.read()?.holder ?? "another scheduler";
      if (first.action === "skip-late") {
        emit({ type: "left-to-holder", fireTime, date, holder });
        return;
      }
      const until = new Date(
        Math.min(
          clock.now().getTime() + Math.min(options.leaseMs / 4, MAX_STANDBY_POLL_MS),
          first.deadline.getTime(),
        ),
      );
      emit({ type: "standby", fireTime, date, holder, until });
      await clock.sleep(until.getTime() - clock.now().getTime(), signal);
      continue;
    }
    let retryAt: Date | null = null;
    try {
      // Decide again under the lease: the previous holder may have finished the edition meanwhile.
      const decision = decide();
      if (decision.action === "wait") continue;
      if (decision.action === "skip-done") {
        emit({ type: "already-done", fireTime, date, state: decision.state });
        return;
      }
      if (decision.action === "skip-late") {
        const reason =
          lastFailure === null
            ? decision.reason
            : `${decision.reason}; the last attempt failed: ${lastFailure}`;
        ledger.recordEditionState(key, {
          date,
          section: options.section,
          list: options.list,
          state: "skipped",
          reason,
          finishedAt: clock.now().toISOString(),
        });
        emit({ type: "skipped", fireTime, date, reason });
        return;
      }
      const resume = decision.action === "resume";
      emit({ type: "sending", fireTime, date, resume });
      const outcome = await sendUnderLease(lease, { fireTime, date, editionKey: key, resume }, options);
      if (outcome.kind === "lease-lost") {
        emit({ type: "lease-lost", fireTime, date });
        return;
      }
      if (outcome.kind === "failed" && signal.aborted) {
        emit({ type: "interrupted", fireTime, date, message: outcome.message });
        return;
      }
      if (outcome.kind === "failed") {
        lastFailure = outcome.message;
        retryAt = new Date(Math.min(clock.now().getTime() + FAILURE_RETRY_MS, decision.deadline.getTime()));
        emit({ type: "failed", fireTime, date, message: outcome.message, retryAt });
      } else if (outcome.result.kind === "no-edition") {
        ledger.recordEditionState(key, {
          date,
          section: options.section,
          list: options.list,
          state: "no-edition",
          reason: outcome.result.reason,
          finishedAt: clock.now().toISOString(),
        });
        emit({ type: "no-edition", fireTime, date, reason: outcome.result.reason });
        return;
      } else {
        emit({ type: "sent", fireTime, date, result: outcome.result });
        return;
      }
    } finally {
      lease.release();
    }
    await clock.sleep(retryAt.getTime() - clock.now().getTime(), signal);
  }
}

type SendOutcome =
  | { kind: "done"; result: FireResult }
  | { kind: "failed"; message: string }
  | { kind: "lease-lost" };

/**
 * Runs the send while renewing the lease every third of its lifetime. If a renewal fails (this
 * process stalled longer than the lease and another scheduler took over), the send is told to
 * stop taking new recipients: the ledger makes sure the new holder does not double them.
 */
async function sendUnderLease(
  lease: Lease,
  job: Omit<FireJob, "signal">,
  options: RunScheduleOptions,
): Promise<SendOutcome> {
  const renewal = keepRenewed(lease, options.clock, options.leaseMs);
  try {
    const result = await options.send({ ...job, signal: AbortSignal.any([options.signal, renewal.lost]) });
    return renewal.lost.aborted ? { kind: "lease-lost" } : { kind: "done", result };
  } catch (error) {
    if (renewal.lost.aborted) return { kind: "lease-lost" };
    return { kind: "failed", message: toDigestError(error).message };
  } finally {
    await renewal.stop();
  }
}

/**
 * One log line per scheduler event, times in the schedule's zone.
 *
 * @example
 * formatScheduleEvent({ type: "waiting", fireTime }, "Europe/Berlin");
 * // "next edition at 2027-03-28T07:30:00+02:00"
 */
export function formatScheduleEvent(event: ScheduleEvent, timeZone: string): string {
  const at = (instant: Date) => formatZoned(instant, timeZone);
  switch (event.type) {
    case "waiting":
      return `next edition at ${at(event.fireTime)}`;
    case "sending":
      return `${event.resume ? "resuming" : "sending"} the edition of ${event.date} (fire time ${at(event.fireTime)})`;
    case "sent": {
      const r = event.result;
      const stopped = r.pending > 0 ? " - stopped before the end; the next start resumes it" : "";
      const suppressed = r.suppressed ? `, ${r.suppressed} suppressed skipped` : "";
      return `edition ${event.date} "${r.subject}": ${r.sent} sent, ${r.failed} failed, ${r.pending} pending${suppressed}${stopped}`;
    }
    case "no-edition":
      return `no edition for ${event.date} - ${event.reason}; recorded, waiting for the next fire time`;
    case "already-done":
      return `the edition of ${event.date} is already ${event.state} - not sending it again`;
    case "skipped":
      return `skipped the edition of ${event.date} - ${event.reason}; recorded as skipped`;
    case "standby":
      return `the edition of ${event.date} is being sent by ${event.holder} - standing by until ${at(event.until)}`;
    case "left-to-holder":
      return `the edition of ${event.date} is held by ${event.holder} and it is past the latest send time - leaving it`;
    case "lease-lost":
      return `lost the lease on the edition of ${event.date} to another scheduler - stopped sending; it continues from the ledger`;
    case "failed":
      return `sending the edition of ${event.date} failed - ${event.message}; trying again at ${at(event.retryAt)}`;
    case "interrupted":
      return `stopped while preparing the edition of ${event.date} - ${event.message}; the next start picks it up again`;
    case "stopped":
      return "scheduler stopped";
  }
}
