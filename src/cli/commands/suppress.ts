import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadConfig } from "../../config/index.js";
import {
  ALL_LISTS,
  createLedger,
  explainInvalidEmail,
  LEDGER_FILE,
  type NewSuppression,
  normalizeEmail,
  parseCsvHeader,
  SUPPRESSION_HOWS,
  type Suppression,
  type SuppressionHow,
  type SuppressionStore,
  splitCsvRecord,
} from "../../deliver/index.js";
import { DigestError, EXIT } from "../../errors.js";
import { COMMON_HELP, COMMON_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command, CommandContext } from "../command.js";
import { LIST_NAME, parseListName } from "../list-name.js";
import { readLines } from "../read-lines.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  state: { type: "string" },
  list: { type: "string" },
  how: { type: "string" },
  note: { type: "string" },
  json: { type: "boolean" },
} as const;

const SUBCOMMANDS = ["add", "remove", "list", "import", "export"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/** Bad import rows are logged one by one up to this many; the rest only counted. */
const MAX_LOGGED_PROBLEMS = 20;
/** Column names other tools export, mapped to ours (listmonk, Mailchimp, spreadsheets). */
const COLUMN_ALIASES: Record<string, "list" | "how" | "at" | "note"> = {
  list: "list",
  how: "how",
  reason_type: "how",
  at: "at",
  timestamp: "at",
  date: "at",
  created_at: "at",
  unsub_time: "at",
  note: "note",
  reason: "note",
  unsub_reason: "note",
};

/** `digest suppress`: the suppression list for the desk and for migrating from another tool. */
export const suppressCommand: Command = {
  name: "suppress",
  summary: "manage the suppression list (unsubscribed, bounced): add, remove, list, import, export",
  help: `Usage: digest suppress add ADDRESS... [options]
       digest suppress remove ADDRESS... [options]
       digest suppress list [--json] [options]
       digest suppress import FILE [options]
       digest suppress export [FILE] [options]

The suppression list lives in the delivery ledger. 'digest send' and 'digest schedule' leave
suppressed addresses out of every edition and say how many. Readers get onto it through the
unsubscribe links ('digest web'), dead mailboxes through hard bounces, anyone through the desk.

  add        suppress addresses (how: manual unless --how complaint|bounce)
  remove     lift the suppression of addresses (from every list unless --list is given)
  list       print the entries, oldest first, and the counts by how
  import     read a CSV with an "email" column (optional: list, how, at, note; "reason" and
             "unsub_time" as other tools export them); known entries are kept as they are
  export     write the entries as CSV (email,list,how,at,source,note) to FILE or stdout

Options:
  --list NAME          the list the entry holds for (default: *, every list)
  --how HOW            add/import: manual (default), complaint or bounce
  --note TEXT          add: a remark kept with the entry
  --json               list: print JSON instead of a table
  --state DIR          state folder holding ledger.sqlite (default: DIGEST_STATE_DIR, else config
                       "delivery.stateDir", i.e. state/)
${COMMON_HELP}

Exit codes: 0 ok, 2 bad usage, address or file.
`,
  async run(ctx) {
    const { values, positionals } = parseCommandArgs("suppress", ctx.argv, OPTIONS, true);
    const [sub, ...args] = positionals;
    if (!isSubcommand(sub)) {
      throw new DigestError(
        "E_USAGE",
        `digest suppress: ${sub === undefined ? "name a subcommand" : `unknown subcommand '${sub}'`} - one of ${SUBCOMMANDS.join(", ")} (see 'digest suppress --help')`,
      );
    }
    const list = parseList(values.list);
    const how = parseHow(values.how);
    const { config } = loadConfig({
      file: values.config,
      cwd: ctx.cwd,
      env: ctx.env,
      overrides: { stateDir: values.state },
    });
    const stateDir = resolve(ctx.cwd, config.delivery.stateDir);
    const reading = sub === "list" || sub === "export";
    // Looking must not create a ledger where there is none.
    if (reading && !existsSync(resolve(stateDir, LEDGER_FILE))) {
      return runOnStore(sub, null, {
        ctx,
        args,
        list: values.list,
        how,
        note: values.note,
        json: values.json,
      });
    }
    const ledger = createLedger({ stateDir });
    try {
      const store = ledger.suppressions;
      return await runOnStore(sub, store, {
        ctx,
        args,
        list: values.list === undefined ? undefined : list,
        how,
        note: values.note,
        json: values.json,
      });
    } finally {
      ledger.close();
    }
  },
};

interface SubcommandInput {
  ctx: CommandContext;
  args: string[];
  /** The --list value, undefined when not given. */
  list: string | undefined;
  how: SuppressionHow;
  note: string | undefined;
  json: boolean | undefined;
}

async function runOnStore(sub: Subcommand, store: SuppressionStore | null, input: SubcommandInput) {
  const { ctx, args } = input;
  const at = new Date().toISOString();
  switch (sub) {
    case "add": {
      const addresses = parseAddresses(args, "add");
      const added = (store as SuppressionStore).addMany(
        addresses.map((address) => ({
          address,
          list: input.list ?? ALL_LISTS,
          how: input.how,
          at,
          note: input.note ?? null,
        })),
      );
      ctx.stdout.write(
        `suppressed ${added} of ${addresses.length} addresses for ${describeList(input.list)}${added < addresses.length ? ` (${addresses.length - added} already were)` : ""}\n`,
      );
      return EXIT.OK;
    }
    case "remove": {
      const addresses = parseAddresses(args, "remove");
      let removed = 0;
      for (const address of addresses) removed += (store as SuppressionStore).remove(address, input.list);
      ctx.stdout.write(
        `removed ${removed} entries for ${addresses.length} addresses (${describeList(input.list)})\n`,
      );
      return EXIT.OK;
    }
    case "list": {
      noArgs(args, "list");
      const entries = store?.list(input.list) ?? [];
      if (input.json) {
        ctx.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return EXIT.OK;
      }
      ctx.stdout.write(formatSuppressionTable(entries));
      return EXIT.OK;
    }
    case "import": {
      const [file, extra] = args;
      if (file === undefined || extra !== undefined) {
        throw new DigestError(
          "E_USAGE",
          "digest suppress import: name exactly one CSV file (or - for stdin)",
        );
      }
      const result = await importCsv(file, ctx, { list: input.list, how: input.how, at });
      const added = (store as SuppressionStore).addMany(result.entries);
      ctx.stdout.write(
        `imported ${added} suppressions from ${file}${result.entries.length > added ? ` (${result.entries.length - added} already suppressed)` : ""}${result.invalid > 0 ? `, ${result.invalid} invalid rows skipped` : ""}\n`,
      );
      return EXIT.OK;
    }
    case "export": {
      const [file, extra] = args;
      if (extra !== undefined)
        throw new DigestError("E_USAGE", "digest suppress export: name at most one file");
      const csv = formatSuppressionCsv(store?.list(input.list) ?? []);
      if (file === undefined || file === "-") ctx.stdout.write(csv);
      else {
        await writeFile(resolve(ctx.cwd, file), csv, "utf8");
        ctx.stderr.write(`wrote ${file}\n`);
      }
      return EXIT.OK;
    }
  }
}

/**
 * The entries as CSV with a header row; a field that a spreadsheet would run as a formula
 * (leading = + - @) is prefixed with an apostrophe, and fields with commas or quotes are quoted.
 *
 * @example
 * formatSuppressionCsv([{ address: "a@x.de", list: "*", how: "manual", at: "2026-11-26T06:30:00.000Z", source: null, note: null }]);
 * // "email,list,how,at,source,note\r\na@x.de,*,manual,2026-11-26T06:30:00.000Z,,\r\n"
 */
export function formatSuppressionCsv(entries: readonly Suppression[]): string {
  const rows = [["email", "list", "how", "at", "source", "note"]];
  for (const e of entries) rows.push([e.address, e.list, e.how, e.at, e.source ?? "", csvSafe(e.note ?? "")]);
  return `${rows.map((row) => row.map(quoteCsv).join(",")).join("\r\n")}\r\n`;
}

/**
 * The entries as an aligned table with a count line.
 *
 * @example
 * formatSuppressionTable(store.list()); // "ADDRESS  LIST  HOW  AT  NOTE\n…\n3 suppressed (2 one-click, 1 bounce)\n"
 */
export function formatSuppressionTable(entries: readonly Suppression[]): string {
  if (entries.length === 0) return "the suppression list is empty\n";
  const header = ["ADDRESS", "LIST", "HOW", "AT", "NOTE"];
  const rows = entries.map((e) => [
    e.address,
    e.list,
    e.how,
    e.at.slice(0, 19).replace("T", " "),
    e.note ?? "",
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const byHow = SUPPRESSION_HOWS.map((how) => [how, entries.filter((e) => e.how === how).length] as const)
    .filter(([, n]) => n > 0)
    .map(([how, n]) => `${n} ${how}`);
  return `${[header, ...rows].map(line).join("\n")}\n${entries.length} suppressed (${byHow.join(", ")})\n`;
}

async function importCsv(
  file: string,
  ctx: CommandContext,
  defaults: { list: string | undefined; how: SuppressionHow; at: string },
): Promise<{ entries: NewSuppression[]; invalid: number }> {
  const entries: NewSuppression[] = [];
  let invalid = 0;
  let header: { delimiter: string; columns: string[] } | null = null;
  let pending = "";
  let startLine = 0;
  const problem = (line: number, text: string) => {
    invalid += 1;
    if (invalid <= MAX_LOGGED_PROBLEMS) ctx.logger.warn(`${file}:${line}: skipped - ${text}`);
  };
  for await (const { line, number } of readLines(file, ctx.stdin, ctx.cwd)) {
    if (header === null) {
      if (line.trim() === "") continue;
      const parsed = parseCsvHeader(line);
      if (!parsed.ok) {
        throw new DigestError("E_INPUT", `could not import ${file}:${number} - ${parsed.problem}`, {
          where: file,
        });
      }
      header = { delimiter: parsed.delimiter, columns: parsed.columns };
      continue;
    }
    if (pending === "") startLine = number;
    const text = pending === "" ? line : `${pending}\n${line}`;
    const fields = splitCsvRecord(text, header.delimiter);
    if (fields === null) {
      pending = text;
      continue;
    }
    pending = "";
    if (fields.every((field) => field === "")) continue;
    const row = rowOf(header.columns, fields);
    const entry = toEntry(row, defaults);
    if (typeof entry === "string") problem(startLine, entry);
    else entries.push(entry);
  }
  if (header === null) {
    throw new DigestError(
      "E_INPUT",
      `could not import ${file} - the file is empty; expected a header row with "email"`,
      {
        where: file,
      },
    );
  }
  if (pending !== "") problem(startLine, "a quoted field is never closed");
  if (invalid > MAX_LOGGED_PROBLEMS) {
    ctx.logger.warn(
      `${file}: ${invalid - MAX_LOGGED_PROBLEMS} more invalid rows skipped (${invalid} in all)`,
    );
  }
  return { entries, invalid };
}

function rowOf(columns: readonly string[], fields: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  columns.forEach((column, index) => {
    const key = column === "email" ? "email" : COLUMN_ALIASES[column.replace(/[\s-]+/g, "_")];
    if (key !== undefined && row[key] === undefined) row[key] = fields[index] ?? "";
  });
  return row;
}

function toEntry(
  row: Record<string, string>,
  defaults: { list: string | undefined; how: SuppressionHow; at: string },
): NewSuppression | string {
  const address = normalizeEmail(row.email ?? "");
  const invalid = explainInvalidEmail(address);
  if (invalid !== null) return invalid;
  const list = defaults.list ?? (row.list ? row.list : ALL_LISTS);
  if (list !== ALL_LISTS && !LIST_NAME.test(list)) return `the list name "${list}" is not a list name`;
  const how = row.how
    ? (SUPPRESSION_HOWS as readonly string[]).find((h) => h === row.how?.toLowerCase())
    : defaults.how;
  if (how === undefined) return `how "${row.how}" is not one of ${SUPPRESSION_HOWS.join(", ")}`;
  let at = defaults.at;
  if (row.at) {
    const stamp = new Date(row.at);
    if (Number.isNaN(stamp.getTime()))
      return `the time "${row.at}" is not a date (expected e.g. 2026-11-26T06:30:00Z)`;
    at = stamp.toISOString();
  }
  return { address, list, how: how as SuppressionHow, at, note: row.note ? row.note : null };
}

function parseAddresses(args: readonly string[], sub: string): string[] {
  if (args.length === 0)
    throw new DigestError("E_USAGE", `digest suppress ${sub}: name at least one address`);
  return args.map((arg) => {
    const address = normalizeEmail(arg);
    const problem = explainInvalidEmail(address);
    if (problem !== null) {
      throw new DigestError(
        "E_USAGE",
        `digest suppress ${sub}: ${problem.replace(/[^\x20-\x7e\u00a0-\u024f]/g, "?")}`,
      );
    }
    return address;
  });
}

function parseList(value: string | undefined): string {
  return value === undefined ? ALL_LISTS : parseListName(value, { allowAll: true });
}

function parseHow(value: string | undefined): SuppressionHow {
  if (value === undefined) return "manual";
  if (value === "manual" || value === "complaint" || value === "bounce") return value;
  throw new DigestError("E_USAGE", `--how ${JSON.stringify(value)} is not one of manual, complaint, bounce`);
}

function noArgs(args: readonly string[], sub: string): void {
  if (args.length > 0) throw new DigestError("E_USAGE", `digest suppress ${sub}: takes no arguments`);
}

function describeList(list: string | undefined): string {
  return list === undefined || list === ALL_LISTS ? "every list" : `list ${list}`;
}

function isSubcommand(value: string | undefined): value is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(value ?? "");
}

function quoteCsv(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function csvSafe(field: string): string {
  return /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}
