import { accessSync, constants } from "node:fs";
import { basename, extname, resolve } from "node:path";
import type { Clock } from "../clock.js";
import type { Config } from "../config/index.js";
import {
  createLedger,
  createOutboxTransport,
  createSmtpTransport,
  editionKeyOf,
  resolveListName,
  resolveUnsubscribeSecret,
  SMTP_URL_ENV,
  type Transport,
  usesUnsubscribeTokens,
} from "../deliver/index.js";
import { DigestError } from "../errors.js";
import { createRenderer } from "../pipeline.js";
import { createEditionSender } from "./create-edition-sender.js";
import type { FireSchedule } from "./fire-schedule.js";
import { formatScheduleEvent, runSchedule, type ScheduleEvent } from "./run-schedule.js";

export interface ScheduledSendsOptions {
  /** Config with schedule.at/days/latest resolved (resolveScheduleOptions). */
  config: Config;
  schedule: FireSchedule;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Recipients file, relative to `cwd`. */
  recipients: string;
  /** List name (default: the recipients file name without extension). */
  list?: string | undefined;
  clock: Clock;
  signal: AbortSignal;
  logger: { debug(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void };
  /** Lease holder id (default host:pid:random). */
  holder?: string;
  onEvent?: (event: ScheduleEvent) => void;
  /** Passed to sendEdition (tests shorten the retry delay). */
  retryBaseMs?: number;
}

/**
 * `digest schedule` without the argument parsing: checks everything a send needs before the first
 * fire (recipients file, SMTP URL, unsubscribe secret, ledger), then runs the scheduler until
 * `signal` aborts, logging one line per event.
 *
 * @throws DigestError E_INPUT / E_CONFIG before anything is sent when a prerequisite is missing.
 * @example
 * await runScheduledSends({ config, schedule, cwd, env: process.env, recipients: "subscribers.csv",
 *   clock: createSystemClock(), signal, logger });
 */
export async function runScheduledSends(options: ScheduledSendsOptions): Promise<void> {
  const { config, logger, clock } = options;
  const recipientsFile = resolve(options.cwd, options.recipients);
  try {
    accessSync(recipientsFile, constants.R_OK);
  } catch (error) {
    throw new DigestError(
      "E_INPUT",
      `could not read recipients ${options.recipients} - ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "the file does not exist" : (error as Error).message}. Expected a CSV (email,name header) or JSON Lines file`,
      { where: options.recipients, cause: error },
    );
  }
  const resolvedList = resolveListName({ flag: options.list, config, recipientsFile });
  const list = resolvedList.name;
  const transportKind = config.delivery.transport;
  const smtpUrl = options.env[SMTP_URL_ENV];
  if (transportKind === "smtp" && (smtpUrl === undefined || smtpUrl === "")) {
    throw new DigestError(
      "E_CONFIG",
      `--transport smtp needs ${SMTP_URL_ENV} - set it to e.g. smtp://user:pass@mail.example.org:587 in the environment (never in a file)`,
      { where: SMTP_URL_ENV },
    );
  }
  const createTransport = (): Transport =>
    transportKind === "smtp"
      ? createSmtpTransport({
          url: smtpUrl as string,
          maxConnections: config.delivery.concurrency,
          requireTls: config.delivery.requireTls,
          onWarning: (message) => logger.warn(message),
        })
      : createOutboxTransport({ dir: resolve(options.cwd, config.delivery.outboxDir) });
  // Fail now, not at 07:30: a bad URL is a config error.
  await createTransport().close();
  // The scheduler never dry-runs: outbox or SMTP, its messages' links must verify later.
  const secret = resolveUnsubscribeSecret(options.env, { real: usesUnsubscribeTokens(config) });
  if (resolvedList.notice) logger.warn(resolvedList.notice);
  const ledger = createLedger({ stateDir: resolve(options.cwd, config.delivery.stateDir) });
  try {
    const send = createEditionSender({
      config,
      cwd: options.cwd,
      recipientsFile,
      list,
      ledger,
      renderer: createRenderer(),
      createTransport,
      secret,
      clock,
      logger,
      ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
    });
    logger.info(
      `scheduler started: pattern "${options.schedule.pattern}" in ${config.timeZone}, latest ${config.schedule.latest}, list ${list}, ${transportKind}, ledger ${ledger.path}`,
    );
    await runSchedule({
      schedule: options.schedule,
      latest: config.schedule.latest,
      editionKeyOf: (date) => editionKeyOf({ date, section: config.section, list }),
      section: config.section,
      list,
      ledger,
      send,
      clock,
      signal: options.signal,
      leaseMs: config.schedule.leaseSeconds * 1000,
      ...(options.holder === undefined ? {} : { holder: options.holder }),
      onEvent(event) {
        const line = formatScheduleEvent(event, config.timeZone);
        if (event.type === "failed" || event.type === "lease-lost") logger.error(line);
        else if (event.type === "skipped" || event.type === "no-edition") logger.warn(line);
        else logger.info(line);
        options.onEvent?.(event);
      },
    });
  } finally {
    ledger.close();
  }
}

/**
 * The default list name: the recipients file name without its extension.
 *
 * @example
 * listNameOf("/srv/digest/subscribers.csv"); // "subscribers"
 */
export function listNameOf(recipientsFile: string): string {
  return basename(recipientsFile, extname(recipientsFile));
}
