import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { z } from "zod";
import { DigestError } from "../errors.js";
import { quoteLogValue } from "../unsafe-chars.js";
import { deriveWebLinks } from "./derive-web-links.js";
import { type Config, ConfigSchema } from "./schema.js";

/** The file looked for in the working directory when no `--config` is given. */
export const DEFAULT_CONFIG_FILE = "digest.config.json";

export interface LoadConfigOptions {
  /** `--config FILE`; when absent, `digest.config.json` in `cwd` is used if it exists. */
  file?: string | undefined;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Values from command-line flags: they win over environment, file and defaults. */
  overrides?: ConfigOverrides;
}

/** The config values a command-line flag can set. */
export interface ConfigOverrides {
  section?: string | undefined;
  timeZone?: string | undefined;
  inputs?: string[] | undefined;
  previewDir?: string | undefined;
  stateDir?: string | undefined;
  outboxDir?: string | undefined;
  transport?: "outbox" | "smtp" | undefined;
}

/** A loaded configuration and the file it came from (null when defaults only). */
export interface LoadedConfig {
  config: Config;
  file: string | null;
}

/**
 * Loads the configuration: defaults < `digest.config.json` < environment < flags. Every problem is
 * reported at once, naming the file and key.
 *
 * Environment: `DIGEST_SECTION`, `DIGEST_TIME_ZONE`, `DIGEST_STATE_DIR`, `DIGEST_OUTBOX_DIR`,
 * `DIGEST_TRANSPORT`. Secrets (`DIGEST_SMTP_URL`, `DIGEST_UNSUBSCRIBE_SECRET`) are not config: the
 * delivery stage reads them from the environment itself.
 *
 * @example
 * const { config } = loadConfig({ cwd: process.cwd(), overrides: { section: "Politik" } });
 */
export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const env = options.env ?? {};
  const explicit = options.file !== undefined;
  const file = resolve(options.cwd, options.file ?? DEFAULT_CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  let source: string | null = null;
  if (existsSync(file)) {
    raw = parseConfigFile(file);
    source = file;
  } else if (explicit) {
    throw new DigestError("E_CONFIG", `could not read config ${options.file} - the file does not exist`, {
      where: options.file,
    });
  }
  const merged = applyOverrides(raw, fromEnvironment(env));
  const withFlags = applyOverrides(merged, options.overrides ?? {});
  return { config: parseConfig(withFlags, options.file ?? DEFAULT_CONFIG_FILE), file: source };
}

/**
 * Validates a config object, reporting every problem with its key path.
 *
 * @example
 * parseConfig({ section: "Politik" }, "digest.config.json").timeZone; // "Europe/Berlin"
 */
export function parseConfig(input: unknown, where = "config"): Config {
  const result = ConfigSchema.safeParse(input);
  if (result.success) return deriveWebLinks(result.data);
  throw new DigestError("E_CONFIG", `invalid config ${where} - ${formatIssues(result.error.issues)}`, {
    where,
  });
}

/**
 * Formats zod issues as `key.path: message; …` for a one-line error. Every unknown key is named
 * with its full path (`delivery.transprot: unknown key`), so a typo is never silently ignored.
 * Keys are the user's text: one that holds control characters is quoted and escaped.
 *
 * @example
 * formatIssues(ConfigSchema.safeParse({ delivery: { transprot: "smtp" } }).error!.issues);
 * // "delivery.transprot: unknown key - remove it or check its spelling"
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .flatMap((issue) => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map(
          (key) => `${formatPath([...issue.path, key])}: unknown key - remove it or check its spelling`,
        );
      }
      const path = formatPath(issue.path);
      return [path ? `${path}: ${issue.message}` : issue.message];
    })
    .join("; ");
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => {
      const key = String(part);
      return /^[\w$-]+$/.test(key) ? key : quoteLogValue(key);
    })
    .join(".");
}

function parseConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new DigestError("E_CONFIG", `could not read config ${file} - ${(error as Error).message}`, {
      where: file,
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new DigestError(
      "E_CONFIG",
      `could not read config ${file} - not valid JSON: ${(error as Error).message}`,
      {
        where: file,
        cause: error,
      },
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new DigestError("E_CONFIG", `could not read config ${file} - expected a JSON object`, {
      where: file,
    });
  }
  return value as Record<string, unknown>;
}

function fromEnvironment(env: NodeJS.ProcessEnv): ConfigOverrides {
  const transport = env.DIGEST_TRANSPORT;
  return {
    section: env.DIGEST_SECTION || undefined,
    timeZone: env.DIGEST_TIME_ZONE || undefined,
    stateDir: env.DIGEST_STATE_DIR || undefined,
    outboxDir: env.DIGEST_OUTBOX_DIR || undefined,
    transport: transport === "smtp" || transport === "outbox" ? transport : undefined,
  };
}

function applyOverrides(raw: Record<string, unknown>, o: ConfigOverrides): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  if (o.section !== undefined) out.section = o.section;
  if (o.timeZone !== undefined) out.timeZone = o.timeZone;
  if (o.inputs !== undefined && o.inputs.length > 0) out.inputs = o.inputs;
  if (o.previewDir !== undefined) out.previewDir = o.previewDir;
  const delivery = { ...((raw.delivery as Record<string, unknown> | undefined) ?? {}) };
  if (o.stateDir !== undefined) delivery.stateDir = o.stateDir;
  if (o.outboxDir !== undefined) delivery.outboxDir = o.outboxDir;
  if (o.transport !== undefined) delivery.transport = o.transport;
  if (Object.keys(delivery).length > 0) out.delivery = delivery;
  return out;
}
