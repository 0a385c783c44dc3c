import type { IncomingMessage } from "node:http";

/** Largest form accepted: a whole edition's text with room to spare (413 above this). */
export const MAX_FORM_BYTES = 256 * 1024;

/**
 * Reads a POSTed HTML form (application/x-www-form-urlencoded, what a browser sends without JS),
 * at most MAX_FORM_BYTES.
 *
 * @example
 * const form = await readDeskForm(request);
 * if (form === "too-large") return send(response, 413, …);
 */
export async function readDeskForm(
  request: IncomingMessage,
): Promise<URLSearchParams | "too-large" | "unsupported"> {
  const type = (request.headers["content-type"] ?? "").toLowerCase();
  if (Number(request.headers["content-length"] ?? 0) > MAX_FORM_BYTES) {
    request.resume();
    return "too-large";
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) {
      request.resume();
      return "too-large";
    }
    chunks.push(chunk);
  }
  if (type !== "" && !type.startsWith("application/x-www-form-urlencoded")) return "unsupported";
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * True unless the browser says the POST comes from another site: an Origin header must name the
 * Host the request was sent to, and Sec-Fetch-Site, when sent, must be
 * same-origin or none. A request from a non-browser client carries neither and passes; the
 * session's CSRF token is checked besides.
 *
 * @example
 * isSameOriginPost({ host: "127.0.0.1:7530", origin: "http://evil.test" }); // false
 */
export function isSameOriginPost(headers: IncomingMessage["headers"]): boolean {
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  // Host part only: behind a TLS proxy that keeps the Host header the page's origin is https://.
  try {
    return new URL(origin).host.toLowerCase() === (headers.host ?? "").toLowerCase();
  } catch {
    return false;
  }
}
