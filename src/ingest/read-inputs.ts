/**
 * Files, folders and URLs → articles. The only I/O of the ingest stage besides the URL reader.
 *
 * Rules: an explicit path that does not exist is an error; a folder contributes every supported
 * file inside it (sorted, hidden files skipped, sub-folders up to MAX_FOLDER_DEPTH); an unusable
 * input (empty, binary, too large, unparseable) is a warning naming it and is skipped; only when
 * no input yields an article is it an error (E_INPUT, exit 2), and then no warnings are reported.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { DigestError, isDigestError } from "../errors.js";
import type { Article } from "../types.js";
import { charsetFromContentType } from "./decode-bytes.js";
import { INPUT_FORMATS, type InputFormat, isSupportedFileName } from "./formats.js";
import { parseInputBytes } from "./parse-input-bytes.js";
import { readUrlInput } from "./read-url.js";
import { isUrlInput, type UrlReader } from "./url-reader.js";

/** The default size cap of one input (config `limits.inputBytes`). */
export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Files read at the same time: enough to hide disk latency, few enough to stay far from fd limits. */
const READ_CONCURRENCY = 16;
/** How deep folders are searched: the folder itself plus two levels ("in/feeds/2024/"). */
export const MAX_FOLDER_DEPTH = 3;

export interface ReadInputsOptions {
  /** Inputs larger than this are refused (config `limits.inputBytes`, default 5 MB). */
  maxBytes: number;
  /** Relative paths are resolved against this folder. */
  cwd: string;
  /** Called once per skipped input, with the same message that lands in `warnings`. */
  onWarning?: ((message: string) => void) | undefined;
  /** Supplies the year for dates printed without one (ticker entries). */
  referenceDate?: Date | undefined;
  /** The state folder, handed to the URL reader for its conditional-GET cache. */
  stateDir?: string | undefined;
  /** Formats to read; default INPUT_FORMATS. */
  formats?: readonly InputFormat[] | undefined;
  /** The URL reader; default readUrlInput. */
  readUrl?: UrlReader | undefined;
  /** Aborts URL downloads in flight (the command's SIGTERM/SIGINT). */
  signal?: AbortSignal | undefined;
}

export interface ReadInputsResult {
  articles: Article[];
  /** One line per skipped input, naming it and the reason. */
  warnings: string[];
}

/**
 * Reads every input into articles.
 *
 * @throws DigestError E_INPUT when an explicit path does not exist, or when no input is usable
 * (with a single input, its own error; with several, a summary naming each).
 * @example
 * const { articles, warnings } = await readInputs(["seeds/"], { maxBytes: DEFAULT_MAX_INPUT_BYTES, cwd: process.cwd() });
 */
export async function readInputs(
  inputs: readonly string[],
  options: ReadInputsOptions,
): Promise<ReadInputsResult> {
  if (inputs.length === 0) {
    throw new DigestError("E_INPUT", "no input given - pass at least one file, folder or URL.", {});
  }
  const formats = options.formats ?? INPUT_FORMATS;
  const tasks = await planReads(inputs, options, formats);
  // Reads run in parallel (I/O bound); results are taken in input order, so output is stable.
  const outcomes = await mapConcurrently(tasks, READ_CONCURRENCY, async (task) => {
    if (task.read === null) return { task, articles: [] };
    try {
      return { task, articles: await task.read() };
    } catch (error) {
      if (!isDigestError(error, "E_INPUT")) throw error;
      return { task, error };
    }
  });

  const articles: Article[] = [];
  const warnings: string[] = [];
  const failures: DigestError[] = [];
  const skip = (error: DigestError): void => {
    failures.push(error);
    warnings.push(`skipped ${error.message.replace(/^could not read /, "")}`);
  };
  for (const outcome of outcomes) {
    const { task } = outcome;
    if (task.read === null) {
      warnings.push(task.warning);
    } else if ("error" in outcome) {
      skip(outcome.error);
    } else if (outcome.articles.length === 0) {
      skip(
        new DigestError("E_INPUT", `could not read ${task.source} - it holds no articles.`, {
          where: task.source,
        }),
      );
    } else {
      articles.push(...outcome.articles);
    }
  }
  const candidates = tasks.filter((task) => task.read !== null).length;

  if (articles.length === 0) {
    const only = failures.length === 1 && candidates === 1 ? failures[0] : undefined;
    if (only) throw only;
    const detail =
      failures.length > 0
        ? failures
            .map((failure) =>
              failure.message
                .replace(/^could not read /, "")
                .replace(" - ", ": ")
                .replace(/\. Expected .*$/, ""),
            )
            .join("; ")
        : `no supported files found (${supportedList(formats)})`;
    throw new DigestError(
      "E_INPUT",
      `could not read any article from ${inputs.join(", ")} - ${detail}. Expected articles as text, JSON, HTML or feeds.`,
      { where: inputs.join(", ") },
    );
  }
  // Reported only now: when nothing is usable, the one error above says it all.
  for (const warning of warnings) options.onWarning?.(warning);
  return { articles, warnings };
}

/** One planned read, or a warning that takes its place in the output order. */
type ReadTask =
  | { source: string; read: () => Promise<Article[]> }
  | { source: string; read: null; warning: string };

/**
 * Resolves inputs to the reads to do, in order: URLs as given, files, folders expanded. A path
 * that does not exist fails here, before anything is read.
 */
async function planReads(
  inputs: readonly string[],
  options: ReadInputsOptions,
  formats: readonly InputFormat[],
): Promise<ReadTask[]> {
  const tasks: ReadTask[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if (isUrlInput(input)) {
      if (seen.has(input)) continue;
      seen.add(input);
      tasks.push({ source: input, read: () => readOneUrl(input, options, formats) });
      continue;
    }
    const absolute = isAbsolute(input) ? input : resolve(options.cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      const why =
        error.code === "ENOENT"
          ? "no such file or folder"
          : `it cannot be opened (${error.code ?? error.message})`;
      throw new DigestError(
        "E_INPUT",
        `could not read ${input} - ${why}. Check the path and the current folder.`,
        {
          where: input,
          cause: error,
        },
      );
    });
    if (info.isDirectory()) {
      const files = await listFolder(absolute, input, formats, 1);
      if (files.length === 0) {
        const warning = `skipped ${input} - the folder holds no supported files (${supportedList(formats)}).`;
        tasks.push({ source: input, read: null, warning });
      }
      for (const file of files) {
        if (seen.has(file.absolute)) continue;
        seen.add(file.absolute);
        tasks.push({
          source: file.source,
          read: () => readOneFile(file.absolute, file.source, options, formats),
        });
      }
    } else if (!seen.has(absolute)) {
      seen.add(absolute);
      tasks.push({ source: input, read: () => readOneFile(absolute, input, options, formats) });
    }
  }
  return tasks;
}

/** Like Promise.all over `items.map(run)`, with at most `limit` runs in flight. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface FolderEntry {
  absolute: string;
  /** The path as the user would write it: the given folder joined with the relative name. */
  source: string;
}

async function listFolder(
  absolute: string,
  given: string,
  formats: readonly InputFormat[],
  depth: number,
): Promise<FolderEntry[]> {
  const entries = await readdir(absolute, { withFileTypes: true });
  const sorted = entries
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: FolderEntry[] = [];
  for (const entry of sorted) {
    const entryAbsolute = join(absolute, entry.name);
    const entrySource = join(given, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_FOLDER_DEPTH)
        files.push(...(await listFolder(entryAbsolute, entrySource, formats, depth + 1)));
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isSupportedFileName(entry.name, formats)) {
      files.push({ absolute: entryAbsolute, source: entrySource });
    }
  }
  return files;
}

async function readOneFile(
  absolute: string,
  source: string,
  options: ReadInputsOptions,
  formats: readonly InputFormat[],
): Promise<Article[]> {
  const info = await stat(absolute);
  if (!info.isFile()) {
    throw new DigestError("E_INPUT", `could not read ${source} - it is not a regular file.`, {
      where: source,
    });
  }
  if (info.size > options.maxBytes) throw tooLarge(source, info.size, options.maxBytes);
  const bytes = await readFile(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new DigestError(
      "E_INPUT",
      `could not read ${source} - ${error.code ?? error.message}. Check the file's permissions.`,
      {
        where: source,
        cause: error,
      },
    );
  });
  return parseInputBytes(bytes, { source, referenceDate: options.referenceDate, formats });
}

async function readOneUrl(
  url: string,
  options: ReadInputsOptions,
  formats: readonly InputFormat[],
): Promise<Article[]> {
  const readUrl = options.readUrl ?? readUrlInput;
  const fetched = await readUrl(url, {
    maxBytes: options.maxBytes,
    stateDir: options.stateDir,
    onWarning: options.onWarning,
    signal: options.signal,
  });
  if (fetched.bytes.length > options.maxBytes) throw tooLarge(url, fetched.bytes.length, options.maxBytes);
  return parseInputBytes(fetched.bytes, {
    source: fetched.url,
    name: new URL(fetched.url).pathname,
    contentType: fetched.contentType,
    charset: charsetFromContentType(fetched.contentType),
    referenceDate: options.referenceDate,
    formats,
  });
}

function tooLarge(source: string, size: number, maxBytes: number): DigestError {
  return new DigestError(
    "E_INPUT",
    `could not read ${source} - it is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} input limit. Split it, or raise limits.inputBytes in digest.config.json.`,
    { where: source },
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${bytes} bytes`;
}

function supportedList(formats: readonly InputFormat[]): string {
  return formats.flatMap((format) => format.extensions.map((extension) => `.${extension}`)).join(", ");
}
