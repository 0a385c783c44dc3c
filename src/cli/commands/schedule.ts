import { formatZoned } from "../../clock.js";
import { loadConfig } from "../../config/index.js";
import { DigestError, EXIT } from "../../errors.js";
import { createSystemClock, resolveScheduleOptions, runScheduledSends } from "../../schedule/index.js";
import { COMMON_HELP, COMMON_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  input: { type: "string", short: "i", multiple: true },
  section: { type: "string" },
  date: { type: "string" },
  recipients: { type: "string" },
  at: { type: "string" },
  tz: { type: "string" },
  days: { type: "string" },
  latest: { type: "string" },
  state: { type: "string" },
  transport: { type: "string" },
  outbox: { type: "string" },
  list: { type: "string" },
  next: { type: "string" },
  from: { type: "string" },
} as const;

/** `--next` prints at most this many fire times. */
const MAX_NEXT = 1000;

/** `digest schedule`: the long-running morning scheduler. */
export const scheduleCommand: Command = {
  name: "schedule",
  summary: "send each morning's edition at 07:30 local time (long-running), or print the next fire times",
  help: `Usage: digest schedule --recipients FILE [options]
       digest schedule --next N [--from ISO-DATETIME] [--at HH:MM] [--tz ZONE] [--days …]

Runs until stopped (SIGTERM or Ctrl-C). At every fire time it builds the edition of that local
date from the inputs, renders it once and sends it to the recipients, recording it in the
delivery ledger: an edition that is complete is never sent again, one left unfinished by a crash
is resumed. Started (or woken) after the fire time, it sends at once while it is still before
--latest and records a skip after it; yesterday's edition is never sent today. When no story
qualifies, "no edition" is recorded and the scheduler keeps running. Two schedulers on one
ledger never both send: the edition's lease in the ledger decides, and a crashed holder loses it
after config "schedule.leaseSeconds". SIGTERM/SIGINT let in-flight messages finish, record, exit 0.

With config "review.mode": "required" each fire sends only what an editor approved at the desk
(the frozen rendering), skips a held edition, waits for an approval until "review.deadline" and
then applies "review.fallback" (see 'digest review' and docs/desk.md).

With --next N it prints the next N fire times (ISO 8601 with offset) and exits.

Options:
  -i, --input PATH     article file, folder or URL; repeatable (default: config "inputs", i.e. seeds/)
  --section NAME       section the edition is made of (default: config "section", i.e. Politik)
  --recipients FILE    recipients, CSV (email[,name][,…] with a header row) or JSON Lines
  --list NAME          list identity: edition key and unsubscribe tokens (default: config "list.id",
                       else the recipients file name - warned, as a rename breaks links)
  --at HH:MM           local send time (default: config "schedule.at", i.e. 07:30)
  --tz ZONE            IANA time zone (default: config "timeZone", i.e. Europe/Berlin)
  --days SPEC          daily, mon-fri, a cron day-of-week field (1-5, sat,sun) or a full cron
                       pattern of 5 or 6 fields that sets the time too, e.g. "0 30 7 * * 1-5"
                       (default: config "schedule.days", i.e. daily)
  --latest HH:MM       after this local time a missed edition is skipped, not sent (default:
                       config "schedule.latest", i.e. 09:30)
  --transport NAME     outbox (one .eml per recipient, the default) or smtp (DIGEST_SMTP_URL)
  --outbox DIR         folder of the outbox transport (default: config "delivery.outboxDir")
  --state DIR          state folder with the ledger (default: DIGEST_STATE_DIR, else config
                       "delivery.stateDir", i.e. state/)
  --next N             print the next N fire times and exit
  --from ISO-DATETIME  with --next: count from this instant, e.g. 2027-03-27T12:00:00+01:00
${COMMON_HELP}
`,
  async run(ctx) {
    const { values } = parseCommandArgs("schedule", ctx.argv, OPTIONS);
    if (values.date !== undefined) {
      throw new DigestError(
        "E_USAGE",
        "digest schedule: --date does not apply - each fire sends the edition of its own local date; use 'digest send --date' for one date",
      );
    }
    const transport = parseTransport(values.transport);
    const { config: loaded } = loadConfig({
      file: values.config,
      cwd: ctx.cwd,
      env: ctx.env,
      overrides: {
        section: values.section,
        inputs: values.input,
        timeZone: values.tz,
        stateDir: values.state,
        outboxDir: values.outbox,
        transport,
      },
    });
    const { config, schedule } = resolveScheduleOptions(loaded, {
      at: values.at,
      days: values.days,
      latest: values.latest,
    });
    const clock = createSystemClock();
    if (values.next !== undefined) {
      const count = parseCount(values.next);
      const from = values.from === undefined ? clock.now() : parseFrom(values.from);
      const times = schedule.upcoming(count, from).map((time) => formatZoned(time, config.timeZone));
      ctx.stdout.write(times.length > 0 ? `${times.join("\n")}\n` : "");
      return EXIT.OK;
    }
    if (values.from !== undefined)
      throw new DigestError("E_USAGE", "digest schedule: --from only goes with --next N");
    if (values.recipients === undefined) {
      throw new DigestError(
        "E_USAGE",
        "digest schedule: --recipients FILE is required (or --next N to print the fire times) - see 'digest schedule --help'",
      );
    }
    await runScheduledSends({
      config,
      schedule,
      cwd: ctx.cwd,
      env: ctx.env,
      recipients: values.recipients,
      list: values.list,
      clock,
      signal: ctx.signal,
      logger: ctx.logger,
    });
    return EXIT.OK;
  },
};

function parseTransport(value: string | undefined): "outbox" | "smtp" | undefined {
  if (value === undefined || value === "outbox" || value === "smtp") return value;
  throw new DigestError(
    "E_USAGE",
    `digest schedule: --transport ${value} is unknown - expected outbox or smtp`,
  );
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_NEXT) {
    throw new DigestError(
      "E_USAGE",
      `digest schedule: --next ${value} is not a whole number from 1 to ${MAX_NEXT}`,
    );
  }
  return count;
}

function parseFrom(value: string): Date {
  const instant = new Date(value);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(instant.getTime())
  ) {
    throw new DigestError(
      "E_USAGE",
      `digest schedule: --from ${value} is not an ISO 8601 date-time with offset - e.g. 2027-03-27T12:00:00+01:00`,
    );
  }
  return instant;
}
