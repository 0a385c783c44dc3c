/**
 * The slot for URL inputs (`--input https://…`). readInputs hands every http(s) input to a
 * `UrlReader`; the default, `readUrlInput`, is the HTTP client in `./read-url.ts` (timeouts, size
 * cap, redirects, conditional GET).
 */
/** What a URL reader returns: the raw body and what the server said about it. */
export interface FetchedInput {
  /** The response body, at most `maxBytes` long. */
  bytes: Uint8Array;
  /** The Content-Type header (with its charset parameter), or null. */
  contentType: string | null;
  /** The final URL after redirects; used as the article source. */
  url: string;
}

export interface UrlReadOptions {
  /** Bodies larger than this are refused (limits.inputBytes). */
  maxBytes: number;
  /** Folder for the conditional-GET cache (ETag/Last-Modified), when there is one. */
  stateDir?: string | undefined;
  onWarning?: ((message: string) => void) | undefined;
  /** Aborts the request (SIGTERM/SIGINT of the command); the reader then fails at once. */
  signal?: AbortSignal | undefined;
}

/**
 * Fetches one URL. Throws DigestError E_INPUT (permanent, or with `transient: true`), or
 * E_STOPPED when `signal` aborted the request.
 */
export type UrlReader = (url: string, options: UrlReadOptions) => Promise<FetchedInput>;

/**
 * True for inputs that name an http(s) URL rather than a path.
 *
 * @example
 * isUrlInput("https://example.org/politik/feed.xml") // → true
 * isUrlInput("seeds/") // → false
 */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
