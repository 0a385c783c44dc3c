import type { Clock } from "../clock.js";
import { formatZoned } from "../clock.js";
import type { Config } from "../config/index.js";
import {
  type DeliveryLogger,
  type Ledger,
  sendEdition,
  type Transport,
  type UnsubscribeSecret,
} from "../deliver/index.js";
import { DigestError, isDigestError } from "../errors.js";
import { readEdition } from "../pipeline.js";
import type { Renderer } from "../render/index.js";
import {
  type DraftStore,
  describeIgnoredDraft,
  markDraftSent,
  type ReviewedContent,
  resolveReviewedContent,
} from "../review/index.js";
import type { Edition, RenderedEdition } from "../types.js";
import type { FireJob, FireResult, SendFire } from "./run-schedule.js";

export interface EditionSenderOptions {
  config: Config;
  cwd: string;
  /** Absolute path of the recipients file. */
  recipientsFile: string;
  list: string;
  ledger: Ledger;
  renderer: Renderer;
  /** A fresh transport per fire, closed after it (SMTP connections are not kept open all day). */
  createTransport(): Transport;
  secret: UnsubscribeSecret | string;
  clock: Clock;
  logger: DeliveryLogger;
  /** Passed to sendEdition (tests shorten the retry delay). */
  retryBaseMs?: number;
}

/** How often a fire waiting for the desk looks at the draft again (required review). */
export const REVIEW_POLL_MS = 30_000;

/**
 * What one fire does: build the edition of the fire's local date from the inputs (or, when
 * resuming, take the content it was first sent with from the ledger), render it once and send it
 * with `sendEdition`. No qualifying story (none in the section, or all older than
 * `limits.freshnessHours` before the fire time) is "no edition", not an error.
 *
 * @example
 * const send = createEditionSender({ config, cwd, recipientsFile, list: "subscribers", ledger,
 *   renderer: createRenderer(), createTransport, secret, clock, logger });
 * await send({ fireTime, date: "2027-03-28", editionKey, resume: false, signal });
 */
export function createEditionSender(options: EditionSenderOptions): SendFire {
  const { ledger, clock, logger } = options;
  // The desk's drafts: with config review.mode "required", only approved content is sent.
  const draftStore = (): DraftStore => ledger.drafts;
  return async (job: FireJob): Promise<FireResult> => {
    const config = configForFire(options.config, job.fireTime);
    let content: { edition: Edition; rendered: RenderedEdition; mjml?: string } | null = job.resume
      ? ledger.getEditionContent(job.editionKey)
      : null;
    const required = content === null && config.review.mode === "required";
    if (required) {
      const reviewed = await awaitReview(options, draftStore(), job);
      if (reviewed.kind === "not-sent") return { kind: "skipped", reason: reviewed.reason };
      if (reviewed.kind === "approved") {
        logger.info(`sending the edition of ${job.date} as approved by ${reviewed.approvedBy}`);
        content = { edition: reviewed.edition, rendered: reviewed.rendered };
      } else if (reviewed.kind === "proposal") {
        logger.warn(`deadline fallback for ${job.date}: ${reviewed.reason} - sending the machine's proposal`);
        if (reviewed.edition !== null) content = await renderContent(options, config, reviewed.edition);
      }
    }
    if (content === null) {
      const ignored = describeIgnoredDraft(draftStore(), config, job.date);
      if (ignored) logger.warn(ignored);
      let edition: Edition;
      try {
        ({ edition } = await readEdition(
          { config, date: job.date },
          { cwd: options.cwd, onWarning: (message) => logger.warn(message), signal: job.signal },
        ));
      } catch (error) {
        if (isDigestError(error, "E_NO_STORY")) return { kind: "no-edition", reason: error.message };
        throw error;
      }
      content = await renderContent(options, config, edition);
    }
    const transport = options.createTransport();
    try {
      const report = await sendEdition({
        config,
        edition: content.edition,
        rendered: content.rendered,
        ...(content.mjml === undefined ? {} : { mjml: content.mjml }),
        recipientsFile: options.recipientsFile,
        list: options.list,
        transport,
        ledger,
        rate: config.delivery.ratePerSecond,
        concurrency: config.delivery.concurrency,
        maxAttempts: config.delivery.maxAttempts,
        signal: job.signal,
        logger,
        now: () => clock.now(),
        secret: options.secret,
        cwd: options.cwd,
        ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
      });
      if (required && report.stoppedBy !== "fatal") {
        markDraftSent(draftStore(), config, { date: job.date, editionKey: job.editionKey, at: clock.now() });
      }
      if (report.stoppedBy === "fatal") {
        throw new DigestError("E_DELIVER", `the transport refused every message - ${report.fatalError}`, {
          where: transport.target,
        });
      }
      if (report.pending > 0 && report.stoppedBy !== "signal") {
        throw new DigestError(
          "E_DELIVER",
          `${report.pending === 1 ? "1 recipient is" : `${report.pending} recipients are`} still pending after ${config.delivery.maxAttempts} attempts each (${report.sent} sent this run)`,
          { where: job.editionKey, transient: true },
        );
      }
      return {
        kind: "sent",
        sent: report.sent,
        failed: report.failedCount,
        pending: report.pending,
        subject: content.rendered.subject,
        suppressed: report.suppressed,
      };
    } finally {
      await transport.close();
    }
  };
}

async function renderContent(
  options: EditionSenderOptions,
  config: Config,
  edition: Edition,
): Promise<{ edition: Edition; rendered: RenderedEdition; mjml: string }> {
  const rendered = await options.renderer.renderEdition(edition, config);
  return { edition, rendered, mjml: options.renderer.renderMjml(edition, config) };
}

/**
 * Required review: looks at the draft until it is approved or held, or the deadline applies the
 * fallback. Waits in steps of REVIEW_POLL_MS on the injected clock; stopped → E_STOPPED.
 */
async function awaitReview(
  options: EditionSenderOptions,
  store: DraftStore,
  job: FireJob,
): Promise<Exclude<ReviewedContent, { kind: "wait" }>> {
  let logged = false;
  for (;;) {
    const now = options.clock.now();
    const reviewed = resolveReviewedContent({ store, config: options.config, date: job.date, now });
    if (reviewed.kind !== "wait") return reviewed;
    if (!logged) options.logger.info(reviewed.reason);
    logged = true;
    await options.clock.sleep(Math.min(REVIEW_POLL_MS, reviewed.until.getTime() - now.getTime()), job.signal);
    if (job.signal.aborted) {
      throw new DigestError(
        "E_STOPPED",
        `stopped while waiting for the desk to approve the edition of ${job.date}`,
      );
    }
  }
}

/**
 * The config for one fire: `schedule.at` becomes the fire's local time, so the freshness window
 * is measured from the moment the edition goes out (also for cron patterns with their own time).
 */
function configForFire(config: Config, fireTime: Date): Config {
  const at = formatZoned(fireTime, config.timeZone).slice(11, 16);
  return { ...config, schedule: { ...config.schedule, at } };
}
