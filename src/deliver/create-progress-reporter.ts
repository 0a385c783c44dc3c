import type { Writable } from "node:stream";

/** A snapshot of a running send. */
export interface SendProgress {
  /** Deliveries this run has to make (pending when it started, after the list was read). */
  total: number;
  sent: number;
  failed: number;
  /** Transient failures waiting for their retry. */
  retrying: number;
  elapsedMs: number;
}

/** Where a send reports its progress. */
export interface ProgressSink {
  update(progress: SendProgress): void;
  /** The run ended: clear a bar, print nothing else (the summary is the caller's). */
  finish(progress: SendProgress): void;
}

/** Redraw a terminal bar at most this often. */
export const TTY_REDRAW_MS = 100;
/** Without a terminal (cron, CI), one line this often. */
export const LINE_INTERVAL_MS = 10_000;
const BAR_CELLS = 24;

/**
 * A progress reporter that adapts to where it writes: on a terminal a redrawn bar with rate and
 * ETA; otherwise (cron, systemd, CI) one plain line every `intervalMs`.
 *
 * @example
 * const progress = createProgressReporter({ stream: process.stderr, isTTY: process.stderr.isTTY === true });
 * progress.update({ total: 1000, sent: 10, failed: 0, retrying: 0, elapsedMs: 500 });
 */
export function createProgressReporter(options: {
  stream: Writable;
  isTTY: boolean;
  intervalMs?: number;
  now?: () => number;
}): ProgressSink {
  const now = options.now ?? (() => Date.now());
  const interval = options.intervalMs ?? (options.isTTY ? TTY_REDRAW_MS : LINE_INTERVAL_MS);
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(progress) {
      const at = now();
      if (at - last < interval) return;
      last = at;
      if (options.isTTY) {
        options.stream.write(`\r\x1b[2K${formatBar(progress)}`);
        drawn = true;
      } else {
        options.stream.write(`${formatProgressLine(progress)}\n`);
      }
    },
    finish(progress) {
      if (options.isTTY && drawn) options.stream.write(`\r\x1b[2K${formatBar(progress)}\n`);
    },
  };
}

/**
 * One progress line: counts, rate and ETA.
 *
 * @example
 * formatProgressLine({ total: 1000, sent: 250, failed: 2, retrying: 1, elapsedMs: 5000 });
 * // "send: 252/1000 (25%) sent 250, failed 2, retrying 1 - 50.4 msg/s, ETA 15s"
 */
export function formatProgressLine(p: SendProgress): string {
  const done = p.sent + p.failed;
  const percent = p.total === 0 ? 100 : Math.floor((done / p.total) * 100);
  return `send: ${done}/${p.total} (${percent}%) sent ${p.sent}, failed ${p.failed}, retrying ${p.retrying} - ${formatRate(p)}`;
}

function formatBar(p: SendProgress): string {
  const done = p.sent + p.failed;
  const fraction = p.total === 0 ? 1 : Math.min(1, done / p.total);
  const cells = Math.round(fraction * BAR_CELLS);
  return `[${"#".repeat(cells)}${"-".repeat(BAR_CELLS - cells)}] ${done}/${p.total} sent ${p.sent} failed ${p.failed} ${formatRate(p)}`;
}

function formatRate(p: SendProgress): string {
  const done = p.sent + p.failed;
  const rate = p.elapsedMs > 0 ? (done * 1000) / p.elapsedMs : 0;
  const left = p.total - done;
  const eta = rate > 0 ? formatDuration((left / rate) * 1000) : "?";
  return `${rate.toFixed(1)} msg/s, ETA ${eta}`;
}

/**
 * A duration for people: "42s", "3m 05s", "1h 02m".
 *
 * @example
 * formatDuration(185_000); // "3m 05s"
 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}
