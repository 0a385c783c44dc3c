/** What is wrong with a URL, if anything. */
export type UrlVerdict =
  | { kind: "ok"; url: URL }
  | { kind: "relative"; reason: string }
  | { kind: "malformed"; reason: string }
  | { kind: "placeholder"; host: string }
  | { kind: "insecure"; url: URL };

/** Reserved for documentation and testing (RFC 2606, RFC 6761), or loopback/local names. */
const PLACEHOLDER_DOMAINS = ["example.com", "example.org", "example.net"];
const PLACEHOLDER_TLDS = ["example", "invalid", "test", "localhost", "local", "localdomain", "internal"];
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/;

/**
 * Judges one link target as the gate sees it: absolute http(s) (or `mailto:` when `allowMailto`),
 * well-formed, on a real host, not a documentation placeholder.
 *
 * @example
 * classifyUrl("https://www.example.com/x").kind;     // "placeholder"
 * classifyUrl("/impressum").kind;                    // "relative"
 * classifyUrl("https://zeitung.de/a b").kind;        // "malformed"
 * classifyUrl("https://zeitung.de/impressum").kind;  // "ok"
 */
export function classifyUrl(raw: string, options: { allowMailto?: boolean } = {}): UrlVerdict {
  const value = raw.trim();
  if (value === "" || value === "#") return { kind: "relative", reason: "the link has no target" };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: "relative", reason: `"${clip(value)}" is not an absolute URL` };
  if (scheme === "mailto" && options.allowMailto) return classifyMailto(value);
  if (scheme !== "http" && scheme !== "https") {
    return { kind: "relative", reason: `"${clip(value)}" uses the ${scheme}: scheme, not http(s)` };
  }
  if (CONTROL_OR_SPACE.test(value)) {
    return { kind: "malformed", reason: `"${clip(value)}" contains a space or control character` };
  }
  if (!/^https?:\/\/[^/]/i.test(value)) return { kind: "malformed", reason: `"${clip(value)}" has no host` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: "malformed", reason: `"${clip(value)}" cannot be parsed as a URL` };
  }
  const hostVerdict = classifyHost(url.hostname);
  if (hostVerdict !== null) return hostVerdict;
  if (url.protocol === "http:") return { kind: "insecure", url };
  return { kind: "ok", url };
}

/**
 * True for hosts reserved for documentation or local use (example.com, *.test, localhost …).
 *
 * @example
 * isPlaceholderHost("news.example");  // true
 * isPlaceholderHost("zeitung.de");    // false
 */
export function isPlaceholderHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name === "[::1]" || name === "::1") return true;
  if (IPV4.test(name)) return isLocalIpv4(name);
  const tld = name.slice(name.lastIndexOf(".") + 1);
  if (PLACEHOLDER_TLDS.includes(tld)) return true;
  return PLACEHOLDER_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

function classifyHost(hostname: string): UrlVerdict | null {
  const host = hostname.toLowerCase();
  if (isPlaceholderHost(host)) return { kind: "placeholder", host };
  if (host.startsWith("[") || IPV4.test(host)) return null;
  const labels = host.replace(/\.$/, "").split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || !TLD.test(labels.at(-1) ?? "")) {
    return { kind: "malformed", reason: `"${host}" is not a valid public host name` };
  }
  return null;
}

function classifyMailto(value: string): UrlVerdict {
  const address = decodeURIComponent(value.slice("mailto:".length).split("?")[0] ?? "").trim();
  const at = address.lastIndexOf("@");
  if (at <= 0 || CONTROL_OR_SPACE.test(address)) {
    return { kind: "malformed", reason: `"${clip(value)}" holds no valid e-mail address` };
  }
  const host = classifyHost(address.slice(at + 1));
  if (host !== null) return host;
  return { kind: "ok", url: new URL(value) };
}

function isLocalIpv4(ip: string): boolean {
  const [a, b] = ip.split(".").map(Number);
  return a === 127 || a === 10 || a === 0 || (a === 192 && b === 168) || (a === 169 && b === 254);
}

function clip(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
