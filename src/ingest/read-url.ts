/**
 * The HTTP client for URL inputs (`--input https://…`): Node's fetch (undici) with a timeout, a
 * size cap, at most five redirects, one clear error line per failure, and conditional GET
 * (ETag / Last-Modified) cached in `<stateDir>/http-cache/`, so the daily 07:30 run re-downloads
 * only what changed.
 */
import { createHash } from "node:crypto";
import { access, mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DigestError } from "../errors.js";
import type { FetchedInput, UrlReader, UrlReadOptions } from "./url-reader.js";

/** Whole request, redirects and body included: a feed that takes longer is down for today. */
export const READ_URL_TIMEOUT_MS = 15_000;
/** More hops than this is a redirect loop or a tracking chain, not a page. */
export const MAX_REDIRECTS = 5;
/** Sub-folder of the state folder holding cached responses. */
export const HTTP_CACHE_DIR = "http-cache";
/**
 * Cached responses not used for this long are deleted: a feed is fetched every morning and stays,
 * yesterday's article pages are not asked for again and would otherwise pile up for ever.
 */
export const HTTP_CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Temporary files older than this are leftovers of a crash in the middle of writing the cache. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** Honest and stable, so a newsroom's own servers can recognise (and allow-list) the morning run. */
const USER_AGENT = "digest/0.1 (7:30 politics newsletter builder)";
const ACCEPT = "application/rss+xml, application/atom+xml, text/html;q=0.9, application/xml;q=0.8, */*;q=0.5";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface UrlReaderOptions {
  timeoutMs?: number;
  maxRedirects?: number;
  /** The fetch implementation; Node's global fetch by default. */
  fetch?: typeof fetch;
}

/** What the cache keeps per URL next to the body. */
interface CacheEntry {
  url: string;
  finalUrl: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

/**
 * Creates a URL reader with its own limits (tests use a short timeout).
 *
 * @example
 * const read = createUrlReader({ timeoutMs: 2_000 });
 * const { bytes, contentType, url } = await read("http://127.0.0.1:8080/feed.xml", { maxBytes: 5_000_000, stateDir: "state" });
 */
export function createUrlReader(readerOptions: UrlReaderOptions = {}): UrlReader {
  const timeoutMs = readerOptions.timeoutMs ?? READ_URL_TIMEOUT_MS;
  const maxRedirects = readerOptions.maxRedirects ?? MAX_REDIRECTS;
  const fetchImpl = readerOptions.fetch ?? fetch;
  /** State folders whose cache this reader has pruned: once per run is enough. */
  const pruned = new Map<string, Promise<void>>();

  return async (url: string, options: UrlReadOptions): Promise<FetchedInput> => {
    const withCredentials = URL.canParse(url) ? new URL(url) : null;
    if (withCredentials && (withCredentials.username || withCredentials.password)) {
      // Refused before any request, and never echoed: the password would land in logs.
      const shown = `${withCredentials.protocol}//***@${withCredentials.host}${withCredentials.pathname}`;
      throw new DigestError(
        "E_INPUT",
        `could not read ${shown} - the URL carries a user name or password. digest reads public pages only; remove the credentials`,
        { where: shown },
      );
    }
    const cacheFiles = options.stateDir === undefined ? null : cachePaths(options.stateDir, url);
    if (options.stateDir !== undefined && !pruned.has(options.stateDir)) {
      const stateDir = options.stateDir;
      pruned.set(
        stateDir,
        pruneHttpCache(stateDir).then(
          () => {},
          (error: NodeJS.ErrnoException) =>
            options.onWarning?.(
              `could not clean up the HTTP cache in ${join(stateDir, HTTP_CACHE_DIR)} - ${error.code ?? error.message}.`,
            ),
        ),
      );
    }
    if (options.stateDir !== undefined) await pruned.get(options.stateDir);
    const cached = cacheFiles ? await readCacheEntry(cacheFiles) : null;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const fail = (why: string, transient: boolean, cause?: unknown): DigestError =>
      new DigestError("E_INPUT", `could not read ${url} - ${why}`, {
        where: url,
        transient,
        ...(cause === undefined ? {} : { cause }),
      });

    try {
      let current = url;
      for (let hop = 0; ; hop++) {
        const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: ACCEPT };
        if (cached?.etag) headers["if-none-match"] = cached.etag;
        if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
        const response = await fetchImpl(current, { redirect: "manual", signal, headers });

        if (REDIRECT_STATUSES.has(response.status)) {
          await response.body?.cancel();
          const location = response.headers.get("location");
          if (!location)
            throw fail(`the server answered ${response.status} without a Location header.`, false);
          if (hop >= maxRedirects) {
            throw fail(
              `more than ${maxRedirects} redirects (last to ${location}). Use the final address instead.`,
              false,
            );
          }
          const next = new URL(location, current);
          if (next.protocol !== "http:" && next.protocol !== "https:") {
            throw fail(`redirected to ${next.protocol} (${next.href}); only http and https are read.`, false);
          }
          current = next.href;
          continue;
        }

        if (response.status === 304 && cached && cacheFiles) {
          await response.body?.cancel();
          const bytes = await readFile(cacheFiles.body).catch(() => null);
          if (bytes !== null) {
            // Used today: the entry's time is what pruning goes by.
            const now = new Date();
            await utimes(cacheFiles.meta, now, now).catch(() => {});
            return { bytes: new Uint8Array(bytes), contentType: cached.contentType, url: cached.finalUrl };
          }
          throw fail(
            "the server answered 304 Not Modified but the cached copy is gone. Run again to fetch it anew.",
            true,
          );
        }

        if (!response.ok) {
          await response.body?.cancel();
          const transient = response.status >= 500 || response.status === 429 || response.status === 408;
          const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
          throw fail(
            `the server answered ${status}. ${transient ? "Try again later." : "Check the address given with --input."}`,
            transient,
          );
        }

        const bytes = await readBodyCapped(response, options.maxBytes, (size) =>
          fail(
            `the response is ${size === null ? "larger than" : `${formatBytes(size)}, over`} the ${formatBytes(options.maxBytes)} input limit. Raise limits.inputBytes in digest.config.json if it is expected.`,
            false,
          ),
        );
        const contentType = response.headers.get("content-type");
        const entry: CacheEntry = {
          url,
          finalUrl: current,
          contentType,
          etag: response.headers.get("etag"),
          lastModified: response.headers.get("last-modified"),
        };
        if (cacheFiles && (entry.etag || entry.lastModified)) {
          await writeCache(cacheFiles, entry, bytes).catch((error: NodeJS.ErrnoException) => {
            options.onWarning?.(
              `could not cache ${url} in ${cacheFiles.dir} - ${error.code ?? error.message}; it will be fetched in full next time.`,
            );
          });
        }
        return { bytes, contentType, url: current };
      }
    } catch (error) {
      if (error instanceof DigestError) throw error;
      if (options.signal?.aborted) {
        throw new DigestError(
          "E_STOPPED",
          `could not read ${url} - stopped (${describeReason(options.signal.reason)}) before the response was complete.`,
          { where: url, transient: true, cause: error },
        );
      }
      if (signal.aborted) {
        throw fail(
          `no complete response within ${formatSeconds(timeoutMs)}. Check the address or try again later.`,
          true,
          error,
        );
      }
      throw fail(`${describeNetworkError(error)}. Check the address and the network.`, true, error);
    }
  };
}

/**
 * The URL reader readInputs uses: {@link createUrlReader} with the default limits.
 *
 * @example
 * const { bytes } = await readUrl("https://www.example.org/politik/index.rss", { maxBytes: 5 * 1024 * 1024, stateDir: "state" });
 */
export const readUrl: UrlReader = createUrlReader();

async function readBodyCapped(
  response: Response,
  maxBytes: number,
  tooLarge: (size: number | null) => DigestError,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(declared);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop downloading at once: a wrong URL may point at a video or an endless stream.
      await reader.cancel();
      throw tooLarge(null);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Deletes cache entries not used for `maxAgeMs` (by the time of their `.json`; a 304 renews it),
 * bodies left without an entry, and temporary files left by a crash. Resolves with how many files
 * went. A missing cache folder is an empty one.
 *
 * @example
 * await pruneHttpCache("state"); // → 4
 */
export async function pruneHttpCache(
  stateDir: string,
  options: { maxAgeMs?: number; now?: number } = {},
): Promise<number> {
  const dir = join(stateDir, HTTP_CACHE_DIR);
  const maxAgeMs = options.maxAgeMs ?? HTTP_CACHE_MAX_AGE_MS;
  const now = options.now ?? Date.now();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  const present = new Set(names);
  const doomed = new Set<string>();
  const ageOf = async (name: string): Promise<number | null> => {
    const info = await stat(join(dir, name)).catch(() => null);
    return info ? now - info.mtimeMs : null;
  };
  for (const name of names) {
    if (name.endsWith(".tmp")) {
      const age = await ageOf(name);
      if (age !== null && age > STALE_TEMP_MS) doomed.add(name);
    } else if (name.endsWith(".json")) {
      const age = await ageOf(name);
      if (age !== null && age > maxAgeMs) {
        doomed.add(name);
        doomed.add(`${name.slice(0, -".json".length)}.body`);
      }
    } else if (name.endsWith(".body") && !present.has(`${name.slice(0, -".body".length)}.json`)) {
      // A body whose entry is gone; written just now, its entry may be on its way (rename order).
      const age = await ageOf(name);
      if (age !== null && age > STALE_TEMP_MS) doomed.add(name);
    }
  }
  let removed = 0;
  for (const name of doomed) {
    if (!present.has(name)) continue;
    // The entry first: a body without an entry is never served (see readCacheEntry).
    await unlink(join(dir, name)).then(
      () => {
        removed += 1;
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      },
    );
  }
  return removed;
}

function cachePaths(stateDir: string, url: string): { dir: string; meta: string; body: string } {
  const dir = join(stateDir, HTTP_CACHE_DIR);
  const key = createHash("sha256").update(url).digest("hex").slice(0, 32);
  return { dir, meta: join(dir, `${key}.json`), body: join(dir, `${key}.body`) };
}

/** The cached entry, only when its body is there too: validators without a body would earn a useless 304. */
async function readCacheEntry(files: { meta: string; body: string }): Promise<CacheEntry | null> {
  try {
    await access(files.body);
    const entry = JSON.parse(await readFile(files.meta, "utf8")) as Partial<CacheEntry>;
    if (typeof entry.url !== "string" || typeof entry.finalUrl !== "string") return null;
    return {
      url: entry.url,
      finalUrl: entry.finalUrl,
      contentType: entry.contentType ?? null,
      etag: entry.etag ?? null,
      lastModified: entry.lastModified ?? null,
    };
  } catch {
    // No cache yet, or a damaged one: fetch in full.
    return null;
  }
}

/** Body first, then the entry that points at it, each by rename: a crash never leaves a 304 without a body. */
async function writeCache(
  files: { dir: string; meta: string; body: string },
  entry: CacheEntry,
  bytes: Uint8Array,
) {
  await mkdir(files.dir, { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  await writeFile(files.body + suffix, bytes);
  await rename(files.body + suffix, files.body);
  await writeFile(files.meta + suffix, `${JSON.stringify(entry, null, 2)}\n`);
  await rename(files.meta + suffix, files.meta);
}

function describeReason(reason: unknown): string {
  return typeof reason === "string" ? reason : reason instanceof Error ? reason.message : "aborted";
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code === "ECONNREFUSED") return "the connection was refused (ECONNREFUSED)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `the host name could not be resolved (${code})`;
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return `the connection was dropped (${code})`;
  if (code) return `the request failed (${code})`;
  return `the request failed (${cause?.message ?? (error as Error).message ?? String(error)})`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The URL reader readInputs uses by default.
 *
 * @example
 * const { bytes, contentType } = await readUrlInput("http://127.0.0.1:8080/feed.xml", { maxBytes: 5_000_000 });
 */
export const readUrlInput: UrlReader = (url, options) => readUrl(url, options);
