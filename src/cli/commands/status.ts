import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { formatZoned } from "../../clock.js";
import { loadConfig } from "../../config/index.js";
import {
  createLedger,
  type EditionSummary,
  LEDGER_FILE,
  SUPPRESSION_HOWS,
  type SuppressionCounts,
} from "../../deliver/index.js";
import { DigestError, EXIT } from "../../errors.js";
import { COMMON_HELP, COMMON_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  state: { type: "string" },
  json: { type: "boolean" },
  limit: { type: "string" },
} as const;

const DEFAULT_LIMIT = 14;

/** `digest status`: the recent editions in the delivery ledger. */
export const statusCommand: Command = {
  name: "status",
  summary: "show the recent editions in the delivery ledger (state, sent, failed, pending)",
  help: `Usage: digest status [options]

Prints the most recent editions recorded in the delivery ledger, newest first: date, list,
state (sending, complete, no-edition, skipped), sent, failed and pending messages, and when the
send started and finished (in the configured time zone). A skipped or empty edition shows why.

Options:
  --state DIR          state folder holding ledger.sqlite (default: DIGEST_STATE_DIR, else config
                       "delivery.stateDir", i.e. state/)
  --limit N            how many editions to show (default: ${DEFAULT_LIMIT})
  --json               print the editions as JSON instead of a table
${COMMON_HELP}
`,
  async run(ctx) {
    const { values } = parseCommandArgs("status", ctx.argv, OPTIONS);
    const limit = parseLimit(values.limit);
    const { config } = loadConfig({
      file: values.config,
      cwd: ctx.cwd,
      env: ctx.env,
      overrides: { stateDir: values.state },
    });
    const stateDir = resolve(ctx.cwd, config.delivery.stateDir);
    const file = resolve(stateDir, LEDGER_FILE);
    // Looking must not create: a missing ledger means nothing was ever sent from this folder.
    const { editions, suppressed } = existsSync(file)
      ? readEditions(stateDir, limit)
      : { editions: [], suppressed: null };
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(editions.map(toJson), null, 2)}\n`);
      return EXIT.OK;
    }
    if (editions.length === 0) {
      ctx.stdout.write(`no editions recorded in ${file}\n`);
      return EXIT.OK;
    }
    ctx.stdout.write(formatStatusTable(editions, config.timeZone));
    if (suppressed !== null && suppressed.total > 0) ctx.stdout.write(formatSuppressedLine(suppressed));
    return EXIT.OK;
  },
};

/** An edition as `digest status` shows it: with the process sending it right now, if any. */
type StatusEdition = EditionSummary & { sender: string | null; bounced: number };

function readEditions(
  stateDir: string,
  limit: number,
): { editions: StatusEdition[]; suppressed: SuppressionCounts } {
  const ledger = createLedger({ stateDir });
  try {
    // The scheduler's (and `digest send`'s) lease on an edition names its live sender.
    const live = ledger.leases.listLive(Date.now());
    const suppressions = ledger.suppressions;
    const editions = ledger.listEditions(limit).map((edition) => ({
      ...edition,
      sender: live.get(`edition:${edition.editionKey}`) ?? null,
      bounced: suppressions.countBouncedIn(edition.editionKey),
    }));
    return { editions, suppressed: suppressions.count() };
  } finally {
    ledger.close();
  }
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new DigestError("E_USAGE", `--limit ${value} is not a positive whole number - e.g. --limit 7`);
  }
  return limit;
}

function toJson(edition: StatusEdition) {
  return {
    editionKey: edition.editionKey,
    date: edition.date,
    section: edition.section,
    list: edition.list,
    state: edition.state,
    reason: edition.reason,
    subject: edition.subject,
    total: edition.total,
    sent: edition.sent,
    failed: edition.failed,
    // A delivery left "sending" by a crash is still owed: it counts as pending.
    pending: edition.pending + edition.sending,
    startedAt: edition.startedAt,
    finishedAt: edition.finishedAt,
    /** The process holding the edition's lease (host:pid:tag) while it is being sent, else null. */
    sender: edition.sender,
    /** Addresses this edition's hard bounces put on the suppression list. */
    bounced: edition.bounced,
  };
}

/** "suppression list: 5 addresses (3 one-click, 2 bounce) - see 'digest suppress list'" */
function formatSuppressedLine(counts: SuppressionCounts): string {
  const parts = SUPPRESSION_HOWS.filter((how) => counts[how] > 0).map((how) => `${counts[how]} ${how}`);
  return `suppression list: ${counts.total} addresses (${parts.join(", ")}) - see 'digest suppress list'\n`;
}

/**
 * Formats editions as an aligned table, times shown in `timeZone` with their offset.
 *
 * @example
 * formatStatusTable(ledger.listEditions(7), "Europe/Berlin");
 * // DATE        LIST         STATE     SENT  FAILED  PENDING  STARTED                    FINISHED …
 */
export function formatStatusTable(editions: readonly StatusEdition[], timeZone: string): string {
  const header = ["DATE", "LIST", "STATE", "SENT", "FAILED", "PENDING", "STARTED", "FINISHED", "NOTE"];
  const rows = editions.map((e) => {
    const json = toJson(e);
    return [
      e.date,
      e.list,
      e.state,
      String(json.sent),
      String(json.failed),
      String(json.pending),
      formatTime(e.startedAt, timeZone),
      formatTime(e.finishedAt, timeZone),
      noteOf(e),
    ];
  });
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[header, ...rows].map(line).join("\n")}\n`;
}

function noteOf(e: StatusEdition): string {
  const subject = e.reason ?? e.subject ?? "";
  const bounced = e.bounced > 0 ? `${e.bounced} bounced, now suppressed` : "";
  const note = subject !== "" && bounced !== "" ? `${subject} - ${bounced}` : subject || bounced;
  if (e.state !== "sending") return note;
  const now =
    e.sender !== null
      ? `being sent by ${e.sender}`
      : "interrupted; the scheduler or `digest send --resume` continues it";
  return note === "" ? now : `${note} - ${now}`;
}

function formatTime(stamp: string | null, timeZone: string): string {
  if (stamp === null) return "-";
  const instant = new Date(stamp);
  return Number.isNaN(instant.getTime()) ? stamp : formatZoned(instant, timeZone);
}
