/**
 * `digest build` and `digest parse` on what a newsroom really has at 6 a.m.: a folder of scraped
 * text, saved HTML pages, an RSS feed, an Atom feed and a CMS JSON export (test/fixtures/web/mixed/),
 * and the same pages served over HTTP from a local server.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article, Edition } from "../../src/types.js";
import { startHttpServer, type TestHttpServer } from "../support/http-server.js";
import { runCliInProcess } from "../support/run-cli-in-process.js";
import { ROOT } from "../support/run-digest.js";
import { spawnDigest } from "../support/spawn-digest.js";

const MIXED = join(ROOT, "test/fixtures/web/mixed");
const DATE = "2026-11-26";
let cwd: string;

beforeAll(() => {
  // An empty working folder: no digest.config.json, so the defaults apply and state stays here.
  cwd = mkdtempSync(join(tmpdir(), "digest-mixed-"));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("digest build --input DIR on a mixed folder", () => {
  let edition: Edition;
  let stderr: string;

  beforeAll(async () => {
    const run = await runCliInProcess(["build", "--input", MIXED, "--date", DATE], { cwd });
    expect(run.code, run.stderr).toBe(0);
    edition = JSON.parse(run.stdout) as Edition;
    stderr = run.stderr;
  });

  it("picks the politics story covered by two sources as the top story", () => {
    const [top] = edition.stories;
    expect(top).toMatchObject({
      role: "top",
      section: "Politik",
      kicker: "Schwere Geburt",
      headline: "Bundestag beschließt Haushalt nach Nachtsitzung",
      authors: ["Anna Muster", "Ben Beispiel"],
      url: "https://www.beispiel-zeitung.example/politik/haushalt-2027-bundestag-100.html",
      image: { credit: "Kay Nietfeld/dpa" },
    });
    expect(top?.keyPoints.length).toBeGreaterThanOrEqual(3);
  });

  it("lists the further politics headlines from every format, the headline-only feed item last", () => {
    expect(edition.stories.slice(1).map((s) => s.headline)).toEqual([
      "Koalition streitet über Rente & Pflege", // Atom, updated 06:40
      "Landtag wählt neue Präsidentin", // scraped text, 06:10
      "Länder einigen sich auf Reform der Grundsteuer", // RSS content:encoded, 05:30
      "Innenminister wollen Abschiebungen beschleunigen", // JSON, section only from its URL
      "Wehrbeauftragte legt Bericht vor: Mängel bei Ausrüstung bleiben", // RSS summary only
    ]);
  });

  it("merges the agency's feed item into the richer page and leaves out other sections and stale items", () => {
    const headlines = edition.stories.map((s) => s.headline);
    expect(headlines).not.toContain("Bundestag verabschiedet Etat für 2027");
    for (const other of ["Torjäger", "Handballer", "Eisbär", "Ausstellung", "Diätenerhöhung"]) {
      expect(headlines.join("\n")).not.toContain(other);
    }
    expect(edition.stories.every((s) => s.section === "Politik")).toBe(true);
    expect(stderr).toBe("");
  });
});

describe("digest build on pages without any section signal", () => {
  it("lets the politics classifier find the politics story and label it", async () => {
    const page = join(ROOT, "test/fixtures/web/html/no-section.html");
    const run = await runCliInProcess(
      ["build", "--input", page, "--input", join(MIXED, "sport.html"), "--date", DATE],
      {
        cwd,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    const edition = JSON.parse(run.stdout) as Edition;
    expect(edition.stories.map((s) => [s.section, s.headline])).toEqual([
      ["Politik", "Koalition ringt um Wehrdienst"],
    ]);
  });

  it("exits 3 with one line when only other desks' stories are there", async () => {
    const run = await runCliInProcess(["build", "--input", join(MIXED, "sport.html"), "--date", DATE], {
      cwd,
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^digest: no Politik story qualifies for an edition - 1 article\(s\) read, .*\n$/,
    );
  });
});

describe("digest parse", () => {
  it("prints the Article of an HTML page with JSON-LD", async () => {
    const run = await runCliInProcess(["parse", join(MIXED, "haushalt.html")], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const article = JSON.parse(run.stdout) as Article;
    expect(article).toMatchObject({
      format: "html",
      section: "Politik",
      breadcrumbs: ["Politik", "Deutschland"],
      kicker: "Schwere Geburt",
      headline: "Bundestag beschließt Haushalt nach Nachtsitzung",
      authors: ["Anna Muster", "Ben Beispiel"],
      agencies: ["dpa"],
      published: "2026-11-26T05:45:00+01:00",
      updated: "2026-11-26T06:20:00+01:00",
      dateline: "Berlin",
      image: { caption: "Der Plenarsaal des Bundestages kurz nach Mitternacht.", credit: "Kay Nietfeld/dpa" },
      fullText: true,
    });
    const body = article.paragraphs.map((b) => b.text).join("\n");
    expect(body).not.toMatch(/Auch interessant|kostenlos anmelden|Plenarsaal|KommentareDrucken|Teilen/);
  });

  it("prints one Article per feed item", async () => {
    const run = await runCliInProcess(["parse", join(MIXED, "politik.rss"), join(MIXED, "morgenpost.atom")], {
      cwd,
    });
    expect(run.code, run.stderr).toBe(0);
    const articles = JSON.parse(run.stdout) as Article[];
    expect(articles.map((a) => [a.format, a.section, a.headline, a.fullText])).toEqual([
      ["feed", "Politik", "Bundestag verabschiedet Etat für 2027", false],
      ["feed", "Politik", "Länder einigen sich auf Reform der Grundsteuer", true],
      ["feed", "Politik", "Wehrbeauftragte legt Bericht vor: Mängel bei Ausrüstung bleiben", false],
      ["feed", "Sport", "Torjäger rettet Remis in letzter Minute", false],
      ["feed", "Politik", "Streit über Diätenerhöhung im Landtag", false],
      ["feed", "Politik", "Koalition streitet über Rente & Pflege", true],
      ["feed", "Kultur", "Neue Ausstellung zeigt Werke des Expressionismus", false],
    ]);
  });
});

describe("digest build --input URL", () => {
  let server: TestHttpServer;
  let base: string;
  let requests: string[];

  beforeAll(async () => {
    requests = [];
    server = await startHttpServer((req, res) => {
      requests.push(`${req.url} ${req.headers["if-none-match"] ?? "-"}`);
      const name = (req.url ?? "/").slice(1);
      if (!["haushalt.html", "politik.rss"].includes(name)) {
        res.writeHead(404, "Not Found").end();
        return;
      }
      const etag = `"${name}-v1"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304).end();
        return;
      }
      const type = name.endsWith(".rss") ? "application/rss+xml; charset=utf-8" : "text/html; charset=utf-8";
      res.writeHead(200, { "content-type": type, etag }).end(readFileSync(join(MIXED, name)));
    });
    base = server.url;
  });
  afterAll(async () => {
    await server.close();
  });

  it("builds from a page and a feed URL, and the second run is answered from the state folder's cache", async () => {
    const args = [
      "build",
      "--input",
      `${base}/haushalt.html`,
      "--input",
      `${base}/politik.rss`,
      "--date",
      DATE,
    ];
    const first = await runCliInProcess(args, { cwd });
    expect(first.code, first.stderr).toBe(0);
    const second = await runCliInProcess(args, { cwd });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const edition = JSON.parse(first.stdout) as Edition;
    expect(edition.stories[0]?.headline).toBe("Bundestag beschließt Haushalt nach Nachtsitzung");
    // Inputs may be fetched concurrently: the order of requests within a run is not fixed.
    expect(requests.slice(0, 2).sort()).toEqual(["/haushalt.html -", "/politik.rss -"]);
    expect(requests.slice(2).sort()).toEqual([
      '/haushalt.html "haushalt.html-v1"',
      '/politik.rss "politik.rss-v1"',
    ]);
    expect(readdirSync(join(cwd, "state", "http-cache"))).toHaveLength(4);
  });

  it("fails with exit 2 and one line naming a URL that does not exist", async () => {
    const run = await runCliInProcess(["build", "--input", `${base}/fehlt.html`, "--date", DATE], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `digest: could not read ${base}/fehlt.html - the server answered 404 Not Found. Check the address given with --input.\n`,
    );
  });
});

describe("a URL input that never answers, and the run is stopped", () => {
  it("SIGTERM ends the wait at once: exit 1, one line naming the URL, no preview written", async () => {
    let requested: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      requested = resolve;
    });
    // Answers nothing: only the reader's 15 s timeout or the signal can end the request.
    const server = await startHttpServer(() => requested());
    const out = mkdtempSync(join(tmpdir(), "digest-stopped-"));
    try {
      const digest = spawnDigest(
        ["preview", "--input", `${server.url}/politik.rss`, "--input", MIXED, "--out", out, "--date", DATE],
        { from: "dist", cwd },
      );
      await arrived;
      const stoppedAt = Date.now();
      digest.child.kill("SIGTERM");
      const { code } = await digest.exited;
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      expect(code).toBe(1);
      expect(digest.stderr()).toContain(
        `digest: could not read ${server.url}/politik.rss - stopped (SIGTERM) before the response was complete.`,
      );
      expect(digest.stderr()).not.toMatch(/\n\s+at /);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    }
  }, 30_000);
});
