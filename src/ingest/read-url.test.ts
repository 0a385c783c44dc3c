import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHttpServer, type TestHttpServer } from "../../test/support/http-server.js";
import { isDigestError } from "../errors.js";
import { readInputs } from "./read-inputs.js";
import { createUrlReader, HTTP_CACHE_MAX_AGE_MS, pruneHttpCache, readUrl } from "./read-url.js";

const FEED = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Politik</title>
<item><title>Länder einigen sich über Grundsteuer</title><link>https://example.org/politik/a.html</link>
<description>Die Ministerpräsidenten haben sich verständigt.</description><category>Politik</category></item>
</channel></rss>`;

let server: TestHttpServer;
let base: string;
let stateDir: string;
const hits: Record<string, number> = {};
const conditional: Record<string, string | undefined> = {};

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? "/";
  hits[path] = (hits[path] ?? 0) + 1;
  conditional[path] =
    (req.headers["if-none-match"] as string | undefined) ?? req.headers["if-modified-since"];
  if (path === "/etag.rss") {
    if (req.headers["if-none-match"] === '"v1"') {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: '"v1"' }).end(FEED);
  } else if (path === "/modified.rss") {
    const stamp = "Wed, 25 Nov 2026 06:00:00 GMT";
    if (req.headers["if-modified-since"] === stamp) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/rss+xml", "last-modified": stamp }).end(FEED);
  } else if (path === "/latin1") {
    // No extension, no XML declaration: the format comes from the media type, the charset from the header.
    res
      .writeHead(200, { "content-type": "application/rss+xml; charset=ISO-8859-1" })
      .end(iconv.encode(FEED.replace('<?xml version="1.0"?>\n', ""), "latin1"));
  } else if (path.startsWith("/hop/")) {
    const left = Number(path.slice(5));
    res.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : "/etag.rss" }).end();
  } else if (path === "/missing") {
    res.writeHead(404, "Not Found").end("nope");
  } else if (path === "/down") {
    res.writeHead(503, "Service Unavailable").end();
  } else if (path === "/big-declared") {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(4096) }).end("x".repeat(4096));
  } else if (path === "/big-streamed") {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("x".repeat(3000));
    res.end("y".repeat(3000));
  } else if (path === "/hang") {
    // Never answers: the reader's timeout must end the wait.
  } else {
    res.writeHead(500).end();
  }
}

beforeAll(async () => {
  server = await startHttpServer(route);
  base = server.url;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), "digest-http-"));
  for (const key of Object.keys(hits)) delete hits[key];
  return () => rmSync(stateDir, { recursive: true, force: true });
});

/** A loopback URL whose port was just free'd: connecting to it is refused. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return `http://127.0.0.1:${port}/feed.xml`;
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!isDigestError(error, "E_INPUT"))
    throw new Error(`expected an E_INPUT DigestError, got ${String(error)}`);
  return error;
}

describe("readUrl", () => {
  it("reads a feed URL into articles through readInputs, decoding by the HTTP charset", async () => {
    const { articles } = await readInputs([`${base}/latin1`], {
      cwd: stateDir,
      maxBytes: 1_000_000,
      stateDir,
    });
    expect(articles.map((a) => [a.format, a.headline, a.section, a.source])).toEqual([
      ["feed", "Länder einigen sich über Grundsteuer", "Politik", `${base}/latin1`],
    ]);
  });

  it("caches by ETag and answers a 304 from the state folder", async () => {
    const first = await readUrl(`${base}/etag.rss`, { maxBytes: 1_000_000, stateDir });
    const second = await readUrl(`${base}/etag.rss`, { maxBytes: 1_000_000, stateDir });
    expect(conditional["/etag.rss"]).toBe('"v1"');
    expect(hits["/etag.rss"]).toBe(2);
    expect(Buffer.from(second.bytes).toString("utf8")).toBe(FEED);
    expect(second.contentType).toBe(first.contentType);
    expect(readdirSync(join(stateDir, "http-cache")).sort()).toHaveLength(2);
  });

  it("fetches in full when the cached body is gone", async () => {
    await readUrl(`${base}/etag.rss`, { maxBytes: 1_000_000, stateDir });
    for (const name of readdirSync(join(stateDir, "http-cache"))) {
      if (name.endsWith(".body")) rmSync(join(stateDir, "http-cache", name));
    }
    const again = await readUrl(`${base}/etag.rss`, { maxBytes: 1_000_000, stateDir });
    expect(conditional["/etag.rss"]).toBeUndefined();
    expect(Buffer.from(again.bytes).toString("utf8")).toBe(FEED);
  });

  it("renews a cache entry's time when a 304 answers from it", async () => {
    const read = createUrlReader();
    await read(`${base}/etag.rss`, { maxBytes: 1_000_000, stateDir });
    const cache = join(stateDir, "http-cache");
    const meta = readdirSync(cache).find((name) => name.endsWith(".json")) as string;
    const longAgo = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000);
    utimesSync(join(cache, meta), longAgo, longAgo);
    await read(`${base}/etag.rss`, { maxBytes: 1_000_000, stateDir });
    expect(statSync(join(cache, meta)).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });

  it("deletes entries unused for 30 days on its first read of a run, and keeps the rest", async () => {
    const read = createUrlReader();
    await read(`${base}/etag.rss`, { maxBytes: 1_000_000, stateDir });
    const cache = join(stateDir, "http-cache");
    const fresh = readdirSync(cache).sort();
    const old = new Date(Date.now() - HTTP_CACHE_MAX_AGE_MS - 60_000);
    for (const name of ["0123.json", "0123.body"]) {
      writeFileSync(join(cache, name), "{}");
      utimesSync(join(cache, name), old, old);
    }
    await createUrlReader()(`${base}/modified.rss`, { maxBytes: 1_000_000, stateDir });
    const left = readdirSync(cache);
    expect(left).not.toContain("0123.json");
    expect(left).not.toContain("0123.body");
    for (const name of fresh) expect(left).toContain(name);
  });

  it("caches by Last-Modified", async () => {
    await readUrl(`${base}/modified.rss`, { maxBytes: 1_000_000, stateDir });
    const again = await readUrl(`${base}/modified.rss`, { maxBytes: 1_000_000, stateDir });
    expect(conditional["/modified.rss"]).toBe("Wed, 25 Nov 2026 06:00:00 GMT");
    expect(Buffer.from(again.bytes).toString("utf8")).toBe(FEED);
  });

  it("sends no validators without a state folder", async () => {
    await readUrl(`${base}/etag.rss`, { maxBytes: 1_000_000 });
    await readUrl(`${base}/etag.rss`, { maxBytes: 1_000_000 });
    expect(conditional["/etag.rss"]).toBeUndefined();
  });

  it("follows up to five redirects and reports the final URL", async () => {
    const fetched = await readUrl(`${base}/hop/4`, { maxBytes: 1_000_000 });
    expect(fetched.url).toBe(`${base}/etag.rss`);
  });

  it.each([
    ["/hop/5", `more than 5 redirects (last to /etag.rss). Use the final address instead.`, false],
    ["/missing", "the server answered 404 Not Found. Check the address given with --input.", false],
    ["/down", "the server answered 503 Service Unavailable. Try again later.", true],
    [
      "/big-declared",
      "the response is 4 KB, over the 2 KB input limit. Raise limits.inputBytes in digest.config.json if it is expected.",
      false,
    ],
    [
      "/big-streamed",
      "the response is larger than the 2 KB input limit. Raise limits.inputBytes in digest.config.json if it is expected.",
      false,
    ],
  ])("fails %s with one clear line", async (path, why, transient) => {
    const error = await failureOf(readUrl(`${base}${path}`, { maxBytes: 2048 }));
    expect(error.message).toBe(`could not read ${base}${path} - ${why}`);
    expect(error.transient).toBe(transient);
  });

  it("gives up on a server that does not answer within the timeout", async () => {
    const read = createUrlReader({ timeoutMs: 300 });
    const error = await failureOf(read(`${base}/hang`, { maxBytes: 2048 }));
    expect(error.message).toBe(
      `could not read ${base}/hang - no complete response within 0.3 s. Check the address or try again later.`,
    );
    expect(error.transient).toBe(true);
  });

  it("stops waiting at once when the command is stopped (SIGTERM), well before the timeout", async () => {
    const read = createUrlReader({ timeoutMs: 30_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort("SIGTERM"), 100);
    const started = Date.now();
    const error = await read(`${base}/hang`, { maxBytes: 2048, signal: controller.signal }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    if (!isDigestError(error, "E_STOPPED")) throw new Error(`expected E_STOPPED, got ${String(error)}`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error.message).toBe(
      `could not read ${base}/hang - stopped (SIGTERM) before the response was complete.`,
    );
    expect(error.transient).toBe(true);
  });

  it("names a refused connection", async () => {
    const closed = await closedPortUrl();
    const error = await failureOf(readUrl(closed, { maxBytes: 2048 }));
    expect(error.message).toBe(
      `could not read ${closed} - the connection was refused (ECONNREFUSED). Check the address and the network.`,
    );
  });
});

describe("pruneHttpCache", () => {
  it("removes old entries with their bodies, crash leftovers and orphaned bodies; a missing folder is empty", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-http-cache-"));
    expect(await pruneHttpCache(dir)).toBe(0);
    const cache = join(dir, "http-cache");
    mkdirSync(cache);
    const now = Date.parse("2026-11-26T06:00:00Z");
    const file = (name: string, ageMs: number) => {
      writeFileSync(join(cache, name), "x");
      const at = new Date(now - ageMs);
      utimesSync(join(cache, name), at, at);
    };
    const day = 24 * 60 * 60 * 1000;
    file("old.json", 31 * day);
    file("old.body", 31 * day);
    file("kept.json", 29 * day);
    file("kept.body", 40 * day); // the entry's time counts, not the body's
    file("orphan.body", 2 * day);
    file("just-written.body", 1000); // its entry may be about to be renamed into place
    file("kept.json.123.tmp", 2 * 60 * 60 * 1000);
    file("busy.body.456.tmp", 1000);
    expect(await pruneHttpCache(dir, { now })).toBe(4);
    expect(readdirSync(cache).sort()).toEqual([
      "busy.body.456.tmp",
      "just-written.body",
      "kept.body",
      "kept.json",
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});
