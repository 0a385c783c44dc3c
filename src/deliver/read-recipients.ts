import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import iconv from "iconv-lite";
import { DigestError } from "../errors.js";
import { type SniffedEncoding, sniffEncoding } from "../ingest/index.js";
import { quoteLogValue } from "../unsafe-chars.js";
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

export interface RecipientReadOptions {
  /** A skipped row: its line and why. */
  onProblem?: (problem: RecipientProblem) => void;
  /** A guess was made: the file is not UTF-8 and its encoding was detected from its bytes. */
  onWarning?: (message: string) => void;
  format?: RecipientsFormat;
}

/** Format of a recipients file. */
export type RecipientsFormat = "csv" | "jsonl";

/** A quoted CSV field may span lines, but not without end: a stray quote would swallow the file. */
const MAX_RECORD_LINES = 50;

/**
 * Streams the recipients of a CSV (header row, `email[,name][,…]`) or JSON Lines file, one row at
 * a time, decoded as articles are (BOM, UTF-16, UTF-8, else Windows-1252 as German spreadsheets
 * save it; `onWarning` hears when the encoding was a guess), so a list of a million rows never sits in memory. Invalid rows are handed to
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
  options: RecipientReadOptions = {},
): AsyncGenerator<RecipientRow> {
  for await (const batch of readRecipientBatches(file, options)) yield* batch;
}

/**
 * Like `readRecipients`, but yields the rows of each chunk of the file (64 KB) as one array: a
 * million-row list then costs a few thousand async steps instead of a million, which keeps the
 * import fast and its garbage short-lived.
 *
 * @example
 * for await (const rows of readRecipientBatches("subscribers.csv")) ledger.addRecipients(key, rows);
 */
export async function* readRecipientBatches(
  file: string,
  options: RecipientReadOptions = {},
): AsyncGenerator<RecipientRow[]> {
  await assertReadableFile(file);
  const format = options.format ?? formatOf(file);
  const onProblem = options.onProblem ?? (() => {});
  let lineNumber = 0;
  let header: { delimiter: string; columns: string[] } | null = null;
  let pending = "";
  let startLine = 0;
  const readLine = (line: string, out: RecipientRow[]): void => {
    lineNumber += 1;
    if (format === "jsonl") {
      const text = lineNumber === 1 ? line.replace(/^\uFEFF/, "") : line;
      if (text.trim() === "") return;
      const parsed = parseJsonRecipient(text);
      if (parsed.ok) out.push(toRow(parsed.recipient, lineNumber));
      else onProblem({ line: lineNumber, problem: parsed.problem });
      return;
    }
    if (pending === "") {
      if (line.trim() === "") return;
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
      return;
    }
    const values = splitCsvRecord(pending, header.delimiter);
    if (values === null) {
      if (lineNumber - startLine + 1 < MAX_RECORD_LINES) return;
      onProblem({
        line: startLine,
        problem: `a quoted field is never closed (no matching " within ${MAX_RECORD_LINES} lines)`,
      });
      pending = "";
      return;
    }
    pending = "";
    const parsed = parseCsvRecipient(header.columns, values);
    if (parsed.ok) out.push(toRow(parsed.recipient, startLine));
    else onProblem({ line: startLine, problem: parsed.problem });
  };
  for await (const lines of readLineBatches(file, options.onWarning ?? (() => {}))) {
    const out: RecipientRow[] = [];
    for (const line of lines) readLine(line, out);
    if (out.length > 0) yield out;
  }
  if (format === "jsonl") return;
  if (pending !== "") onProblem({ line: startLine, problem: 'a quoted field is never closed (missing ")' });
  if (header === null) {
    throw new DigestError(
      "E_INPUT",
      `could not read recipients ${file} - the file is empty. Expected a header row "email,name" and one row per recipient`,
      { where: file },
    );
  }
}

/** Bytes read from the recipients file at a time: one chunk, one array of lines. */
const READ_CHUNK_BYTES = 64 * 1024;

/**
 * The file's lines (without CR LF / LF), one array per chunk read, with backpressure: the next
 * chunk is read only when the consumer has taken the last one. A plain read loop into one reused
 * buffer rather than a ReadStream: readline's async iterator queues every line the stream
 * delivers (for a million-row list most of the file), and a stream's internal buffer list and
 * promise chain are more long-lived objects for V8 to promote while the import runs.
 */
async function* readLineBatches(
  file: string,
  onWarning: (message: string) => void,
): AsyncGenerator<string[], void, undefined> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let decoder: ChunkDecoder | null = null;
    let warnedReplacement = false;
    let rest = "";
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      let bytes = buffer.subarray(0, bytesRead);
      if (decoder === null) {
        const sniffed = sniffEncoding(bytes, bytesRead < READ_CHUNK_BYTES);
        decoder = createChunkDecoder(sniffed.encoding);
        bytes = bytes.subarray(sniffed.bomLength);
        if (sniffed.decidedBy === "detected" && sniffed.encoding !== "utf-8") {
          onWarning(
            `${quoteLogValue(file)} is not UTF-8 - read it as ${sniffed.encoding} (a guess from its bytes); check the names in the first messages, or save the list as UTF-8`,
          );
        }
      }
      const decoded = decoder.write(bytes);
      if (!warnedReplacement && decoded.includes("\uFFFD")) {
        warnedReplacement = true;
        onWarning(
          `${quoteLogValue(file)} has bytes that are not valid ${decoder.encoding} - they show as U+FFFD (\u{FFFD}); save the list as UTF-8`,
        );
      }
      const text = rest + decoded;
      const lines: string[] = [];
      let start = 0;
      for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
        lines.push(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
        start = end + 1;
      }
      rest = text.slice(start);
      if (lines.length > 0) yield lines;
    }
    rest += decoder?.end() ?? "";
    if (rest !== "") yield [rest.endsWith("\r") ? rest.slice(0, -1) : rest];
  } finally {
    await handle.close();
  }
}

interface ChunkDecoder {
  encoding: string;
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * A streaming decoder: a character split across two 64 KB chunks (UTF-8 sequence, UTF-16 unit)
 * is decoded whole. UTF-8 through node's StringDecoder (fast path for the common case), the
 * others through iconv-lite, as articles are.
 */
function createChunkDecoder(encoding: SniffedEncoding["encoding"]): ChunkDecoder {
  if (encoding === "utf-8") {
    const utf8 = new StringDecoder("utf8");
    return { encoding, write: (bytes) => utf8.write(bytes), end: () => utf8.end() };
  }
  const other = iconv.getDecoder(encoding);
  return { encoding, write: (bytes) => other.write(bytes), end: () => other.end() ?? "" };
}

/**
 * A row as a plain object literal. Not `{ ...recipient, line }`: on Node 20 (V8 11.3) objects made
 * by object spread survive young-generation GCs although they die at once; at a million rows that
 * promoted garbage is what made the dry run's old space (and RSS) grow by hundreds of MB.
 */
function toRow(recipient: Recipient, line: number): RecipientRow {
  return { email: recipient.email, name: recipient.name, fields: recipient.fields, line };
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
