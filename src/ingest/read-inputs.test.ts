import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DigestError, isDigestError } from "../errors.js";
import { DEFAULT_MAX_INPUT_BYTES, type ReadInputsOptions, readInputs } from "./read-inputs.js";
import type { UrlReader } from "./url-reader.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(ROOT, "test/fixtures/ingest");
const SEED = join(ROOT, "seeds/000_7cdcff967b3c5d01.txt");

let dir: string;
let options: ReadInputsOptions;
let reported: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "digest-ingest-"));
  reported = [];
  options = { cwd: dir, maxBytes: DEFAULT_MAX_INPUT_BYTES, onWarning: (message) => reported.push(message) };
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function put(relative: string, source: string): void {
  mkdirSync(join(dir, relative, ".."), { recursive: true });
  copyFileSync(source, join(dir, relative));
}

async function failure(inputs: string[], readOptions: ReadInputsOptions = options): Promise<DigestError> {
  try {
    await readInputs(inputs, readOptions);
  } catch (error) {
    if (isDigestError(error, "E_INPUT")) return error;
    throw error;
  }
  throw new Error("expected readInputs to fail with E_INPUT");
}

describe("readInputs", () => {
  it("reads a single file given relative to cwd", async () => {
    put("seed.txt", SEED);
    const { articles, warnings } = await readInputs(["seed.txt"], options);
    expect(articles.map((article) => [article.source, article.headline])).toEqual([
      ["seed.txt", "China will Putin den Rücken stärken"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("reads every supported file of a folder in name order, including sub-folders, skipping hidden and other files", async () => {
    put("in/b.txt", join(FIXTURES, "text/no-kicker.txt"));
    put("in/a.json", join(FIXTURES, "json/two-articles.json"));
    put("in/sub/c.txt", join(FIXTURES, "encoding/windows-1252.txt"));
    put("in/.hidden.txt", join(FIXTURES, "text/ticker.txt"));
    put("in/photo.jpg", join(FIXTURES, "bad/binary.txt"));
    const { articles, warnings } = await readInputs(["in"], options);
    expect(articles.map((article) => [article.source, article.format])).toEqual([
      ["in/a.json", "json"],
      ["in/a.json", "json"],
      ["in/b.txt", "text"],
      ["in/sub/c.txt", "text"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("skips unusable files of a folder with one warning each and keeps the rest", async () => {
    put("in/0-seed.txt", SEED);
    put("in/empty.txt", join(FIXTURES, "bad/empty.txt"));
    put("in/binary.txt", join(FIXTURES, "bad/binary.txt"));
    put("in/headline-only.txt", join(FIXTURES, "bad/headline-only.txt"));
    put("in/broken.json", join(FIXTURES, "json/invalid-syntax.json"));
    put("in/none.json", join(FIXTURES, "json/empty-array.json"));
    const { articles, warnings } = await readInputs(["in"], options);
    expect(articles.map((article) => article.source)).toEqual(["in/0-seed.txt"]);
    expect(warnings).toEqual([
      "skipped in/binary.txt - it is not a text file (it contains binary data). Expected an article as text, JSON, HTML or a feed.",
      expect.stringMatching(/^skipped in\/broken\.json - it is not valid JSON/),
      "skipped in/empty.txt - the file is empty. Expected an article as text, JSON, HTML or a feed.",
      expect.stringMatching(
        /^skipped in\/headline-only\.txt - found the headline "Hier steht kein Artikel" but no article text/,
      ),
      "skipped in/none.json - it holds no articles.",
    ]);
    expect(reported).toEqual(warnings);
    for (const warning of warnings) expect(warning).not.toContain("\n");
  });

  it.each([
    ["bad/empty.txt", /^could not read empty\.txt - the file is empty\./],
    ["bad/binary.txt", /^could not read binary\.txt - it is not a text file/],
    ["bad/whitespace.txt", /^could not read whitespace\.txt - the file is empty \(whitespace only\)/],
  ])(
    "fails with the file's own error when the only input (%s) is unusable, reporting no warning",
    async (fixture, message) => {
      const name = fixture.replace("bad/", "");
      put(name, join(FIXTURES, fixture));
      const error = await failure([name]);
      expect(error.message).toMatch(message);
      expect(error.exitCode).toBe(2);
      expect(reported).toEqual([]);
    },
  );

  it("fails naming each input when none of several is usable", async () => {
    put("in/empty.txt", join(FIXTURES, "bad/empty.txt"));
    put("in/binary.txt", join(FIXTURES, "bad/binary.txt"));
    const error = await failure(["in"]);
    expect(error.message).toBe(
      "could not read any article from in - in/binary.txt: it is not a text file (it contains binary data); in/empty.txt: the file is empty. Expected articles as text, JSON, HTML or feeds.",
    );
  });

  it("fails for a path that does not exist, even next to usable inputs", async () => {
    put("seed.txt", SEED);
    const error = await failure(["seed.txt", "missing/article.txt"]);
    expect(error.message).toBe(
      "could not read missing/article.txt - no such file or folder. Check the path and the current folder.",
    );
    expect(error.where).toBe("missing/article.txt");
  });

  it("fails for a folder without supported files", async () => {
    mkdirSync(join(dir, "empty"));
    const error = await failure(["empty"]);
    expect(error.message).toMatch(
      /^could not read any article from empty - no supported files found \(\.json, \.rss, .*\.html, .*\.txt, \.text\)/,
    );
  });

  it("refuses a file over the size cap with a clear message", async () => {
    writeFileSync(join(dir, "big.txt"), `Titel\n\n${"Ein Satz. ".repeat(300)}`);
    const error = await failure(["big.txt"], { ...options, maxBytes: 2048 });
    expect(error.message).toBe(
      "could not read big.txt - it is 2.9 KB, over the 2 KB input limit. Split it, or raise limits.inputBytes in digest.config.json.",
    );
  });

  it("reads a file with an unknown extension by sniffing its content", async () => {
    put("article.export", join(FIXTURES, "json/one-article.json"));
    put("article.md", join(FIXTURES, "text/no-kicker.txt"));
    const { articles } = await readInputs(["article.export", "article.md"], options);
    expect(articles.map((article) => article.format)).toEqual(["json", "text"]);
  });

  it("reads each file once when it is named twice", async () => {
    put("in/seed.txt", SEED);
    const { articles } = await readInputs(["in", "in/seed.txt", join(dir, "in/seed.txt")], options);
    expect(articles).toHaveLength(1);
  });

  it("reads every encoding fixture to the same umlauts", async () => {
    for (const file of [
      "crlf.txt",
      "iso-8859-1.txt",
      "utf16be-bom.txt",
      "utf16le-bom.txt",
      "utf8-bom.txt",
      "windows-1252.txt",
    ]) {
      put(`enc/${file}`, join(FIXTURES, "encoding", file));
    }
    const { articles, warnings } = await readInputs(["enc"], options);
    expect(warnings).toEqual([]);
    expect(articles.map((article) => article.headline)).toEqual([
      "Bundestag beschließt Haushalt für 2025 nach langer Debatte",
      "Länder einigen sich auf Lösung im Streit um Grundsteuer",
      "Koalitionsverhandlungen gehen in die entscheidende Runde",
      "Union baut Vorsprung aus",
      "Koalition vertagt Entscheidung",
      "Scholz und Macron demonstrieren Einigkeit",
    ]);
  });

  it("passes the reference date on, for ticker entries without a year", async () => {
    writeFileSync(
      join(dir, "ticker.txt"),
      "„Live“: Gipfel\n\nDie Spitzen beraten.\n\nUpdate vom 2. Januar, 8.00 Uhr: Die Beratungen beginnen.\n",
    );
    const { articles } = await readInputs(["ticker.txt"], {
      ...options,
      referenceDate: new Date("2025-01-02T12:00:00Z"),
    });
    expect(articles[0]?.updates[0]?.time).toBe("2025-01-02T08:00:00+01:00");
  });
});

describe("readInputs with URLs", () => {
  it("skips a URL that cannot be fetched with a one-line warning naming it", async () => {
    put("seed.txt", SEED);
    // A loopback port that was just closed: the default reader (src/ingest/read-url.ts) is refused at once.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/feed.xml`;
    await new Promise<void>((done) => probe.close(() => done()));
    const { articles, warnings } = await readInputs(["seed.txt", url], options);
    expect(articles).toHaveLength(1);
    expect(warnings).toEqual([
      `skipped ${url} - the connection was refused (ECONNREFUSED). Check the address and the network.`,
    ]);
  });

  it("decodes and parses what a plugged-in reader fetched, by media type and HTTP charset", async () => {
    const body = iconv.encode(
      '{"headline": "Länderkammer stoppt Gesetz", "paragraphs": ["Der Bundesrat hat das Gesetz gestoppt."]}',
      "latin1",
    );
    const seen: string[] = [];
    const readUrl: UrlReader = async (url, readOptions) => {
      seen.push(`${url} ${readOptions.maxBytes}`);
      return {
        bytes: body,
        contentType: "application/json; charset=ISO-8859-1",
        url: "https://example.org/api/artikel",
      };
    };
    const { articles } = await readInputs(["https://example.org/api/artikel?id=1"], { ...options, readUrl });
    expect(seen).toEqual([`https://example.org/api/artikel?id=1 ${DEFAULT_MAX_INPUT_BYTES}`]);
    expect(articles.map((article) => [article.headline, article.format, article.source])).toEqual([
      ["Länderkammer stoppt Gesetz", "json", "https://example.org/api/artikel"],
    ]);
  });

  it("refuses a fetched body over the size cap", async () => {
    const readUrl: UrlReader = async (url) => ({
      bytes: new Uint8Array(4096).fill(0x41),
      contentType: "text/plain",
      url,
    });
    const error = await failure(["https://example.org/big.txt"], { ...options, maxBytes: 1024, readUrl });
    expect(error.message).toMatch(
      /^could not read https:\/\/example\.org\/big\.txt - it is 4 KB, over the 1 KB input limit/,
    );
  });
});
