/**
 * Escaping for text that goes into the MJML/HTML template: element content and double-quoted
 * attribute values alike.
 *
 * Beyond Handlebars' own escaping, curly braces become character references: entity-encoded
 * braces still show as "{" and "}", but no "{{" reaches the HTML, where mjml's minifier would
 * treat `{{…}}` as a template variable and the pre-send gate looks for unrendered templates.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
  "{": "&#123;",
  "}": "&#125;",
};
const HTML_SPECIALS = /[&<>"'`{}]/g;
// A separate non-global pattern: `test` on a /g regex would carry lastIndex between calls.
const HAS_HTML_SPECIAL = /[&<>"'`{}]/;

/**
 * Escapes text for HTML element content or a double-quoted attribute value. Returns the input
 * itself when nothing needs escaping, which keeps per-reader personalisation allocation-free.
 *
 * @example
 * escapeHtml('<b>Ann</b> & "Bob" {{x}}'); // "&lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Bob&quot; &#123;&#123;x&#125;&#125;"
 */
export function escapeHtml(value: string): string {
  return HAS_HTML_SPECIAL.test(value)
    ? value.replace(HTML_SPECIALS, (char) => HTML_ESCAPES[char] ?? char)
    : value;
}

// C0 and C1 controls and DEL, except the whitespace ones, which become spaces below.
const CONTROL_CHARS = /(?![\t\n\v\f\r])\p{Cc}/gu;
const WHITESPACE_RUN = /\s+/g;

/**
 * Turns untrusted text into one clean line: control characters removed, every whitespace run
 * (line breaks included) collapsed to one space, ends trimmed.
 *
 * @example
 * toCleanLine("  Berlin\u0007 –\n  Der  Bundestag "); // "Berlin – Der Bundestag"
 */
export function toCleanLine(value: string): string {
  return value.replace(CONTROL_CHARS, "").replace(WHITESPACE_RUN, " ").trim();
}

/**
 * Returns `value` when it is an absolute http(s) URL, normalised; otherwise null. Article data
 * is untrusted, and a `javascript:` or relative URL must never become a link in the email.
 *
 * @example
 * toSafeHttpUrl("https://example.de/a b"); // "https://example.de/a%20b"
 * toSafeHttpUrl("javascript:alert(1)"); // null
 */
export function toSafeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  return url.href;
}
