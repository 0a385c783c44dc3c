/**
 * The preview studio: a small local web server (node:http, 127.0.0.1 only) that shows the edition
 * as the reader gets it and reloads the page when a template, an input or the config changes.
 *
 *   GET /               the studio page (views: desktop, mobile, dark, images off, text, headers, JSON, check)
 *   GET /email.html     the email's HTML part (?scheme=dark, ?images=off for the studio's views)
 *   GET /email.txt      the plain-text part
 *   GET /edition.json   the edition
 *   GET /check.json     the pre-send gate's report
 *   GET /events         Server-Sent Events: `version` whenever the sources change
 *
 *   /desk/…             the editors' desk (see desk/handle-desk-request.ts), when a desk is given
 *
 * Every route takes `?date=YYYY-MM-DD` (default: the date the studio was started with; an invalid
 * one is a 400). Requests whose Host is not the studio's own name get a 403 (DNS rebinding; see
 * isStudioHost). Bound to another address than loopback, every page needs a signed-in editor.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { isAbsolute, resolve } from "node:path";
import type { Config } from "../config/index.js";
import { DigestError } from "../errors.js";
import { findPackageRoot } from "../package-root.js";
import type { StudioDesk } from "./desk/create-studio-desk.js";
import { PICK_HOSTS } from "./desk/desk-access.js";
import { isStudioHost, studioUrl } from "./is-studio-host.js";
import { listenOnFreePort } from "./listen-on-free-port.js";
import { readStudioSnapshot, type StudioSnapshot } from "./read-studio-snapshot.js";
import { renderStudioPage } from "./render-studio-page.js";
import { toEmailView } from "./to-email-view.js";
import { watchFiles } from "./watch-files.js";

/** The studio listens on loopback only: it shows unpublished editions. */
export const STUDIO_HOST = "127.0.0.1";
export const DEFAULT_STUDIO_PORT = 7530;
/** Comment lines keep idle event streams open through proxies and tell the page the server lives. */
const HEARTBEAT_MS = 15_000;

export interface StudioOptions {
  /** Address to listen on (default STUDIO_HOST). Any other needs a desk in token mode. */
  host?: string | undefined;
  /** The editors' desk under /desk/; without one the studio only previews. */
  desk?: StudioDesk | undefined;
  /** Port to try first; the next free one is used when it is taken. 0 picks any free port. */
  port: number;
  cwd: string;
  /** Loads the configuration afresh; called on every rebuild, may throw (shown on the page). */
  loadConfig: () => Config;
  /** The config file to watch (it may not exist yet). */
  configFile: string;
  /** Edition date shown when the page asks for none. */
  date: string;
  /** Templates folder; default: the package's templates/. */
  templatesDir?: string | undefined;
  /** Stops the studio: open pages are disconnected and the server closed. */
  signal: AbortSignal;
  /** Called on every source change (for logging). */
  onReload?: (changed: number) => void;
  /** Clock for the sample message's Date header (default: the system clock). */
  now?: () => Date;
  /** Poll interval of the file watch, in milliseconds. */
  watchIntervalMs?: number;
}

/** A running studio. */
export interface Studio {
  /** e.g. http://127.0.0.1:7530/ */
  url: string;
  port: number;
  /** Resolves when the server has stopped (after the signal aborts). */
  closed: Promise<void>;
}

/**
 * Starts the preview studio and resolves once it listens.
 *
 * @example
 * const studio = await startStudio({ port: 7530, cwd, loadConfig, configFile, date: "2026-11-26", signal });
 * console.log(studio.url); // http://127.0.0.1:7530/
 * await studio.closed;
 */
export async function startStudio(options: StudioOptions): Promise<Studio> {
  const templatesDir = options.templatesDir ?? resolve(findPackageRoot(), "templates");
  let version = 1;
  const snapshots = new Map<string, Promise<StudioSnapshot>>();
  const streams = new Set<ServerResponse>();

  const snapshotFor = (date: string): Promise<StudioSnapshot> => {
    let snapshot = snapshots.get(date);
    if (!snapshot) {
      snapshot = readStudioSnapshot({
        date,
        cwd: options.cwd,
        loadConfig: options.loadConfig,
        templatesDir,
        now: options.now ?? (() => new Date()),
      });
      snapshots.set(date, snapshot);
    }
    return snapshot;
  };

  const watched = (): string[] => {
    const paths = [templatesDir, options.configFile];
    try {
      for (const input of options.loadConfig().inputs) {
        if (!/^https?:\/\//i.test(input)) paths.push(isAbsolute(input) ? input : resolve(options.cwd, input));
      }
    } catch {
      // A broken config is itself watched; its inputs are picked up once it parses again.
    }
    return paths;
  };

  const watch = watchFiles(
    watched,
    () => {
      version += 1;
      const shown = [...snapshots.keys()];
      snapshots.clear();
      // Rebuild what open pages show before they ask again: the reload then only waits for the rest.
      for (const date of shown) void snapshotFor(date);
      options.onReload?.(version);
      for (const stream of streams) stream.write(`event: version\ndata: ${version}\n\n`);
    },
    { signal: options.signal, ...(options.watchIntervalMs ? { intervalMs: options.watchIntervalMs } : {}) },
  );

  const host = options.host ?? STUDIO_HOST;
  const desk = options.desk;
  // Off loopback the studio shows unpublished editions to a network: only to signed-in editors.
  if (!PICK_HOSTS.includes(host.toLowerCase()) && desk?.mode !== "token") {
    throw new DigestError(
      "E_CONFIG",
      `the studio serves ${host} only with editor tokens - set DIGEST_DESK_TOKEN_<ID> for an editor in review.editors, or serve on ${STUDIO_HOST}`,
    );
  }
  let boundPort = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, "text/plain", `studio error: ${(error as Error).message}\n`);
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a web page on evil.test whose name later resolves to 127.0.0.1 could read
    // unpublished editions through the visitor's browser. Its requests carry its own Host.
    if (!isStudioHost(request.headers.host, host, boundPort)) {
      const names = host === STUDIO_HOST ? ` or http://localhost:${boundPort}/` : "";
      send(
        response,
        403,
        "text/plain",
        `forbidden - the studio answers only to ${studioUrl(host, boundPort)}${names}\n`,
      );
      return;
    }
    const url = new URL(request.url ?? "/", `http://${STUDIO_HOST}`);
    if (desk && (await desk.handle(request, response, url))) return;
    const requested = url.searchParams.get("date");
    const date = requested === null ? options.date : parseDate(requested);
    if (date === null) {
      send(response, 400, "text/plain", "?date= must be a calendar date YYYY-MM-DD, e.g. ?date=2026-11-26\n");
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      send(response, 405, "text/plain", "only GET\n");
      return;
    }
    switch (url.pathname) {
      case "/":
      case "/index.html":
        send(response, 200, "text/html", renderStudioPage(await snapshotFor(date), { version }));
        return;
      case "/email.html": {
        const snapshot = await snapshotFor(date);
        if (!snapshot.ok || !snapshot.email) return sendBroken(response, snapshot);
        const scheme = url.searchParams.get("scheme") === "dark" ? "dark" : "light";
        const images = url.searchParams.get("images") === "off" ? "off" : "on";
        send(response, 200, "text/html", toEmailView(snapshot.email.html, { scheme, images }));
        return;
      }
      case "/email.txt": {
        const snapshot = await snapshotFor(date);
        if (!snapshot.ok || !snapshot.email) return sendBroken(response, snapshot);
        send(response, 200, "text/plain", snapshot.email.text);
        return;
      }
      case "/edition.json": {
        const snapshot = await snapshotFor(date);
        if (!snapshot.ok) return sendBroken(response, snapshot);
        send(response, 200, "application/json", `${JSON.stringify(snapshot.edition, null, 2)}\n`);
        return;
      }
      case "/check.json": {
        const snapshot = await snapshotFor(date);
        if (!snapshot.ok) return sendBroken(response, snapshot);
        send(response, 200, "application/json", `${JSON.stringify(snapshot.report, null, 2)}\n`);
        return;
      }
      case "/events":
        openEventStream(response);
        return;
      default:
        send(
          response,
          404,
          "text/plain",
          `no such page: ${url.pathname} - try / , /email.html, /email.txt or /edition.json\n`,
        );
    }
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    response.write(`retry: 500\nevent: version\ndata: ${version}\n\n`);
    streams.add(response);
    response.on("close", () => streams.delete(response));
  }

  const port = await listenOnFreePort(server, host, options.port);
  boundPort = port;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(": heartbeat\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const closed = new Promise<void>((resolveClosed) => {
    const stop = () => {
      watch.close();
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      server.close(() => resolveClosed());
      server.closeAllConnections();
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener("abort", stop, { once: true });
  });
  return { url: studioUrl(host, port), port, closed };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(body);
}

function sendBroken(response: ServerResponse, snapshot: StudioSnapshot): void {
  const message = snapshot.ok ? "the HTML did not compile (invalid MJML) - see /check.json" : snapshot.error;
  send(response, 503, "text/plain", `the edition could not be built: ${message}\n`);
}

function parseDate(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}
