/**
 * Sends one edition to one list. The steps, in order:
 *
 *   1. key       edition key = date/section/list; a resumed edition uses the content it was first sent with
 *   2. template  encode the message once (compileMimeTemplate)
 *   3. list      stream the recipients into the ledger (its primary key collapses duplicates)
 *   4. record    edition row → `sending`; deliveries left in flight by a crash → pending again
 *   5. send      claim pending rows in list order, personalise, sign, hand over with bounded
 *                concurrency and rate; retry transient failures with backoff; outcomes in batches
 *   6. finish    edition row → `complete` when nobody is pending; the report
 *
 * The pre-send gate runs before, in src/pipeline.ts, on the message `composeSampleMessage` builds
 * from the same template.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../config/index.js";
import { DigestError } from "../errors.js";
import { formatCount } from "../format-count.js";
import type { Edition, RenderedEdition } from "../types.js";
import { classifySendError } from "./classify-send-error.js";
import { compileMimeTemplate, fillMimeTemplate, type MimeMessage } from "./compile-mime-template.js";
import { createDryRunTransport } from "./create-dry-run-transport.js";
import { createLedger } from "./create-ledger.js";
import type { ProgressSink, SendProgress } from "./create-progress-reporter.js";
import { isHardBounce } from "./is-hard-bounce.js";
import {
  type ClaimedDelivery,
  type DeliveryOutcome,
  editionKeyOf,
  type Ledger,
  type LedgerRecipient,
} from "./ledger.js";
import { readRecipientBatches } from "./read-recipients.js";
import { type DkimKey, readDkimKey, signDkim } from "./sign-dkim.js";
import type { Transport } from "./transport.js";
import type { UnsubscribeSecret } from "./unsubscribe-token.js";

/** Recipients are written to the ledger in transactions of at most this many rows … */
export const IMPORT_BATCH_ROWS = 1_000;
/** … and at most this many characters of address, name and extra fields (rows with big fields). */
export const IMPORT_BATCH_CHARS = 256 * 1024;
/**
 * Outcomes are committed when this many are waiting … Small on purpose: a batch that lives long
 * gets promoted to V8's old space, and at a million recipients that garbage is what grows RSS.
 */
export const OUTCOME_BATCH_ROWS = 100;
/** Pending deliveries claimed from the ledger at a time (same reasoning). */
export const CLAIM_BATCH_ROWS = 100;
/** … or when the oldest has waited this long: bounds what a crash can make us send twice. */
export const OUTCOME_FLUSH_MS = 250;
/** First retry delay; doubles per attempt, with ±50 % jitter. */
export const RETRY_BASE_MS = 1_000;
/** Longest wait between two attempts. */
export const RETRY_MAX_MS = 60_000;
/** The dispatcher yields to the event loop after this many hand-overs. */
export const YIELD_EVERY_MESSAGES = 64;
/** After SIGINT/SIGTERM, in-flight messages get this long to finish before connections are cut. */
export const SHUTDOWN_GRACE_MS = 30_000;
/** Bad rows are logged one by one up to this many; the rest only counted. */
export const MAX_LOGGED_PROBLEMS = 20;
/** The report lists at most this many failed addresses (the ledger has them all). */
export const MAX_REPORTED_FAILURES = 100;

/** The logging a send needs (the CLI's Logger fits). */
export interface DeliveryLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface SendEditionOptions {
  config: Config;
  edition: Edition;
  /** The edition rendered once (renderer.renderEdition). */
  rendered: RenderedEdition;
  /** CSV or JSON Lines file of recipients. */
  recipientsFile: string;
  /** List name: part of the edition key, the List-Id and the unsubscribe token. */
  list: string;
  transport: Transport;
  ledger: Ledger;
  /** Messages per second; null or undefined = as fast as the transport takes them. */
  rate?: number | null;
  /** Messages in flight at once. */
  concurrency: number;
  /** Attempts per recipient for transient failures (1 = no retry). */
  maxAttempts: number;
  /** Build, sign and count every message but hand nothing over; the real ledger is not touched. */
  dryRun?: boolean;
  /** Only continue an edition that was started before; refuse (E_USAGE) when there is none. */
  resumeOnly?: boolean;
  /** Aborted on SIGINT/SIGTERM: no new messages, in-flight ones finish (bounded), outcomes recorded. */
  signal: AbortSignal;
  logger: DeliveryLogger;
  progress?: ProgressSink;
  now?: () => Date;
  /** Unsubscribe signing secret (resolveUnsubscribeSecret). */
  secret: UnsubscribeSecret | string;
  /** DKIM key; default: read from config.delivery.dkim relative to `cwd`. */
  dkim?: DkimKey | null;
  cwd?: string;
  /** First retry delay in ms (tests shorten it). */
  retryBaseMs?: number;
  shutdownGraceMs?: number;
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
 * Sends an edition to a recipients list, recorded in the ledger so that a second call for the same
 * edition continues where the first stopped: never re-sending a recipient marked sent, re-sending a
 * message that was in flight at a crash with the same Message-ID. The pre-send gate is the
 * caller's (runEdition in src/pipeline.ts runs it first).
 *
 * @throws DigestError E_INPUT for an unreadable or empty list, E_CONFIG for missing secrets or
 *   keys — all before any message goes out.
 * @example
 * const report = await sendEdition({
 *   config, edition, rendered, recipientsFile: "subscribers.csv", list: "subscribers",
 *   transport: createOutboxTransport({ dir: "outbox" }), ledger: createLedger({ stateDir: "state" }),
 *   concurrency: 4, maxAttempts: 5, signal: AbortSignal.timeout(3_600_000), logger: console,
 *   secret: resolveUnsubscribeSecret(process.env, { real: true }),
 * });
 * report.pending === 0; // everybody sent or permanently failed
 */
export async function sendEdition(options: SendEditionOptions): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const dryRun = options.dryRun === true;
  const { logger } = options;
  const list = options.list;
  const editionKey = editionKeyOf({ date: options.edition.date, section: options.edition.section, list });
  const secret = typeof options.secret === "string" ? options.secret : options.secret.value;
  const usesTokens =
    options.config.links.unsubscribe !== null || options.config.links.unsubscribeMailto !== null;
  if (typeof options.secret !== "string" && options.secret.ephemeral && usesTokens) {
    logger.warn("DIGEST_UNSUBSCRIBE_SECRET is not set - signing unsubscribe links with a throw-away secret");
  }

  const real = options.dryRun && !options.resumeOnly ? null : options.ledger.getEdition(editionKey);
  if (options.resumeOnly && real?.state !== "sending") {
    throw new DigestError(
      "E_USAGE",
      `nothing to resume for edition ${editionKey} - ${real ? `it is ${real.state}` : "it was never started"} in ${options.ledger.path}. Run without --resume to start it`,
      { where: editionKey },
    );
  }
  const suppressions = options.ledger.suppressions;
  // Step 1: a dry run works on a throw-away ledger, so the real one never sees it.
  let scratchDir: string | null = null;
  let ledger = options.ledger;
  let transport = options.transport;
  if (dryRun) {
    scratchDir = mkdtempSync(join(tmpdir(), "digest-dry-run-"));
    ledger = createLedger({ stateDir: scratchDir, durable: false });
    transport = createDryRunTransport();
  }
  try {
    const existing = ledger.getEdition(editionKey);
    let edition = options.edition;
    let rendered = options.rendered;
    const saved = ledger.getEditionContent(editionKey);
    if (saved && existing?.state === "sending") {
      if (JSON.stringify(saved.rendered) !== JSON.stringify(rendered)) {
        logger.info(`resuming edition ${editionKey} with the content it was first sent with`);
      }
      edition = saved.edition;
      rendered = saved.rendered;
    }

    // Step 2: the message, encoded once.
    const dkim =
      options.dkim === undefined ? readDkimKey(options.config, options.cwd ?? process.cwd()) : options.dkim;
    const template = compileMimeTemplate({
      rendered,
      config: options.config,
      editionKey,
      list,
      date: now(),
      secret,
    });
    const build = (recipient: { email: string; name: string | null }): MimeMessage => {
      const message = fillMimeTemplate(template, recipient);
      return dkim ? signDkim(message, dkim, template.signedHeaderNames, now()) : message;
    };

    if (existing?.state === "complete") {
      const counts = ledger.countDeliveries(editionKey);
      logger.info(`edition ${editionKey} is already complete (${counts.sent} sent) - nothing to send`);
      return buildReport({
        ledger,
        editionKey,
        sent: 0,
        alreadySent: counts.sent,
        dryRun,
        started,
        extra: {
          invalidRows: 0,
          duplicates: 0,
          suppressed: 0,
          resumedInFlight: 0,
          bytes: 0,
          stoppedBy: null,
          fatalError: null,
        },
      });
    }

    // Step 3: the list, streamed into the ledger.
    let invalidRows = 0;
    let duplicates = 0;
    let suppressed = 0;
    if (existing?.total == null) {
      // One set, loaded once: a hash lookup per row keeps the million-row import as fast as before.
      const imported = await importRecipients(
        ledger,
        editionKey,
        options.recipientsFile,
        suppressions.loadAddressSet(list),
        logger,
      );
      invalidRows = imported.invalidRows;
      duplicates = imported.duplicates;
      suppressed = imported.suppressed;
      if (imported.inserted + imported.known === 0 && ledger.countDeliveries(editionKey).total === 0) {
        if (suppressed > 0) {
          throw new DigestError(
            "E_INPUT",
            `no recipients to send to - every address in ${options.recipientsFile} is on the suppression list (${suppressed}). See 'digest suppress list'`,
            { where: options.recipientsFile },
          );
        }
        throw new DigestError(
          "E_INPUT",
          `no recipients to send to - ${options.recipientsFile} has no valid address${invalidRows > 0 ? ` (${formatCount(invalidRows, "row")} skipped, see above)` : ""}. Expected a header row "email,name" and one row per recipient`,
          { where: options.recipientsFile },
        );
      }
    }

    // Step 4: record.
    const startedAt = now().toISOString();
    const countsBefore = ledger.countDeliveries(editionKey);
    ledger.transaction(() => {
      ledger.recordEditionState(editionKey, {
        date: edition.date,
        section: edition.section,
        list,
        state: "sending",
        reason: null,
        subject: rendered.subject,
        total: countsBefore.total,
        ...(existing?.startedAt ? {} : { startedAt }),
      });
      ledger.saveEditionContent(editionKey, { edition, rendered }, startedAt);
    });
    const resumedInFlight = ledger.requeueInFlight(editionKey);
    if (existing) {
      logger.info(
        `resuming edition ${editionKey}: ${countsBefore.sent} already sent, ${countsBefore.pending + countsBefore.sending} to go${resumedInFlight > 0 ? `, ${resumedInFlight} were in flight and are sent again with the same Message-ID` : ""}`,
      );
    }
    logger.info(
      `${dryRun ? "dry run: would send" : "sending"} edition ${editionKey} "${rendered.subject}" to ${formatCount(countsBefore.pending + countsBefore.sending, "recipient")}${dryRun ? " - nothing is handed over" : ` via ${transport.kind} (${transport.target})`}`,
    );

    // Step 5: send.
    const bounces = dryRun ? ledger.suppressions : suppressions;
    const run = await runSendLoop({
      ledger,
      onHardBounce: (email, response, at) => {
        const threshold = options.config.delivery.suppressAfterHardBounces;
        if (bounces.recordHardBounce({ address: email, response, at, source: editionKey, threshold })) {
          logger.info(`${email}: suppressed after ${threshold} hard bounce${threshold === 1 ? "" : "s"}`);
        }
      },
      transport,
      editionKey,
      build,
      toSend: countsBefore.pending + countsBefore.sending,
      options,
      now,
    });

    // Step 6: finish.
    const after = ledger.countDeliveries(editionKey);
    const complete = after.pending + after.sending === 0;
    if (complete) {
      ledger.recordEditionState(editionKey, {
        date: edition.date,
        section: edition.section,
        list,
        state: "complete",
        finishedAt: now().toISOString(),
      });
    }
    return buildReport({
      ledger,
      editionKey,
      sent: run.sent,
      alreadySent: countsBefore.sent,
      dryRun,
      started,
      extra: {
        invalidRows,
        duplicates,
        suppressed,
        resumedInFlight,
        bytes: run.bytes,
        stoppedBy: run.stoppedBy,
        fatalError: run.fatalError,
      },
    });
  } finally {
    if (scratchDir) {
      ledger.close();
      rmSync(scratchDir, { recursive: true, force: true });
    }
  }
}

async function importRecipients(
  ledger: Ledger,
  editionKey: string,
  file: string,
  suppressedAddresses: ReadonlySet<string>,
  logger: DeliveryLogger,
): Promise<{ inserted: number; known: number; invalidRows: number; duplicates: number; suppressed: number }> {
  let invalidRows = 0;
  let suppressed = 0;
  let inserted = 0;
  let known = 0;
  let batch: LedgerRecipient[] = [];
  let batchChars = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const result = ledger.addRecipients(editionKey, batch);
    inserted += result.inserted;
    known += result.known;
    batch = [];
    batchChars = 0;
  };
  const batches = readRecipientBatches(file, {
    onWarning: (message) => logger.warn(message),
    onProblem(problem) {
      invalidRows += 1;
      if (invalidRows <= MAX_LOGGED_PROBLEMS)
        logger.warn(`${file}:${problem.line}: skipped - ${problem.problem}`);
    },
  });
  for await (const rows of batches) {
    for (const row of rows) {
      if (suppressedAddresses.has(row.email)) {
        suppressed += 1;
        continue;
      }
      // The row itself (a RecipientRow is a LedgerRecipient): no per-row copy.
      batch.push(row);
      batchChars += row.email.length + (row.name?.length ?? 0) + fieldChars(row.fields);
      if (batch.length >= IMPORT_BATCH_ROWS || batchChars >= IMPORT_BATCH_CHARS) flush();
    }
    // Each chunk's rows are in the ledger before the next chunk is read: no rows (and no 64 KB
    // chunk of text their strings point into) stay alive across the wait for the disk.
    flush();
  }
  if (invalidRows > MAX_LOGGED_PROBLEMS) {
    logger.warn(
      `${file}: ${invalidRows - MAX_LOGGED_PROBLEMS} more invalid rows skipped (${invalidRows} in all)`,
    );
  }
  // On a first import every "known" row is a duplicate inside the file.
  const duplicates = known;
  logger.info(
    `${file}: ${formatCount(inserted, "recipient")}${duplicates > 0 ? `, ${formatCount(duplicates, "duplicate")} collapsed` : ""}${invalidRows > 0 ? `, ${formatCount(invalidRows, "invalid row")} skipped` : ""}${suppressed > 0 ? `, ${formatCount(suppressed, "suppressed address", "suppressed addresses")} skipped` : ""}`,
  );
  return { inserted, known, invalidRows, duplicates, suppressed };
}

/** Characters of a row's extra fields (keys and values), for the import batch's size bound. */
function fieldChars(fields: Record<string, string>): number {
  let chars = 0;
  for (const key in fields) chars += key.length + (fields[key]?.length ?? 0);
  return chars;
}

interface LoopInput {
  ledger: Ledger;
  /** Called (inside the open outcome batch) for a permanent failure that names a dead mailbox. */
  onHardBounce(email: string, response: string, at: string): void;
  transport: Transport;
  editionKey: string;
  build: (recipient: { email: string; name: string | null }) => MimeMessage;
  toSend: number;
  options: SendEditionOptions;
  now: () => Date;
}

interface LoopResult {
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
 * due retries first and then from the ledger in list order.
 */
async function runSendLoop(input: LoopInput): Promise<LoopResult> {
  const { ledger, transport, editionKey, options, now } = input;
  const concurrency = Math.max(1, options.concurrency);
  // A pooled transport keeps `concurrency` connections; one queued message per connection means a
  // connection that finishes never waits for the dispatcher to hand it the next one.
  const inFlightLimit = transport.kind === "smtp" ? concurrency * 2 : concurrency;
  const maxAttempts = Math.max(1, options.maxAttempts);
  const retryBase = options.retryBaseMs ?? RETRY_BASE_MS;
  const claimSize = Math.max(CLAIM_BATCH_ROWS, inFlightLimit * 2);
  const intervalMs = options.rate ? 1000 / options.rate : 0;
  const startedMs = Date.now();

  let cursor = 0;
  let exhausted = false;
  let fresh: Job[] = [];
  const retries: Job[] = [];
  const inFlight = new Set<Promise<void>>();
  let batchRows = 0;
  let dispatched = 0;
  let oldestOutcomeMs = 0;
  let nextSlotMs = 0;
  let sent = 0;
  let failed = 0;
  let bytes = 0;
  let stoppedBy: LoopResult["stoppedBy"] = null;
  let fatalError: string | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const onAbort = () => notify();
  options.signal.addEventListener("abort", onAbort);

  const flushOutcomes = () => {
    if (batchRows === 0) return;
    ledger.commitBatch();
    batchRows = 0;
  };
  // Each outcome is written at once into an open transaction; the commit (the fsync) is batched.
  const record = (outcome: DeliveryOutcome) => {
    if (batchRows === 0) {
      ledger.beginBatch();
      oldestOutcomeMs = Date.now();
    }
    ledger.writeOutcome(outcome);
    batchRows += 1;
    if (batchRows >= OUTCOME_BATCH_ROWS || Date.now() - oldestOutcomeMs >= OUTCOME_FLUSH_MS) flushOutcomes();
  };
  const progress = (): SendProgress => ({
    total: input.toSend,
    sent,
    failed,
    retrying: retries.length,
    elapsedMs: Date.now() - startedMs,
  });

  // One attempt's outcome for the ledger: a plain literal, no spread and no closure per message.
  const outcome = (
    delivery: Job["delivery"],
    messageId: string | null,
    status: "sent" | "failed" | "sending" | "pending",
    response: string,
    at: string,
  ): void =>
    record({
      rowid: delivery.rowid,
      editionKey,
      email: delivery.email,
      status,
      attempted: true,
      response,
      messageId,
      at,
    });

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
      } else if (job.tries < maxAttempts && !options.signal.aborted) {
        // Stays `sending` in the ledger while it waits: a crash now re-sends it on resume.
        outcome(delivery, messageId, "sending", verdict.response, at);
        job.dueAt = Date.now() + backoffMs(job.tries, retryBase);
        retries.push(job);
        retries.sort((a, b) => a.dueAt - b.dueAt);
      } else {
        outcome(delivery, messageId, "pending", verdict.response, at);
        options.logger.warn(
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
      flushOutcomes();
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
    while (!options.signal.aborted && stoppedBy === null) {
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
        if (Date.now() - oldestOutcomeMs >= OUTCOME_FLUSH_MS) flushOutcomes();
        continue;
      }
      if (intervalMs > 0) {
        const at = Date.now();
        if (nextSlotMs > at) await sleep(nextSlotMs - at);
        nextSlotMs = Math.max(at, nextSlotMs) + intervalMs;
        if (options.signal.aborted) {
          fresh.unshift(job);
          break;
        }
      }
      const running: Promise<void> = attempt(job).finally(() => {
        inFlight.delete(running);
        options.progress?.update(progress());
      });
      inFlight.add(running);
      dispatched += 1;
      // A transport that answers at once (the dry run) would keep this loop in microtasks for
      // the whole list: yield to the event loop now and then so signals, timers and I/O run.
      if (dispatched % YIELD_EVERY_MESSAGES === 0)
        await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (options.signal.aborted && stoppedBy === null) stoppedBy = "signal";
    if (stoppedBy === "signal") {
      options.logger.info(`stopping: waiting for ${formatCount(inFlight.size, "message")} in flight`);
      const grace = options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS;
      const timedOut = await Promise.race([
        Promise.all(inFlight).then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), grace).unref()),
      ]);
      if (timedOut) {
        options.logger.warn(`in-flight messages did not finish within ${grace} ms - closing connections`);
        await transport.close({ force: true });
      }
    } else {
      await Promise.all(inFlight);
    }
  } finally {
    options.signal.removeEventListener("abort", onAbort);
    // Claimed but never tried, and retries still waiting: back to pending for the next run.
    const at = now().toISOString();
    for (const job of [...fresh, ...retries]) {
      record({
        rowid: job.delivery.rowid,
        editionKey,
        email: job.delivery.email,
        status: "pending",
        attempted: false,
        response: null,
        messageId: null,
        at,
      });
    }
    flushOutcomes();
    options.progress?.finish(progress());
  }
  return { sent, bytes, stoppedBy, fatalError };
}

/**
 * Exponential backoff with ±50 % jitter (so a pool of retries does not hit a recovering server
 * in lockstep), capped at RETRY_MAX_MS.
 */
function backoffMs(tries: number, baseMs: number): number {
  const exponential = Math.min(RETRY_MAX_MS, baseMs * 2 ** (tries - 1));
  return Math.round(exponential * (0.5 + Math.random()));
}

function buildReport(input: {
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
