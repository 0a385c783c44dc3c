import { backoffMs, RETRY_BASE_MS } from "./backoff-ms.js";
import { classifySendError } from "./classify-send-error.js";
import type { MimeMessage } from "./compile-mime-template.js";
import { createOutcomeWriter, OUTCOME_FLUSH_MS } from "./create-outcome-writer.js";
import type { ProgressSink, SendProgress } from "./create-progress-reporter.js";
import type { DeliveryLogger } from "./delivery-report.js";
import { finishInFlight, SHUTDOWN_GRACE_MS } from "./finish-in-flight.js";
import { isHardBounce } from "./is-hard-bounce.js";
import type { ClaimedDelivery, Ledger } from "./ledger.js";
import type { Transport } from "./transport.js";

/** Pending deliveries claimed from the ledger at a time (small for the reason OUTCOME_BATCH_ROWS is). */
export const CLAIM_BATCH_ROWS = 100;
/** The dispatcher yields to the event loop after this many hand-overs. */
export const YIELD_EVERY_MESSAGES = 64;

export interface SendLoopInput {
  ledger: Ledger;
  /** Called (inside the open outcome batch) for a permanent failure that names a dead mailbox. */
  onHardBounce(email: string, response: string, at: string): void;
  transport: Transport;
  editionKey: string;
  build: (recipient: { email: string; name: string | null }) => MimeMessage;
  /** Deliveries this run has to send (for the progress line). */
  toSend: number;
  now: () => Date;
  /** Messages in flight at once. */
  concurrency: number;
  /** Attempts per recipient for transient failures (1 = no retry). */
  maxAttempts: number;
  /** Messages per second; null or undefined = as fast as the transport takes them. */
  rate?: number | null | undefined;
  retryBaseMs?: number | undefined;
  shutdownGraceMs?: number | undefined;
  signal: AbortSignal;
  logger: DeliveryLogger;
  progress?: ProgressSink | undefined;
}

export interface SendLoopResult {
  sent: number;
  bytes: number;
  stoppedBy: "signal" | "fatal" | null;
  fatalError: string | null;
}

interface Job {
  delivery: ClaimedDelivery;
  /** Attempts made in this run. */
  tries: number;
  dueAt: number;
}

/**
 * The dispatcher: keeps up to `concurrency` hand-overs in flight, paced by `rate`, feeding from
 * due retries first and then from the ledger in list order (claimed in batches). Transient
 * failures are retried with backoff, permanent ones recorded, a fatal one (auth, TLS) stops the
 * loop; on abort, in-flight messages finish within the shutdown grace. Claimed deliveries that
 * were never tried go back to pending.
 *
 * @example
 * const run = await runSendLoop({ ledger, transport, editionKey, build, onHardBounce, toSend: 3,
 *   now: () => new Date(), concurrency: 4, maxAttempts: 5, signal, logger });
 * run.sent; // 3
 */
export async function runSendLoop(input: SendLoopInput): Promise<SendLoopResult> {
  const { ledger, transport, editionKey, now } = input;
  const concurrency = Math.max(1, input.concurrency);
  // A pooled transport keeps `concurrency` connections; one queued message per connection means a
  // connection that finishes never waits for the dispatcher to hand it the next one.
  const inFlightLimit = transport.kind === "smtp" ? concurrency * 2 : concurrency;
  const maxAttempts = Math.max(1, input.maxAttempts);
  const retryBase = input.retryBaseMs ?? RETRY_BASE_MS;
  const claimSize = Math.max(CLAIM_BATCH_ROWS, inFlightLimit * 2);
  const intervalMs = input.rate ? 1000 / input.rate : 0;
  const startedMs = Date.now();

  let cursor = 0;
  let exhausted = false;
  let fresh: Job[] = [];
  const retries: Job[] = [];
  const inFlight = new Set<Promise<void>>();
  let dispatched = 0;
  let nextSlotMs = 0;
  let sent = 0;
  let failed = 0;
  let bytes = 0;
  let stoppedBy: SendLoopResult["stoppedBy"] = null;
  let fatalError: string | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const onAbort = () => notify();
  input.signal.addEventListener("abort", onAbort);

  const outcomes = createOutcomeWriter(ledger, editionKey);
  const progress = (): SendProgress => ({
    total: input.toSend,
    sent,
    failed,
    retrying: retries.length,
    elapsedMs: Date.now() - startedMs,
  });

  const outcome = outcomes.attempted;

  const attempt = async (job: Job): Promise<void> => {
    const { delivery } = job;
    job.tries += 1;
    let messageId: string | null = delivery.messageId;
    try {
      const message = input.build({ email: delivery.email, name: delivery.name });
      messageId = message.messageId;
      // Spelled out rather than `{ ...message, editionKey }`: object spread on the per-message
      // path filled V8's old space with dead objects (see toRow in read-recipients.ts).
      const { response } = await transport.send({
        from: message.from,
        to: message.to,
        messageId: message.messageId,
        head: message.head,
        body: message.body,
        byteLength: message.byteLength,
        editionKey,
      });
      sent += 1;
      bytes += message.byteLength;
      outcome(delivery, messageId, "sent", response, now().toISOString());
    } catch (error) {
      const verdict = classifySendError(error);
      const at = now().toISOString();
      if (verdict.kind === "permanent") {
        failed += 1;
        outcome(delivery, messageId, "failed", verdict.response, at);
        if (isHardBounce(verdict.response)) input.onHardBounce(delivery.email, verdict.response, at);
      } else if (verdict.kind === "fatal") {
        if (stoppedBy === null) {
          stoppedBy = "fatal";
          fatalError = verdict.response;
        }
        outcome(delivery, messageId, "pending", verdict.response, at);
      } else if (job.tries < maxAttempts && !input.signal.aborted) {
        // Stays `sending` in the ledger while it waits: a crash now re-sends it on resume.
        outcome(delivery, messageId, "sending", verdict.response, at);
        job.dueAt = Date.now() + backoffMs(job.tries, retryBase);
        retries.push(job);
        retries.sort((a, b) => a.dueAt - b.dueAt);
      } else {
        outcome(delivery, messageId, "pending", verdict.response, at);
        input.logger.warn(
          `${delivery.email}: still failing after ${job.tries} attempts - ${verdict.response}`,
        );
      }
    }
  };

  const nextJob = (): Job | "wait" | null => {
    const due = retries[0];
    if (due && due.dueAt <= Date.now()) return retries.shift() as Job;
    if (fresh.length === 0 && !exhausted) {
      // One commit for both: the outcomes so far and the claim, durable before anything is sent.
      const claimed = ledger.claimPending(editionKey, cursor, claimSize, now().toISOString());
      outcomes.flush();
      if (claimed.length < claimSize) exhausted = true;
      const last = claimed[claimed.length - 1];
      if (last) cursor = last.rowid;
      fresh = claimed.map((delivery) => ({ delivery, tries: 0, dueAt: 0 }));
    }
    const job = fresh.shift();
    if (job) return job;
    if (retries.length > 0 || inFlight.size > 0) return "wait";
    return null;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  try {
    while (!input.signal.aborted && stoppedBy === null) {
      if (inFlight.size >= inFlightLimit) {
        await Promise.race(inFlight);
        continue;
      }
      const job = nextJob();
      if (job === null) break;
      if (job === "wait") {
        const due = retries[0]?.dueAt;
        const waits: Promise<unknown>[] = [...inFlight];
        if (due !== undefined) waits.push(sleep(Math.max(0, due - Date.now())));
        else waits.push(sleep(OUTCOME_FLUSH_MS));
        await Promise.race(waits);
        notify();
        outcomes.flushIfDue();
        continue;
      }
      if (intervalMs > 0) {
        const at = Date.now();
        if (nextSlotMs > at) await sleep(nextSlotMs - at);
        nextSlotMs = Math.max(at, nextSlotMs) + intervalMs;
        if (input.signal.aborted) {
          fresh.unshift(job);
          break;
        }
      }
      const running: Promise<void> = attempt(job).finally(() => {
        inFlight.delete(running);
        input.progress?.update(progress());
      });
      inFlight.add(running);
      dispatched += 1;
      // A transport that answers at once (the dry run) would keep this loop in microtasks for
      // the whole list: yield to the event loop now and then so signals, timers and I/O run.
      if (dispatched % YIELD_EVERY_MESSAGES === 0)
        await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (input.signal.aborted && stoppedBy === null) stoppedBy = "signal";
    await finishInFlight(inFlight, {
      stoppedBySignal: stoppedBy === "signal",
      transport,
      logger: input.logger,
      graceMs: input.shutdownGraceMs ?? SHUTDOWN_GRACE_MS,
    });
  } finally {
    input.signal.removeEventListener("abort", onAbort);
    // Claimed but never tried, and retries still waiting: back to pending for the next run.
    const at = now().toISOString();
    for (const job of [...fresh, ...retries]) outcomes.handBack(job.delivery, at);
    outcomes.flush();
    input.progress?.finish(progress());
  }
  return { sent, bytes, stoppedBy, fatalError };
}
