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
 * The parts: import-recipients.ts (step 3), run-send-loop.ts (step 5: the claim loop, with
 * create-outcome-writer.ts for the batched outcomes, backoff-ms.ts for retries and
 * finish-in-flight.ts for the shutdown), delivery-report.ts (step 6).
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
import { compileMimeTemplate, fillMimeTemplate, type MimeMessage } from "./compile-mime-template.js";
import { createDryRunTransport } from "./create-dry-run-transport.js";
import { createLedger } from "./create-ledger.js";
import type { ProgressSink } from "./create-progress-reporter.js";
import { buildDeliveryReport, type DeliveryLogger, type DeliveryReport } from "./delivery-report.js";
import { importRecipients } from "./import-recipients.js";
import { editionKeyOf, type Ledger } from "./ledger.js";
import { runSendLoop } from "./run-send-loop.js";
import { type DkimKey, readDkimKey, signDkim } from "./sign-dkim.js";
import type { Transport } from "./transport.js";
import type { UnsubscribeSecret } from "./unsubscribe-token.js";

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
      return buildDeliveryReport({
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
      now,
      concurrency: options.concurrency,
      maxAttempts: options.maxAttempts,
      rate: options.rate,
      retryBaseMs: options.retryBaseMs,
      shutdownGraceMs: options.shutdownGraceMs,
      signal: options.signal,
      logger,
      progress: options.progress,
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
    return buildDeliveryReport({
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
