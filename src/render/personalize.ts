import type { Config } from "../config/schema.js";
import { DigestError } from "../errors.js";
import type { PersonalParts, PersonalSlot, RenderedEdition, RenderedEmail, SlotTemplate } from "../types.js";
import { escapeHtml, toCleanLine } from "./escape-html.js";
import { truncateAtWord } from "./truncate-at-word.js";

/** A longer display name is cut so that one odd recipient row cannot break the greeting line. */
export const MAX_GREETING_NAME_CHARS = 60;

const SAFE_HTTP_URL = /^https?:\/\/[^\s<>"'`{}\\]+$/;
const ENDS_WITH_PUNCTUATION = /[!.?,;:]$/;

/**
 * Fills the personal slots of an edition rendered once by `renderEdition`: the greeting (with
 * the reader's name when known), the unsubscribe URL and the web-view URL. Pure and cheap: the
 * only per-reader work is escaping three short values and concatenating the precomputed chunks,
 * so a million readers do not mean a million MJML or Handlebars renders.
 *
 * A missing URL falls back to the config: `links.unsubscribe` as it stands, `links.webView`
 * with `{date}` replaced by the edition date. A slot only exists when its link was configured
 * at render time; a URL for a slot that does not exist is ignored.
 *
 * @throws DigestError E_CONFIG when a slot has no usable http(s) URL from parts or config.
 * @example
 * const email = personalize(rendered, { name: "Anna", unsubscribeUrl: "https://x.de/ab?t=1", webViewUrl: null }, config);
 * email.text.includes("Guten Morgen, Anna!"); // true
 */
export function personalize(rendered: RenderedEdition, parts: PersonalParts, config: Config): RenderedEmail {
  const greeting = formatGreeting(config.brand.greeting, parts.name);
  const unsubscribeUrl = parts.unsubscribeUrl ?? config.links.unsubscribe;
  const webViewUrl = parts.webViewUrl ?? resolveWebViewUrl(config, rendered.date);
  return {
    subject: rendered.subject,
    preheader: rendered.preheader,
    html: fillSlots(rendered.html, greeting, unsubscribeUrl, webViewUrl, true),
    text: fillSlots(rendered.text, greeting, unsubscribeUrl, webViewUrl, false),
  };
}

/**
 * The greeting line in German style: "Guten Morgen, Anna!" with a name, "Guten Morgen!"
 * without one. A configured greeting that already ends in punctuation keeps it when no name
 * follows.
 *
 * @example
 * formatGreeting("Guten Morgen", "Anna"); // "Guten Morgen, Anna!"
 * formatGreeting("Guten Morgen", null); // "Guten Morgen!"
 */
export function formatGreeting(greeting: string, name: string | null): string {
  const base = greeting.trim();
  const cleanName = name ? truncateAtWord(toCleanLine(name), MAX_GREETING_NAME_CHARS) : "";
  if (cleanName === "") return ENDS_WITH_PUNCTUATION.test(base) ? base : `${base}!`;
  return `${base.replace(/[\s!.?,;:]+$/u, "")}, ${cleanName}!`;
}

/**
 * The edition's public web-view URL: `links.webView` with `{date}` replaced, or null.
 *
 * @example
 * resolveWebViewUrl(config, "2026-11-26"); // "https://example.de/newsletter/2026-11-26"
 */
export function resolveWebViewUrl(config: Config, date: string): string | null {
  const template = config.links.webView;
  if (!template) return null;
  // The URL parser in the config schema may have percent-encoded the braces.
  return template.replaceAll("{date}", date).replaceAll("%7Bdate%7D", date);
}

function fillSlots(
  template: SlotTemplate,
  greeting: string,
  unsubscribeUrl: string | null,
  webViewUrl: string | null,
  html: boolean,
): string {
  const { chunks, slots } = template;
  // `+=` builds a rope in V8: no copy of the large static chunks per reader.
  let out = chunks[0] ?? "";
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as PersonalSlot;
    let value: string;
    if (slot === "greeting") value = greeting;
    else value = checkUrl(slot === "unsubscribeUrl" ? unsubscribeUrl : webViewUrl, slot);
    out += (html ? escapeHtml(value) : value) + (chunks[i + 1] ?? "");
  }
  return out;
}

function checkUrl(url: string | null, slot: PersonalSlot): string {
  if (url !== null && SAFE_HTTP_URL.test(url)) return url;
  const key = slot === "unsubscribeUrl" ? "links.unsubscribe" : "links.webView";
  throw new DigestError(
    "E_CONFIG",
    `could not personalise the email - the ${slot} ${url === null ? "is missing" : `"${url}" is not an absolute http(s) URL`}. Pass it in the personal parts or set ${key} in digest.config.json`,
    { where: key },
  );
}
