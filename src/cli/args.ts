import { type ParseArgsConfig, parseArgs } from "node:util";
import { DigestError } from "../errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Flags every command understands. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  debug: { type: "boolean" },
  config: { type: "string" },
} as const satisfies Options;

/** Flags that choose the edition's inputs: shared by preview, build, check, send and schedule. */
export const INPUT_OPTIONS = {
  input: { type: "string", short: "i", multiple: true },
  date: { type: "string" },
  section: { type: "string" },
} as const satisfies Options;

/** Help text lines for INPUT_OPTIONS and COMMON_OPTIONS, to include in a command's help. */
export const INPUT_HELP = `  -i, --input PATH     article file, folder or URL; repeatable (default: config "inputs", i.e. seeds/)
  --date YYYY-MM-DD    edition date (default: today in the configured time zone)
  --section NAME       section the edition is made of (default: config "section", i.e. Politik)`;
export const COMMON_HELP = `  --config FILE        configuration file (default: ./digest.config.json when present)
  --debug              print stack traces with errors
  -h, --help           show this help`;

/** The values of parsed flags, typed from their option specs (`node:util` does not export its own). */
export interface ParsedCommandArgs<T extends Options> {
  values: {
    [K in keyof T]?: T[K] extends { type: "boolean" }
      ? boolean
      : T[K] extends { multiple: true }
        ? string[]
        : string;
  };
  positionals: string[];
}

/**
 * Parses a command's arguments strictly; unknown flags and missing values become E_USAGE errors.
 *
 * @example
 * const { values, positionals } = parseCommandArgs("preview", argv, { ...COMMON_OPTIONS, out: { type: "string" } });
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  argv: string[],
  options: T,
  allowPositionals = false,
): ParsedCommandArgs<T> {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true }) as ParsedCommandArgs<T>;
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, " ").trim();
    throw new DigestError("E_USAGE", `digest ${command}: ${reason} - see 'digest ${command} --help'`, {
      cause: error,
    });
  }
}

/**
 * Validates `--date`: a real calendar date in YYYY-MM-DD form.
 *
 * @example
 * parseDateFlag("2026-11-26"); // "2026-11-26"
 */
export function parseDateFlag(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new DigestError(
      "E_USAGE",
      `--date ${value} is not a valid date - expected YYYY-MM-DD, e.g. 2026-11-26`,
    );
  }
  return value;
}
