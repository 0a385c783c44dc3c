import { escapeHtml, formatGreeting } from "../render/index.js";
import type { RenderedEdition } from "../types.js";

/**
 * The web version of a sent edition: the HTML every reader got, with the personal slots filled
 * for nobody - the greeting without a name, the unsubscribe link pointing at the tokenless
 * `abmelden` page, "Im Browser lesen" at the page itself. No address, no token, no tracking.
 *
 * @example
 * renderArchiveHtml(content.rendered, { greeting: config.brand.greeting, unsubscribeUrl: "/abmelden", webViewUrl: "/newsletter/politik/2026-11-26" });
 */
export function renderArchiveHtml(
  rendered: RenderedEdition,
  parts: { greeting: string; unsubscribeUrl: string; webViewUrl: string },
): string {
  const values = {
    greeting: escapeHtml(formatGreeting(parts.greeting, null)),
    unsubscribeUrl: escapeHtml(parts.unsubscribeUrl),
    webViewUrl: escapeHtml(parts.webViewUrl),
  };
  const { chunks, slots } = rendered.html;
  let out = chunks[0] ?? "";
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    out += (slot === undefined ? "" : values[slot]) + (chunks[i + 1] ?? "");
  }
  return out;
}
