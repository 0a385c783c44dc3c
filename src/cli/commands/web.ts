import { resolve } from "node:path";
import { loadConfig } from "../../config/index.js";
import { createLedger, resolveUnsubscribeSecret, UNSUBSCRIBE_SECRET_ENV } from "../../deliver/index.js";
import { DigestError, EXIT } from "../../errors.js";
import { startWebServer } from "../../web/index.js";
import { COMMON_HELP, COMMON_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { parseListName } from "../list-name.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  host: { type: "string" },
  port: { type: "string" },
  state: { type: "string" },
  list: { type: "string", multiple: true },
  "trust-proxy": { type: "boolean" },
  "rate-limit": { type: "string" },
} as const;

const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_PORT = 8080;

/** `digest web`: the unsubscribe pages and the archive of sent editions. */
export const webCommand: Command = {
  name: "web",
  summary: "serve one-click unsubscribe, the confirmation page and the archive of sent editions",
  help: `Usage: digest web [--host ADDR] [--port N] [options]

Serves the reader's side of the newsletter until Ctrl-C / SIGTERM:
  POST /abmelden                       one-click unsubscribe (RFC 8058) and the page's form
  GET  /abmelden?token=…               confirmation page with one button (GET never unsubscribes)
  GET  /newsletter/<section>/<date>    the sent edition, without personal parts
  GET  /newsletter/<section>/          index of sent editions; feed.xml: their Atom feed
  GET  /healthz                        "ok"
Set "links.base" in digest.config.json to its public URL: every email then links here
("Abmelden" with the reader's token, "Im Browser lesen"). See docs/web.md for nginx, Caddy, systemd.

Options:
  --host ADDR          address to listen on (default: ${DEFAULT_HOST}; keep it behind a proxy)
  --port N             port (default: ${DEFAULT_PORT}; 0 picks a free one)
  --state DIR          state folder holding ledger.sqlite (default: DIGEST_STATE_DIR, else config
                       "delivery.stateDir", i.e. state/)
  --list NAME          also accept tokens of this list (repeatable; every list the ledger has sent
                       to is accepted anyway)
  --trust-proxy        honour X-Forwarded-For/-Proto/-Host (default: config "web.trustProxy")
  --rate-limit N       unsubscribe requests per client IP and minute (default: config
                       "web.rateLimitPerMinute", 300)
${COMMON_HELP}

Environment: DIGEST_UNSUBSCRIBE_SECRET (the secret the links were signed with; required).
Exit codes: 0 stopped by a signal, 2 bad usage, config or a port that cannot be bound.
`,
  async run(ctx) {
    const { values } = parseCommandArgs("web", ctx.argv, OPTIONS);
    const port = parsePort(values.port);
    const host = values.host ?? DEFAULT_HOST;
    const lists = (values.list ?? []).map((name) => parseListName(name));
    const { config: loaded } = loadConfig({
      file: values.config,
      cwd: ctx.cwd,
      env: ctx.env,
      overrides: { stateDir: values.state },
    });
    const config = {
      ...loaded,
      web: {
        trustProxy: values["trust-proxy"] === true || loaded.web.trustProxy,
        rateLimitPerMinute:
          values["rate-limit"] === undefined
            ? loaded.web.rateLimitPerMinute
            : parseRateLimit(values["rate-limit"]),
      },
    };
    if (!ctx.env[UNSUBSCRIBE_SECRET_ENV]) {
      throw new DigestError(
        "E_CONFIG",
        `cannot verify unsubscribe links - ${UNSUBSCRIBE_SECRET_ENV} is not set. Set it to the same secret 'digest send' signs the links with`,
        { where: UNSUBSCRIBE_SECRET_ENV },
      );
    }
    const secret = resolveUnsubscribeSecret(ctx.env, { real: true });
    const ledger = createLedger({ stateDir: resolve(ctx.cwd, config.delivery.stateDir) });
    try {
      const web = await startWebServer({
        host,
        port,
        config,
        ledger,
        secret: secret.value,
        lists,
        logger: ctx.logger,
      });
      ctx.stdout.write(`${web.url}\n`);
      ctx.logger.info(
        `digest web at ${web.url} (ledger ${ledger.path}${config.links.base ? `, public URL ${config.links.base}` : ""}) - Ctrl-C stops it`,
      );
      if (!config.links.base) {
        ctx.logger.warn(
          "links.base is not set - emails do not link here yet; set it to the public URL of this server",
        );
      }
      await new Promise<void>((done) => {
        if (ctx.signal.aborted) done();
        else ctx.signal.addEventListener("abort", () => done(), { once: true });
      });
      await web.close();
      ctx.logger.info("digest web stopped");
      return EXIT.OK;
    } finally {
      ledger.close();
    }
  },
};

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new DigestError(
      "E_USAGE",
      `--port ${value} is not a port number - expected 0–65535, e.g. --port 8080`,
    );
  }
  return port;
}

function parseRateLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1) {
    throw new DigestError(
      "E_USAGE",
      `--rate-limit ${value} is not a positive whole number - e.g. --rate-limit 300`,
    );
  }
  return limit;
}
