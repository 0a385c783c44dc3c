import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { DigestError } from "../errors.js";
import {
  parseCsvHeader,
  parseCsvRecipient,
  parseJsonRecipient,
  type Recipient,
  splitCsvRecord,
} from "./parse-recipient.js";

/** A recipient with the (1-based) line its row starts on. */
export interface RecipientRow extends Recipient {
  line: number;
}

/** A skipped row: where and why. */
export interface RecipientProblem {
  line: number;
  problem: string;
}

/** Format of a recipients file. */
export type RecipientsFormat = "csv" | "jsonl";

/** A quoted CSV field may span lines, but not without end: a stray quote would swallow the file. */
const MAX_RECORD_LINES = 50;

/**
 * Streams the recipients of a CSV (header row, `email[,name][,…]`) or JSON Lines file, one row at
 * a time, so a list of a million rows never sits in memory. Invalid rows are handed to
 * `onProblem` with their line number and skipped; duplicates are NOT collapsed here (the ledger's
 * primary key does that, exactly and without holding the list in memory).
 *
 * @throws DigestError E_INPUT when the file is missing or unreadable, or the CSV header has no email column.
 * @example
 * for await (const r of readRecipients("subscribers.csv", { onProblem: (p) => log.warn(`line ${p.line}: ${p.problem}`) })) {
 *   console.log(r.line, r.email);
 * }
 */
export async function* readRecipients(
  file: string,
  options: { onProblem?: (problem: RecipientProblem) => void; format?: RecipientsFormat } = {},
): AsyncGenerator<RecipientRow> {
  await assertReadableFile(file);
  const format = options.format ?? formatOf(file);
  const onProblem = options.onProblem ?? (() => {});
  const lines = readLines(file);
  let lineNumber = 0;
  try {
    if (format === "jsonl") {
      for await (const line of lines) {
        lineNumber += 1;
        if (line.trim() === "" || (lineNumber === 1 && line.replace(/^\uFEFF/, "").trim() === "")) continue;
        const parsed = parseJsonRecipient(line.replace(/^\uFEFF/, ""));
        if (parsed.ok) yield { ...parsed.recipient, line: lineNumber };
        else onProblem({ line: lineNumber, problem: parsed.problem });
      }
      return;
    }
    let header: { delimiter: string; columns: string[] } | null = null;
    let pending = "";
    let startLine = 0;
    for await (const line of lines) {
      lineNumber += 1;
      if (pending === "") {
        if (line.trim() === "") continue;
        startLine = lineNumber;
        pending = line;
      } else {
        pending = `${pending}\n${line}`;
      }
      if (header === null) {
        const parsedHeader = parseCsvHeader(pending);
        pending = "";
        if (!parsedHeader.ok) {
          throw new DigestError(
            "E_INPUT",
            `could not read recipients ${file} - line ${startLine}: ${parsedHeader.problem}`,
            {
              where: `${file}:${startLine}`,
            },
          );
        }
        header = parsedHeader;
        continue;
      }
      const values = splitCsvRecord(pending, header.delimiter);
      if (values === null) {
        if (lineNumber - startLine + 1 < MAX_RECORD_LINES) continue;
        onProblem({
          line: startLine,
          problem: `a quoted field is never closed (no matching " within ${MAX_RECORD_LINES} lines)`,
        });
        pending = "";
        continue;
      }
      pending = "";
      const parsed = parseCsvRecipient(header.columns, values);
      if (parsed.ok) yield { ...parsed.recipient, line: startLine };
      else onProblem({ line: startLine, problem: parsed.problem });
    }
    if (pending !== "") onProblem({ line: startLine, problem: 'a quoted field is never closed (missing ")' });
    if (header === null) {
      throw new DigestError(
        "E_INPUT",
        `could not read recipients ${file} - the file is empty. Expected a header row "email,name" and one row per recipient`,
        {
          where: file,
        },
      );
    }
  } finally {
    await lines.return(undefined);
  }
}

/**
 * The file's lines (without CR LF / LF), read with backpressure: the next chunk is read only when
 * the consumer has taken the lines of the last one. (readline's async iterator queues every line
 * the stream delivers, which for a million-row list can hold most of the file in memory.)
 */
async function* readLines(file: string): AsyncGenerator<string, void, undefined> {
  let rest = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 64 * 1024 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== "") yield rest.endsWith("\r") ? rest.slice(0, -1) : rest;
}

/**
 * The format of a recipients file by its extension: `.jsonl`/`.ndjson` are JSON Lines, anything
 * else is CSV.
 *
 * @example
 * formatOf("list.jsonl"); // "jsonl"
 */
export function formatOf(file: string): RecipientsFormat {
  const extension = extname(file).toLowerCase();
  return extension === ".jsonl" || extension === ".ndjson" ? "jsonl" : "csv";
}

async function assertReadableFile(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error("it is not a file");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "the file does not exist"
        : (error as Error).message;
    throw new DigestError(
      "E_INPUT",
      `could not read recipients ${file} - ${reason}. Pass --recipients FILE (CSV with an email column, or JSON Lines)`,
      {
        where: file,
        cause: error,
      },
    );
  }
}
