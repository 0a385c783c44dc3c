import type { IncomingMessage } from "node:http";

/** Largest request body accepted (a one-click or form POST is well under 1 KB; 413 above this). */
export const MAX_BODY_BYTES = 4_096;

/**
 * The POST body as form fields: application/x-www-form-urlencoded or multipart/form-data (RFC
 * 8058 allows both for one-click), at most MAX_BODY_BYTES.
 *
 * @example
 * const form = await readForm(req);
 * if (form !== "too-large" && form !== "unsupported") form.get("token");
 */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | "too-large" | "unsupported"> {
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return "too-large";
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  if (type === "" || type.startsWith("application/x-www-form-urlencoded")) return new URLSearchParams(body);
  if (type.startsWith("multipart/form-data")) {
    const fields = new URLSearchParams();
    for (const match of body.matchAll(/name="([^"\r\n]{1,64})"\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/g)) {
      fields.append(match[1] as string, match[2] as string);
    }
    return fields;
  }
  return "unsupported";
}
