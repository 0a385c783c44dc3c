import type { Clock } from "../clock.js";
import { formatZoned } from "../clock.js";
import type { Config } from "../config/index.js";
import {
  type DeliveryLogger,
  type Ledger,
  readDkimKey,
  sendEdition,
  type Transport,
  type UnsubscribeSecret,
} from "../deliver/index.js";
import { DigestError, isDigestError } from "../errors.js";
import { type Renderer, runEdition, sendGate } from "../pipeline.js";
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
  return async (job: FireJob): Promise<FireResult> => {
    const config = configForFire(options.config, job.fireTime);
    const saved = job.resume ? ledger.getEditionContent(job.editionKey) : null;
    const dkim = readDkimKey(config, options.cwd);
    // Opened by the sink once the gate passed; `as` keeps TS from narrowing it to null here.
    let transport = null as Transport | null;
    try {
      const report = await runEdition(
        { config, date: job.date, ...(saved ? { source: { from: "saved", ...saved } } : {}) },
        {
          cwd: options.cwd,
          renderer: options.renderer,
          onWarning: (m) => logger.warn(m),
          signal: job.signal,
        },
        {
          gate: () =>
            sendGate({
              config,
              list: options.list,
              secret: typeof options.secret === "string" ? options.secret : options.secret.value,
              dkim,
              now: clock.now(),
              dryRun: false,
              force: false,
              warn: (m) => logger.warn(m),
            }),
          async deliver({ edition, rendered }) {
            transport = options.createTransport();
            const sent = await sendEdition({
              config,
              edition,
              rendered,
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
              dkim,
              cwd: options.cwd,
              ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
            });
            return { ...sent, subject: rendered.subject };
          },
        },
      );
      if (report.stoppedBy === "fatal") {
        throw new DigestError("E_DELIVER", `the transport refused every message - ${report.fatalError}`, {
          where: transport?.target ?? job.editionKey,
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
        subject: report.subject,
        suppressed: report.suppressed,
      };
    } catch (error) {
      if (isDigestError(error, "E_NO_STORY")) return { kind: "no-edition", reason: error.message };
      throw error;
    } finally {
      await transport?.close();
    }
  };
}

/**
 * The config for one fire: `schedule.at` becomes the fire's local time, so the freshness window
 * is measured from the moment the edition goes out (also for cron patterns with their own time).
 */
function configForFire(config: Config, fireTime: Date): Config {
  const at = formatZoned(fireTime, config.timeZone).slice(11, 16);
  return { ...config, schedule: { ...config.schedule, at } };
}
