/**
 * Reads the top-level header block of a MIME message into a map with lower-cased names (folded
 * lines unfolded; when a header repeats, the first one wins).
 *
 * @example
 * parseMimeHeaders("Subject: Hi\r\nList-Unsubscribe: <https://a.de/u>\r\n\r\nbody").get("list-unsubscribe");
 * // "<https://a.de/u>"
 */
export function parseMimeHeaders(mime: string | Uint8Array): Map<string, string> {
  const text = typeof mime === "string" ? mime : Buffer.from(mime).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const block = end === -1 ? text : text.slice(0, end);
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * Lower-cases the names of a header record.
 *
 * @example
 * normalizeHeaders({ "List-Unsubscribe": "<…>" }).get("list-unsubscribe"); // "<…>"
 */
export function normalizeHeaders(headers: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
