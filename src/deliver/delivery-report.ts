import type { Ledger } from "./ledger.js";

/** The report lists at most this many failed addresses (the ledger has them all). */
export const MAX_REPORTED_FAILURES = 100;

/** The logging a send needs (the CLI's Logger fits). */
export interface DeliveryLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** How a send ended. */
export interface DeliveryReport {
  editionKey: string;
  /** Unique recipients of the edition (the whole list, all runs). */
  total: number;
  /** Delivered by this run. */
  sent: number;
  /** Permanently failed (all runs), with the server's reply; at most MAX_REPORTED_FAILURES listed. */
  failed: { email: string; response: string }[];
  failedCount: number;
  /** Neither sent nor permanently failed: a later `digest send` continues with these. */
  pending: number;
  /** Delivered by earlier runs (skipped now). */
  alreadySent: number;
  /** Rows skipped as invalid, and duplicate addresses collapsed, while reading the list. */
  invalidRows: number;
  duplicates: number;
  /** Addresses on the suppression list (unsubscribed, bounced), left out while reading the list. */
  suppressed: number;
  /** Re-sent because a crashed run left them in flight (same Message-ID). */
  resumedInFlight: number;
  dryRun: boolean;
  /** Bytes handed over (or, in a dry run, that would have been). */
  bytes: number;
  /** Why the run stopped early: a signal, or a failure every message would share. */
  stoppedBy: "signal" | "fatal" | null;
  fatalError: string | null;
  /** True when the edition row is now `complete`. */
  complete: boolean;
  durationMs: number;
}

/**
 * The report of a send from the ledger's counts (all runs) and this run's figures.
 *
 * @example
 * const report = buildDeliveryReport({ ledger, editionKey, sent: 3, alreadySent: 0, dryRun: false,
 *   started: Date.now(), extra: { invalidRows: 0, duplicates: 0, suppressed: 0, resumedInFlight: 0,
 *   bytes: 120_000, stoppedBy: null, fatalError: null } });
 */
export function buildDeliveryReport(input: {
  ledger: Ledger;
  editionKey: string;
  sent: number;
  alreadySent: number;
  dryRun: boolean;
  started: number;
  extra: Pick<
    DeliveryReport,
    "invalidRows" | "duplicates" | "suppressed" | "resumedInFlight" | "bytes" | "stoppedBy" | "fatalError"
  >;
}): DeliveryReport {
  const counts = input.ledger.countDeliveries(input.editionKey);
  const failed = input.ledger
    .listDeliveries(input.editionKey, "failed", MAX_REPORTED_FAILURES)
    .map((row) => ({ email: row.email, response: row.response ?? "" }));
  return {
    editionKey: input.editionKey,
    total: counts.total,
    sent: input.sent,
    failed,
    failedCount: counts.failed,
    pending: counts.pending + counts.sending,
    alreadySent: input.alreadySent,
    dryRun: input.dryRun,
    complete: input.ledger.getEdition(input.editionKey)?.state === "complete",
    durationMs: Date.now() - input.started,
    ...input.extra,
  };
}
