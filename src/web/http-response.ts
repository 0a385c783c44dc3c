import type { IncomingMessage, ServerResponse } from "node:http";
import { PAGE_CSP } from "./render-web-page.js";

/** Pages about one reader's state must not be cached by a proxy. */
export const NO_STORE = { "Cache-Control": "no-store" };
/** Archive pages and the feed change at most once a morning. */
export const CACHE_SHORT = { "Cache-Control": "public, max-age=300" };

/**
 * Writes a whole response with the headers every `digest web` response carries (nosniff, no
 * framing, no referrer).
 *
 * @example
 * sendResponse(res, 200, "text/plain; charset=utf-8", "ok\n", NO_STORE);
 */
export function sendResponse(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    ...headers,
  });
  res.end(body);
}

/**
 * An HTML page of ours, with its Content-Security-Policy.
 *
 * @example
 * sendPage(res, 404, renderMessagePage(brand, "notFoundTitle", "notFoundLead"));
 */
export function sendPage(
  res: ServerResponse,
  status: number,
  html: string,
  extra: Record<string, string> = {},
): void {
  sendResponse(res, status, "text/html; charset=utf-8", html, {
    "Content-Security-Policy": PAGE_CSP,
    ...extra,
  });
}

/**
 * The last value of a request header (a repeated header counts by its last occurrence).
 *
 * @example
 * headerValue(req, "x-forwarded-for"); // "203.0.113.7"
 */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}
