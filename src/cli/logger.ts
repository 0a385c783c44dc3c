import type { Writable } from "node:stream";
import { escapeControlChars } from "../unsafe-chars.js";

/** Log levels in increasing order of importance. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** A small logger that adapts to a terminal (plain, friendly) or to cron/CI (timestamped lines). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** True when writing to an interactive terminal (progress bars allowed). */
  readonly isTTY: boolean;
}

export interface LoggerOptions {
  stream: Writable & { isTTY?: boolean };
  level?: LogLevel;
  /** Prefix each line with an ISO timestamp (default: when not a terminal). */
  timestamps?: boolean;
  /** Injected clock for the timestamps. */
  now?: () => Date;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * Creates a logger writing to `stream` (normally stderr, so stdout stays clean for JSON).
 *
 * @example
 * const log = createLogger({ stream: process.stderr, level: "info" });
 * log.warn("skipped seeds/broken.txt - the file is empty");
 */
export function createLogger(options: LoggerOptions): Logger {
  const minimum = ORDER[options.level ?? "info"];
  const isTTY = options.stream.isTTY === true;
  const timestamps = options.timestamps ?? !isTTY;
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel, message: string): void => {
    if (ORDER[level] < minimum) return;
    const tag = level === "info" ? "" : `${level}: `;
    const stamp = timestamps ? `${now().toISOString()} ` : "";
    // Values from untrusted input are quoted where they are logged (quoteLogValue); this is the
    // net under that: no terminal escape or stray CR ever reaches the terminal or the log file.
    options.stream.write(`${stamp}${tag}${escapeControlChars(message)}\n`);
  };
  return {
    debug: (m) => write("debug", m),
    info: (m) => write("info", m),
    warn: (m) => write("warn", m),
    error: (m) => write("error", m),
    isTTY,
  };
}
