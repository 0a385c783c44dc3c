import { resolve } from "node:path";
import { DEFAULT_CONFIG_FILE } from "../config/index.js";
import { DigestError, EXIT, type ExitCode } from "../errors.js";
import { DEFAULT_STUDIO_PORT, startStudio } from "../studio/index.js";
import type { CommandContext } from "./command.js";
import { type EditionFlags, resolveEditionOptions } from "./edition-options.js";

/** The flags of `digest preview` that the studio uses. */
export interface ServeFlags extends EditionFlags {
  serve?: boolean | undefined;
  port?: string | undefined;
  templates?: string | undefined;
  out?: string | undefined;
}

/**
 * `digest preview --serve [--port N]`: runs the preview studio until the command's signal aborts
 * (Ctrl-C), printing its URL on stdout. The config is loaded once up front (so a broken config
 * is exit 2 before anything listens) and again on every change, with the same flags.
 *
 * @example
 * if (values.serve) return serveStudio(ctx, values);
 */
export async function serveStudio(ctx: CommandContext, flags: ServeFlags): Promise<ExitCode> {
  if (!flags.serve)
    throw new DigestError("E_USAGE", "digest preview: --port needs --serve - see 'digest preview --help'");
  if (flags.out !== undefined) {
    throw new DigestError(
      "E_USAGE",
      "digest preview: --out and --serve exclude each other - the studio writes no files",
    );
  }
  const port = parsePort(flags.port);
  const { date } = resolveEditionOptions(ctx, flags);
  const studio = await startStudio({
    port,
    cwd: ctx.cwd,
    date,
    loadConfig: () => resolveEditionOptions(ctx, flags).config,
    configFile: resolve(ctx.cwd, flags.config ?? DEFAULT_CONFIG_FILE),
    templatesDir: flags.templates === undefined ? undefined : resolve(ctx.cwd, flags.templates),
    signal: ctx.signal,
    onReload: () => ctx.logger.info("sources changed - reloading open pages"),
  });
  if (port !== 0 && studio.port !== port) ctx.logger.warn(`port ${port} is taken - using ${studio.port}`);
  ctx.stdout.write(`${studio.url}\n`);
  ctx.logger.info(`preview studio for ${date} at ${studio.url} (Ctrl-C stops it)`);
  await studio.closed;
  ctx.logger.info("preview studio stopped");
  return EXIT.OK;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_STUDIO_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new DigestError(
      "E_USAGE",
      `--port ${value} is not a port number - expected 0–65535, e.g. --port 7530`,
    );
  }
  return port;
}
