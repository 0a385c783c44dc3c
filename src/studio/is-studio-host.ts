/** Wildcard binds: the studio cannot know by which name it is reached. */
const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]"]);
const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];
/** A Host header's shape: a DNS name, an IPv4 address or a bracketed IPv6 address, and a port. */
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\]):\d{1,5}$/;

/**
 * True when a request's Host header names the studio itself, so a page on evil.test whose name
 * later resolves to the studio's address (DNS rebinding) is refused: on loopback 127.0.0.1 or
 * localhost with the bound port; bound to one address, that address (or, for a loopback bind,
 * localhost) with the port. Bound to a wildcard (0.0.0.0, ::) any well-formed name with the port
 * passes: the name is not knowable there, and every page then needs a signed-in editor, whose
 * SameSite=Strict cookie a rebinding page never carries.
 *
 * @example
 * isStudioHost("127.0.0.1:7530", "127.0.0.1", 7530); // true
 * isStudioHost("evil.test:7530", "127.0.0.1", 7530); // false
 */
export function isStudioHost(header: string | undefined, boundHost: string, port: number): boolean {
  if (!header) return false;
  const name = header.toLowerCase();
  if (!HOST_HEADER.test(name) || !name.endsWith(`:${port}`)) return false;
  const bound = boundHost.toLowerCase();
  if (WILDCARD_HOSTS.has(bound)) return true;
  const hostPart = name.slice(0, name.length - `:${port}`.length);
  const allowed = bound.includes(":") ? `[${bound.replace(/^\[|\]$/g, "")}]` : bound;
  if (hostPart === allowed) return true;
  return isLoopbackHost(bound) && LOOPBACK_NAMES.includes(hostPart);
}

/** True for the loopback addresses and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** `http://host:port/` with an IPv6 address bracketed. */
export function studioUrl(host: string, port: number): string {
  const name = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${name}:${port}/`;
}
