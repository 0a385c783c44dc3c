import type { Config } from "../config/index.js";
import { DigestError } from "../errors.js";
import type { PersonalParts, PersonalSlot, RenderedEdition, RenderedEmail, SlotTemplate } from "../types.js";
import { escapeHtml, toCleanLine } from "./escape-html.js";
import { truncateAtWord } from "./truncate-at-word.js";

/** A longer display name is cut so that one odd recipient row cannot break the greeting line. */
export const MAX_GREETING_NAME_CHARS = 60;

const SAFE_HTTP_URL = /^https?:\/\/[^\s<>"'`{}\\]+$/;
const ENDS_WITH_PUNCTUATION = /[!.?,;:]$/;
// A name needs cleaning when it has control characters, non-space whitespace or space runs/ends.
const NEEDS_CLEANING = /\p{Cc}|[^\S ]|\s\s|^\s|\s$/u;

/**
 * Fills the personal slots of an edition rendered once by `renderEdition`: the greeting (with
 * the reader's name when known), the unsubscribe URL and the web-view URL. Pure and cheap: the
 * only per-reader work is escaping three short values and concatenating the precomputed chunks,
 * so a million readers do not mean a million MJML or Handlebars renders.
 *
 * A missing URL falls back to the config: `links.unsubscribe` as it stands, `links.webView`
 * with `{date}` replaced by the edition date. A slot only exists when its link was configured
 * at render time; a valid URL for a slot that does not exist is ignored.
 *
 * @throws DigestError E_CONFIG when a URL in `parts` is not absolute http(s), or a slot has no
 * usable URL from parts or config.
 * @example
 * const email = personalize(rendered, { name: "Anna", unsubscribeUrl: "https://x.de/ab?t=1", webViewUrl: null }, config);
 * email.text.includes("Guten Morgen, Anna!"); // true
 */
export function personalize(rendered: RenderedEdition, parts: PersonalParts, config: Config): RenderedEmail {
  const shared = precompute(rendered, config);
  const name = parts.name ? cleanName(parts.name) : "";
  let greetingText = shared.anonymousGreeting;
  let greetingHtml = shared.anonymousGreetingHtml;
  if (name !== "") {
    greetingText = `${shared.greetingBase}, ${name}!`;
    greetingHtml = `${shared.greetingBaseHtml}, ${escapeHtml(name)}!`;
  }
  const unsubscribeUrl =
    parts.unsubscribeUrl === null ? shared.unsubscribeUrl : checkUrl(parts.unsubscribeUrl, "unsubscribeUrl");
  const webViewUrl = parts.webViewUrl === null ? shared.webViewUrl : checkUrl(parts.webViewUrl, "webViewUrl");
  return {
    subject: rendered.subject,
    preheader: rendered.preheader,
    html: fillSlots(rendered.html, greetingHtml, unsubscribeUrl, webViewUrl, true),
    text: fillSlots(rendered.text, greetingText, unsubscribeUrl, webViewUrl, false),
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
  const clean = name ? cleanName(name) : "";
  if (clean === "") return ENDS_WITH_PUNCTUATION.test(base) ? base : `${base}!`;
  return `${base.replace(/[\s!.?,;:]+$/u, "")}, ${clean}!`;
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

/** What every reader of one edition shares, computed on the first personalize call. */
interface SharedParts {
  config: Config;
  greetingBase: string;
  greetingBaseHtml: string;
  anonymousGreeting: string;
  anonymousGreetingHtml: string;
  /** Fallback URLs from the config; unusable ones carry their error so only a used slot throws. */
  unsubscribeUrl: SlotUrl;
  webViewUrl: SlotUrl;
}

type SlotUrl = string | { unusable: DigestError };

// Memoised per rendered edition (and config object), so per-reader calls do no config work;
// the result depends only on the arguments, so personalize stays pure.
const SHARED = new WeakMap<RenderedEdition, SharedParts>();

function precompute(rendered: RenderedEdition, config: Config): SharedParts {
  const cached = SHARED.get(rendered);
  if (cached && cached.config === config) return cached;
  const greetingBase = config.brand.greeting.trim().replace(/[\s!.?,;:]+$/u, "");
  const anonymousGreeting = formatGreeting(config.brand.greeting, null);
  const shared: SharedParts = {
    config,
    greetingBase,
    greetingBaseHtml: escapeHtml(greetingBase),
    anonymousGreeting,
    anonymousGreetingHtml: escapeHtml(anonymousGreeting),
    unsubscribeUrl: fallbackUrl(config.links.unsubscribe, "unsubscribeUrl"),
    webViewUrl: fallbackUrl(resolveWebViewUrl(config, rendered.date), "webViewUrl"),
  };
  SHARED.set(rendered, shared);
  return shared;
}

function fallbackUrl(url: string | null, slot: PersonalSlot): SlotUrl {
  try {
    return checkUrl(url, slot);
  } catch (error) {
    return { unusable: error as DigestError };
  }
}

function cleanName(name: string): string {
  const clean = NEEDS_CLEANING.test(name) ? toCleanLine(name) : name;
  return clean.length > MAX_GREETING_NAME_CHARS ? truncateAtWord(clean, MAX_GREETING_NAME_CHARS) : clean;
}

function fillSlots(
  template: SlotTemplate,
  greeting: string,
  unsubscribeUrl: SlotUrl,
  webViewUrl: SlotUrl,
  html: boolean,
): string {
  const { chunks, slots } = template;
  // `+=` builds a rope in V8: no copy of the large static chunks per reader.
  let out = chunks[0] ?? "";
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    let value: string;
    if (slot === "greeting") {
      value = greeting;
    } else {
      const url = slot === "unsubscribeUrl" ? unsubscribeUrl : webViewUrl;
      if (typeof url !== "string") throw url.unusable;
      value = html ? escapeHtml(url) : url;
    }
    out += value + (chunks[i + 1] ?? "");
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
