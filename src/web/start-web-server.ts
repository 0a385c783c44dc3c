/**
 * `digest web`: the reader's side of the newsletter, on node:http (no framework: five routes,
 * and every security property below is easier to see and test in plain code than in middleware).
 *
 *   POST /abmelden                      RFC 8058 one-click (body List-Unsubscribe=One-Click) and
 *                                       the confirmation page's form (action=unsubscribe|undo)
 *   GET  /abmelden?token=…              German confirmation page with one button (GET never unsubscribes)
 *   GET  /newsletter/<section>/<date>   the sent edition's HTML, without personal parts
 *   GET  /newsletter/<section>/         index of the section's sent editions
 *   GET  /newsletter/<section>/feed.xml Atom feed of those editions
 *   GET  /healthz                       "ok", for the proxy and systemd
 *
 * Security: the token check is HMAC with a timing-safe compare; an invalid or altered token gets
 * the same plain 400 page whatever is wrong with it; the unsubscribe routes are rate-limited per
 * client IP; URL, headers and bodies are size-limited; every page has a CSP, X-Frame-Options DENY
 * and Referrer-Policy no-referrer (a token in the URL must not leak through a Referer); no
 * cookies, no redirects; logs name readers by a keyed hash, never by address or token.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "../config/index.js";
import {
  type Ledger,
  type NewSuppression,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from "../deliver/index.js";
import { DigestError } from "../errors.js";
import { createBatchedWriter } from "./create-batched-writer.js";
import { createRateLimiter } from "./create-rate-limiter.js";
import { createNewsletterHandler } from "./handle-newsletter.js";
import { headerValue, NO_STORE, sendPage, sendResponse } from "./http-response.js";
import { readForm } from "./read-form.js";
import {
  maskAddress,
  renderConfirmPage,
  renderDonePage,
  renderMessagePage,
  renderWebPage,
} from "./render-web-page.js";
import { WEB_TEXTS } from "./web-texts.js";

/** Longest request target accepted (a token is ~100 characters; 414 above this). */
export const MAX_URL_CHARS = 2_048;
/** Largest request header block (node's default is 16 KB). */
export const MAX_HEADER_BYTES = 8_192;
/** A slow client gets this long to send its whole request (slowloris). */
export const REQUEST_TIMEOUT_MS = 10_000;
/** Longest token looked at: anything longer is not one of ours. */
const MAX_TOKEN_CHARS = 512;
const FORWARDED_HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$/;

export interface WebServerOptions {
  /** Interface to listen on (127.0.0.1 behind a proxy). */
  host: string;
  /** Port; 0 picks a free one. */
  port: number;
  config: Config;
  /** The delivery ledger: suppression list and the editions' content. Stays open while serving. */
  ledger: Ledger;
  /** DIGEST_UNSUBSCRIBE_SECRET, the one the tokens were signed with. */
  secret: string;
  /** List names to accept tokens for, besides every list the ledger has sent to. */
  lists?: readonly string[];
  logger: { info(message: string): void; warn(message: string): void; debug(message: string): void };
  now?: () => Date;
}

export interface WebServer {
  /** `http://host:port/` as bound. */
  url: string;
  port: number;
  /** Stops accepting, ends open connections, resolves when closed. */
  close(): Promise<void>;
}

/**
 * Starts the `digest web` server.
 *
 * @throws DigestError E_CONFIG when the address cannot be bound (in use, not permitted).
 * @example
 * const web = await startWebServer({ host: "127.0.0.1", port: 8080, config, ledger, secret, logger });
 * // … fetch(`${web.url}abmelden?token=…`)
 * await web.close();
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { config, ledger, secret, logger } = options;
  const now = options.now ?? (() => new Date());
  const brand = config.brand.name;
  const suppressions = ledger.suppressions;
  // One transaction (one fsync) per burst of unsubscribes, not per request; see createBatchedWriter.
  const unsubscribes = createBatchedWriter((entries: NewSuppression[]) => suppressions.addEach(entries));
  const archive = ledger.archive;
  const limiter = createRateLimiter({ limit: config.web.rateLimitPerMinute, windowMs: 60_000 });
  const trustProxy = config.web.trustProxy;
  let boundBase = "";

  const identify = (token: string): { list: string; address: string } | null => {
    if (token.length === 0 || token.length > MAX_TOKEN_CHARS) return null;
    const lists = new Set([...(options.lists ?? []), ...archive.listLists()]);
    for (const list of lists) {
      const address = verifyUnsubscribeToken(secret, list, token);
      // Exactly the token that was sent: base64url has spare bits, so an altered last character
      // can decode to the same bytes. Re-signing and comparing the whole string rules that out.
      if (address !== null && isSameText(signUnsubscribeToken(secret, list, address), token)) {
        return { list, address };
      }
    }
    return null;
  };
  // A stable pseudonym per reader for the logs: a keyed hash, so it cannot be reversed by
  // hashing candidate addresses without the secret.
  const readerId = (address: string) =>
    createHmac("sha256", secret).update(`log\n${address}`).digest("hex").slice(0, 10);
  const clientOf = (req: IncomingMessage): string => {
    if (trustProxy) {
      const forwarded = headerValue(req, "x-forwarded-for");
      // The right-most entry is the one our own proxy appended; the rest is the client's say-so.
      const last = forwarded?.split(",").pop()?.trim();
      if (last) return last;
    }
    return req.socket.remoteAddress ?? "unknown";
  };
  const publicBase = (req: IncomingMessage): string => {
    if (config.links.base) return config.links.base.replace(/\/+$/, "");
    if (trustProxy) {
      const host = headerValue(req, "x-forwarded-host");
      const proto = headerValue(req, "x-forwarded-proto") === "https" ? "https" : "http";
      if (host && FORWARDED_HOST.test(host)) return `${proto}://${host}`;
    }
    return boundBase;
  };

  const invalid = (res: ServerResponse) =>
    sendPage(res, 400, renderMessagePage(brand, "invalidTitle", "invalidLead"), NO_STORE);

  const handleUnsubscribe = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> => {
    const wait = limiter.take(clientOf(req), Date.now());
    if (wait > 0) {
      sendPage(res, 429, renderMessagePage(brand, "tooManyTitle", "tooManyLead"), {
        ...NO_STORE,
        "Retry-After": String(wait),
      });
      return "rate-limited";
    }
    const queryToken = url.searchParams.get("token");
    if (req.method === "GET" || req.method === "HEAD") {
      if (queryToken === null) {
        sendPage(res, 200, renderMessagePage(brand, "noTokenTitle", "noTokenLead"), NO_STORE);
        return "no-token";
      }
      const who = identify(queryToken);
      if (who === null) {
        invalid(res);
        return "invalid";
      }
      const done = suppressions.isSuppressed(who.address, who.list);
      sendPage(
        res,
        200,
        done
          ? renderDonePage(brand, queryToken)
          : renderConfirmPage(brand, maskAddress(who.address), queryToken),
        NO_STORE,
      );
      return done ? "already" : "confirm";
    }
    if (req.method !== "POST") {
      sendResponse(res, 405, "text/plain; charset=utf-8", "method not allowed\n", {
        Allow: "GET, HEAD, POST",
      });
      return "method";
    }
    const form = await readForm(req);
    if (form === "too-large") {
      sendResponse(res, 413, "text/plain; charset=utf-8", "request too large\n", { Connection: "close" });
      return "too-large";
    }
    if (form === "unsupported") {
      sendResponse(res, 415, "text/plain; charset=utf-8", "unsupported content type\n");
      return "unsupported";
    }
    const bodyToken = form.get("token");
    if (queryToken !== null && bodyToken !== null && queryToken !== bodyToken) {
      invalid(res);
      return "invalid";
    }
    const token = queryToken ?? bodyToken;
    const who = token === null ? null : identify(token);
    if (token === null || who === null) {
      invalid(res);
      return "invalid";
    }
    const at = now().toISOString();
    const reader = readerId(who.address);
    if (form.get("List-Unsubscribe") === "One-Click") {
      const added = await unsubscribes.write({ address: who.address, list: who.list, how: "one-click", at });
      if (added) logger.info(`unsubscribed (one-click) from list ${who.list}: reader ${reader}`);
      sendResponse(res, 200, "text/plain; charset=utf-8", "Abgemeldet.\n", NO_STORE);
      return "one-click";
    }
    const action = form.get("action");
    if (action === "unsubscribe") {
      const added = await unsubscribes.write({ address: who.address, list: who.list, how: "page", at });
      if (added) logger.info(`unsubscribed (page) from list ${who.list}: reader ${reader}`);
      sendPage(res, 200, renderDonePage(brand, token), NO_STORE);
      return "page";
    }
    if (action === "undo") {
      // A reader's own unsubscribe can be undone; a bounce, complaint or desk entry cannot from here.
      const removed = suppressions.remove(who.address, who.list, ["one-click", "page"]);
      if (suppressions.isSuppressed(who.address, who.list)) {
        sendPage(
          res,
          200,
          renderWebPage({ brand, title: WEB_TEXTS.doneTitle, paragraphs: [WEB_TEXTS.undoBlocked] }),
          NO_STORE,
        );
        return "undo-blocked";
      }
      if (removed > 0) logger.info(`resubscribed (undo) to list ${who.list}: reader ${reader}`);
      sendPage(res, 200, renderMessagePage(brand, "undoneTitle", "undoneLead"), NO_STORE);
      return "undo";
    }
    invalid(res);
    return "invalid";
  };

  const handleNewsletter = createNewsletterHandler({ config, archive, publicBase });
  const notFound = (res: ServerResponse) =>
    sendPage(res, 404, renderMessagePage(brand, "notFoundTitle", "notFoundLead"));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    const target = req.url ?? "/";
    if (target.length > MAX_URL_CHARS) {
      sendResponse(res, 414, "text/plain; charset=utf-8", "URI too long\n");
      return "too-long";
    }
    let url: URL;
    let segments: string[];
    try {
      url = new URL(target, "http://digest.invalid");
      segments = url.pathname.split("/").slice(1).map(decodeURIComponent);
    } catch {
      sendResponse(res, 400, "text/plain; charset=utf-8", "bad request\n");
      return "bad-request";
    }
    const [first, ...rest] = segments;
    if (first === "abmelden" && rest.length === 0) return handleUnsubscribe(req, res, url);
    if (first === "newsletter") return handleNewsletter(req, res, rest);
    if (first === "healthz" && rest.length === 0) {
      sendResponse(res, 200, "text/plain; charset=utf-8", "ok\n", NO_STORE);
      return "health";
    }
    notFound(res);
    return "not-found";
  };

  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: 5_000 },
    (req, res) => {
      const started = performance.now();
      handle(req, res)
        .then((what) => {
          // The path only: a query may hold a token.
          const path = (req.url ?? "/").split("?")[0]?.slice(0, 200) ?? "/";
          logger.debug(
            `${req.method} ${path} ${res.statusCode} ${what} ${(performance.now() - started).toFixed(1)} ms`,
          );
        })
        .catch((error: unknown) => {
          logger.warn(`request failed - ${(error as Error).message}`);
          if (!res.headersSent)
            sendPage(res, 500, renderMessagePage(brand, "errorTitle", "errorLead"), NO_STORE);
          else res.destroy();
        });
    },
  );
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new DigestError(
          "E_CONFIG",
          `could not listen on ${options.host}:${options.port} - ${error.code === "EADDRINUSE" ? "the port is in use" : error.message}. Pass another --port or --host`,
          { where: "--port", cause: error },
        ),
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  boundBase = `http://${hostPart}:${address.port}`;
  return {
    url: `${boundBase}/`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isSameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
