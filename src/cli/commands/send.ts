import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  createDryRunTransport,
  createLedger,
  createOutboxTransport,
  createProgressReporter,
  createSmtpTransport,
  type DeliveryReport,
  editionKeyOf,
  explainInvalidEmail,
  formatDuration,
  ledgerPathOf,
  normalizeEmail,
  readDkimKey,
  resolveListName,
  resolveUnsubscribeSecret,
  SMTP_URL_ENV,
  sendEdition,
  sendTestMessage,
  type Transport,
  usesUnsubscribeTokens,
} from "../../deliver/index.js";
import { DigestError, EXIT, type ExitCode } from "../../errors.js";
import { formatCount } from "../../format-count.js";
import { createRenderer, runEdition, sendGate } from "../../pipeline.js";
import { createSystemClock, type HeldLease, holdLease } from "../../schedule/index.js";
import { hasControlOrBidi, quoteLogValue } from "../../unsafe-chars.js";
import { COMMON_HELP, COMMON_OPTIONS, INPUT_HELP, INPUT_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { resolveEditionOptions } from "../edition-options.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...INPUT_OPTIONS,
  recipients: { type: "string" },
  to: { type: "string" },
  transport: { type: "string" },
  outbox: { type: "string" },
  "dry-run": { type: "boolean" },
  resume: { type: "boolean" },
  rate: { type: "string" },
  concurrency: { type: "string" },
  state: { type: "string" },
  list: { type: "string" },
  force: { type: "boolean" },
} as const;

/** `digest send`: sends the edition to a recipients list (or one test copy). */
export const sendCommand: Command = {
  name: "send",
  summary: "send the edition to a recipients list (outbox files by default, or SMTP)",
  help: `Usage: digest send [input options] (--recipients FILE | --to ADDRESS) [options]

Builds the edition, runs the pre-send gate (see 'digest check'), and sends one personalised
message per recipient. Every delivery is recorded in the ledger (state folder), so running the
same command again continues an interrupted send and never mails anyone twice.

Options:
${INPUT_HELP}
  --recipients FILE    CSV with a header row (email[,name][,...]) or JSON Lines (.jsonl)
  --to ADDRESS         send one test copy to ADDRESS instead (not recorded in the ledger)
  --transport NAME     outbox (default: one .eml file per recipient) or smtp (DIGEST_SMTP_URL)
  --outbox DIR         outbox folder (default: config "delivery.outboxDir", i.e. outbox/)
  --dry-run            build and count every message, hand nothing over, leave the ledger alone
  --resume             only continue an interrupted send; exit 2 when there is none
  --rate N/s           at most N messages per second (default: config "delivery.ratePerSecond")
  --concurrency N      messages in flight at once (default: config "delivery.concurrency", 4)
  --state DIR          ledger folder (default: DIGEST_STATE_DIR, config "delivery.stateDir", state/)
  --list NAME          list identity: edition key, List-Id and unsubscribe tokens (default: config
                       "list.id", else the recipients file name - warned, as a rename breaks links)
  --force              send even when the pre-send gate reports errors
${COMMON_HELP}

Environment: DIGEST_SMTP_URL (smtp://user:pass@host:587 or smtps://...:465; never logged),
DIGEST_UNSUBSCRIBE_SECRET (signs the per-recipient unsubscribe links; required to send).

Exit codes: 0 every recipient sent or permanently failed, 1 some still pending (run again),
2 bad usage, config, recipients list or a failing pre-send gate, 3 no story for the edition.
`,
  async run(ctx) {
    const { values } = parseCommandArgs("send", ctx.argv, OPTIONS);
    if ((values.recipients === undefined) === (values.to === undefined)) {
      throw new DigestError(
        "E_USAGE",
        "digest send: pass exactly one of --recipients FILE or --to ADDRESS - see 'digest send --help'",
      );
    }
    const to = values.to === undefined ? undefined : parseTestAddress(values.to);
    const { config: loaded, date } = resolveEditionOptions(ctx, values, { stateDir: values.state });
    const transportKind = parseTransport(values.transport ?? loaded.delivery.transport);
    const config = {
      ...loaded,
      delivery: {
        ...loaded.delivery,
        transport: transportKind,
        outboxDir: values.outbox ?? loaded.delivery.outboxDir,
      },
    };
    const dryRun = values["dry-run"] === true;
    const rate = values.rate === undefined ? config.delivery.ratePerSecond : parseRate(values.rate);
    const concurrency =
      values.concurrency === undefined ? config.delivery.concurrency : parseConcurrency(values.concurrency);
    const secret = resolveUnsubscribeSecret(ctx.env, { real: !dryRun && usesUnsubscribeTokens(config) });
    const dkim = readDkimKey(config, ctx.cwd);
    const smtpUrl = ctx.env[SMTP_URL_ENV];
    if (transportKind === "smtp" && !dryRun && !smtpUrl) {
      throw new DigestError(
        "E_CONFIG",
        `--transport smtp needs ${SMTP_URL_ENV} in the environment, e.g. smtps://user:pass@mail.example.org:465 (it is never read from a file)`,
        { where: SMTP_URL_ENV },
      );
    }
    const makeTransport = (): Transport =>
      transportKind === "smtp" && smtpUrl
        ? createSmtpTransport({
            url: smtpUrl,
            maxConnections: concurrency,
            requireTls: config.delivery.requireTls,
            onWarning: (message) => ctx.logger.warn(message),
          })
        : createOutboxTransport({ dir: resolve(ctx.cwd, config.delivery.outboxDir) });
    const deps = { cwd: ctx.cwd, renderer: createRenderer(), onWarning: ctx.logger.warn, signal: ctx.signal };
    const gateFor = (list: string) =>
      sendGate({
        config,
        list,
        secret: secret.value,
        dkim,
        now: new Date(),
        dryRun,
        force: values.force === true,
        warn: ctx.logger.warn,
      });

    if (to !== undefined) {
      // Opened by the sink, after the gate passed; `as` keeps TS from narrowing it to null here.
      let transport = null as Transport | null;
      try {
        await runEdition({ config, date }, deps, {
          gate: () => gateFor("test"),
          async deliver({ edition, rendered }) {
            transport = dryRun ? null : makeTransport();
            const result = await sendTestMessage({ config, edition, rendered, to, transport, secret, dkim });
            ctx.stdout.write(
              `${dryRun ? "dry run: would send" : "sent"} a test copy of ${edition.date} to ${to} (${result.bytes} bytes, ${result.messageId}): ${result.response}\n`,
            );
          },
        });
      } finally {
        await transport?.close();
      }
      return EXIT.OK;
    }

    const recipientsFile = resolve(ctx.cwd, values.recipients as string);
    const resolvedList = resolveListName({ flag: values.list, config, recipientsFile });
    const list = resolvedList.name;
    if (resolvedList.notice) ctx.logger.warn(resolvedList.notice);
    const stateDir = resolve(ctx.cwd, config.delivery.stateDir);
    // A dry run must not create a ledger where there is none.
    const ledger =
      dryRun && !existsSync(ledgerPathOf(stateDir))
        ? createLedger({ stateDir, file: ":memory:" })
        : createLedger({ stateDir });
    let transport = null as Transport | null;
    let held: HeldLease | null = null;
    try {
      const key = editionKeyOf({ date, section: config.section, list });
      // The scheduler's lease on this edition: a send from cron or a systemd timer waits while the
      // scheduler (or another `digest send`) is sending it, then finds it complete or resumes it.
      if (!dryRun) {
        held = await holdLease(ledger.leases, {
          name: `edition:${key}`,
          ttlMs: config.schedule.leaseSeconds * 1000,
          clock: createSystemClock(),
          signal: ctx.signal,
          onWait: (holder, until) =>
            ctx.logger.info(
              `edition ${key} is being sent by ${holder} - waiting for it to finish (its lease runs to ${until.toISOString()} unless renewed)`,
            ),
        });
        if (held === null) {
          throw new DigestError(
            "E_STOPPED",
            `stopped while waiting for another sender of edition ${key} - nothing sent`,
          );
        }
      }
      // An interrupted edition is continued with the content it was first sent with, so a resume
      // needs neither the inputs nor a story any more.
      const saved = ledger.getEdition(key)?.state === "sending" ? ledger.getEditionContent(key) : null;
      if (values.resume && !saved) {
        const state = ledger.getEdition(key)?.state;
        throw new DigestError(
          "E_USAGE",
          `nothing to resume for edition ${key} - ${state ? `it is ${state}` : "it was never started"} (ledger ${ledger.path}). Run without --resume to start it`,
          { where: key },
        );
      }
      // A complete edition is not gated again: the send only reports it as done.
      const complete = !dryRun && ledger.getEdition(key)?.state === "complete";
      const report = await runEdition(
        { config, date, ...(saved ? { source: { from: "saved", ...saved } } : {}) },
        deps,
        {
          gate: () => (complete ? null : gateFor(list)),
          deliver({ edition, rendered }) {
            transport = dryRun ? null : makeTransport();
            return sendEdition({
              config,
              edition,
              rendered,
              recipientsFile,
              list,
              transport: transport ?? createDryRunTransport(),
              ledger,
              rate,
              concurrency,
              maxAttempts: config.delivery.maxAttempts,
              dryRun,
              resumeOnly: values.resume === true,
              signal: held ? AbortSignal.any([ctx.signal, held.lost]) : ctx.signal,
              logger: ctx.logger,
              progress: createProgressReporter({ stream: ctx.stderr, isTTY: ctx.logger.isTTY }),
              secret,
              dkim,
              cwd: ctx.cwd,
            });
          },
        },
      );
      ctx.stdout.write(formatReport(report));
      return exitCodeOf(report);
    } finally {
      await transport?.close();
      await held?.release();
      ledger.close();
    }
  },
};

/**
 * The final summary: counts, the permanently failed addresses with the server's reply, and what
 * to do when some are still pending.
 */
function formatReport(report: DeliveryReport): string {
  const lines = [
    `${report.dryRun ? "dry run " : ""}edition ${report.editionKey}: ${report.dryRun ? "would send" : "sent"} ${report.sent}, failed ${report.failedCount}, pending ${report.pending}, already sent ${report.alreadySent} of ${report.total} (${formatDuration(report.durationMs)}, ${formatBytes(report.bytes)})`,
  ];
  if (report.invalidRows > 0 || report.duplicates > 0) {
    lines.push(
      `  list: ${formatCount(report.invalidRows, "invalid row")} skipped, ${formatCount(report.duplicates, "duplicate")} collapsed`,
    );
  }
  if (report.suppressed > 0) {
    lines.push(`  suppressed: ${report.suppressed} addresses on the suppression list skipped`);
  }
  if (report.resumedInFlight > 0) {
    lines.push(
      `  ${report.resumedInFlight} in flight at the last crash, sent again with the same Message-ID`,
    );
  }
  for (const failure of report.failed) lines.push(`  failed ${failure.email}: ${failure.response}`);
  if (report.failedCount > report.failed.length) {
    lines.push(`  … ${report.failedCount - report.failed.length} more failed (see the ledger)`);
  }
  if (report.stoppedBy === "fatal") lines.push(`  stopped: ${report.fatalError ?? "unknown error"}`);
  if (report.stoppedBy === "signal") lines.push("  stopped by a signal");
  if (report.pending > 0 && !report.dryRun) {
    lines.push(`  ${report.pending} still pending - run the same command again to continue`);
  }
  return `${lines.join("\n")}\n`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

function exitCodeOf(report: DeliveryReport): ExitCode {
  return report.pending > 0 || report.stoppedBy === "fatal" ? EXIT.FAILURE : EXIT.OK;
}

/**
 * `--to`: exactly one valid address. Anything else (a second address after a comma, a CR/LF that
 * would smuggle a Bcc: header into the message, a display name) is a usage error, not a send.
 */
function parseTestAddress(value: string): string {
  const email = normalizeEmail(value);
  const problem = hasControlOrBidi(email)
    ? "it holds a line break or control character"
    : explainInvalidEmail(email);
  if (problem === null) return email;
  throw new DigestError(
    "E_USAGE",
    `--to ${quoteLogValue(value)} is not one valid email address - ${problem}. Pass a single address, e.g. --to redaktion@example.de`,
    { where: "--to" },
  );
}

function parseTransport(value: string): "outbox" | "smtp" {
  if (value === "outbox" || value === "smtp") return value;
  throw new DigestError("E_USAGE", `--transport ${value} is not a transport - use outbox or smtp`);
}

/** "50/s", "50" or "2.5/s" → messages per second. */
function parseRate(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:\/s)?$/.exec(value.trim());
  const rate = match ? Number(match[1]) : Number.NaN;
  if (!(rate > 0))
    throw new DigestError(
      "E_USAGE",
      `--rate ${value} is not a rate - expected messages per second, e.g. 50/s`,
    );
  return rate;
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new DigestError("E_USAGE", `--concurrency ${value} must be a whole number from 1 to 64`);
  }
  return n;
}
