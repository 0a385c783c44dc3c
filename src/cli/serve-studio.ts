import { resolve } from "node:path";
import { DEFAULT_CONFIG_FILE } from "../config/index.js";
import { DigestError, EXIT, type ExitCode } from "../errors.js";
import {
  createDraftRoutes,
  createStudioDesk,
  DEFAULT_STUDIO_PORT,
  deskTokenVariable,
  resolveDeskAccess,
  STUDIO_HOST,
  startStudio,
} from "../studio/index.js";
import { quoteLogValue } from "../unsafe-chars.js";
import type { CommandContext } from "./command.js";
import { type EditionFlags, resolveEditionOptions } from "./edition-options.js";

/** The flags of `digest preview` that the studio uses. */
export interface ServeFlags extends EditionFlags {
  serve?: boolean | undefined;
  port?: string | undefined;
  host?: string | undefined;
  templates?: string | undefined;
  out?: string | undefined;
}

/**
 * `digest preview --serve [--port N] [--host ADDR]`: runs the preview studio and the editors' desk
 * until the command's signal aborts (Ctrl-C), printing its URL on stdout. The config is loaded
 * once up front (so a broken config, or a non-loopback host without editor tokens, is exit 2
 * before anything listens) and again on every request, with the same flags.
 *
 * @example
 * if (values.serve) return serveStudio(ctx, values);
 */
export async function serveStudio(ctx: CommandContext, flags: ServeFlags): Promise<ExitCode> {
  if (!flags.serve)
    throw new DigestError(
      "E_USAGE",
      `digest preview: ${flags.host === undefined ? "--port" : "--host"} needs --serve - see 'digest preview --help'`,
    );
  if (flags.out !== undefined) {
    throw new DigestError(
      "E_USAGE",
      "digest preview: --out and --serve exclude each other - the studio writes no files",
    );
  }
  const port = parsePort(flags.port);
  const host = parseHost(flags.host);
  const { date, config } = resolveEditionOptions(ctx, flags);
  const loadConfig = () => resolveEditionOptions(ctx, flags).config;
  const templatesDir = flags.templates === undefined ? undefined : resolve(ctx.cwd, flags.templates);
  const access = resolveDeskAccess(host, config.review.editors, ctx.env);
  const desk = createStudioDesk({
    access,
    routes: createDraftRoutes({ loadConfig, cwd: ctx.cwd, templatesDir, date }),
  });
  const studio = await startStudio({
    port,
    host,
    desk,
    cwd: ctx.cwd,
    date,
    loadConfig,
    configFile: resolve(ctx.cwd, flags.config ?? DEFAULT_CONFIG_FILE),
    templatesDir,
    signal: ctx.signal,
    onReload: () => ctx.logger.info("sources changed - reloading open pages"),
  });
  if (port !== 0 && studio.port !== port) ctx.logger.warn(`port ${port} is taken - using ${studio.port}`);
  if (access.mode === "token") {
    const signIn = access.editors.filter((editor) => access.tokens.has(editor.id));
    const without = access.editors.filter((editor) => !access.tokens.has(editor.id));
    ctx.logger.warn(
      `the studio is bound to ${quoteLogValue(host)}, not ${STUDIO_HOST}: every page needs an editor signed in with a token - ${signIn.map((editor) => deskTokenVariable(editor.id)).join(", ")} set${without.length > 0 ? `; no token (cannot sign in): ${without.map((editor) => deskTokenVariable(editor.id)).join(", ")}` : ""}`,
    );
  }
  ctx.stdout.write(`${studio.url}\n`);
  ctx.logger.info(
    `preview studio for ${date} at ${studio.url} (Ctrl-C stops it); the desk at ${studio.url}desk`,
  );
  await studio.closed;
  ctx.logger.info("preview studio stopped");
  return EXIT.OK;
}

/** An IPv4/IPv6 address or a host name, as `--host` takes it. */
function parseHost(value: string | undefined): string {
  if (value === undefined) return STUDIO_HOST;
  if (!/^(?:[A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45})$/.test(value)) {
    throw new DigestError(
      "E_USAGE",
      `--host ${quoteLogValue(value)} is not an address - expected e.g. --host 127.0.0.1 or --host 0.0.0.0`,
    );
  }
  return value;
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
