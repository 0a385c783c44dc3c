import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runDigest } from "../support/run-digest.js";

const SEED = join(ROOT, "seeds/000_7cdcff967b3c5d01.txt");
const FIXTURES = join(ROOT, "test/fixtures/cli");

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "digest-cli-"));
});

/** A failure is one line on stderr, names the problem and carries no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("digest preview (the default command)", () => {
  it("writes the three preview files of the seed edition and prints their paths", async () => {
    const out = join(tmp, "preview");
    const run = await runDigest(["--out", out, "--date", "2026-11-26"]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const paths = run.stdout.trim().split("\n");
    expect(paths).toEqual([join(out, "digest.html"), join(out, "digest.txt"), join(out, "digest.json")]);
    const html = await readFile(paths[0]!, "utf8");
    const text = await readFile(paths[1]!, "utf8");
    const edition = JSON.parse(await readFile(paths[2]!, "utf8"));
    const top = edition.stories[0];
    expect(edition.date).toBe("2026-11-26");
    expect(edition.dateLine).toBe("Donnerstag, 26. November 2026");
    expect(top.headline).toBe("China will Putin den Rücken stärken");
    expect(top.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(top.keyPoints.length).toBeLessThanOrEqual(5);
    expect(Buffer.byteLength(html)).toBeLessThan(102 * 1024);
    expect(html).toContain('lang="de"');
    expect(html).not.toContain("{{");
    const body = parseHTML(html).document.body.textContent?.replace(/\s+/g, " ") ?? "";
    expect(body).toContain(top.headline);
    expect(body).toContain(top.teaser);
    for (const point of top.keyPoints) {
      expect(body).toContain(point.text);
      expect(text.replace(/\s+/g, " ")).toContain(point.text);
    }
    expect(text).toContain(top.headline);
    // Issue 10: the log line says which date the top story carries; the seed carries none.
    expect(run.stderr).toMatch(/edition 2026-11-26: ".+" \(1 story, top story undated\)$/m);
  });

  it("names the top story's date in the log line", async () => {
    const run = await runDigest([
      "preview",
      "--input",
      join(ROOT, "test/fixtures/web/mixed"),
      "--date",
      "2026-11-26",
      "--out",
      join(tmp, "dated"),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/\(6 stories, top story dated 2026-11-2\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d\)$/m);
  });

  it("uses the bundled seed articles when run outside the project", async () => {
    const out = join(tmp, "elsewhere");
    const run = await runDigest(["preview", "--out", out], { cwd: tmp });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(join(out, "digest.html"));
  });
});

describe("digest parse", () => {
  it("parses the seed article", async () => {
    const run = await runDigest(["parse", SEED]);
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout);
    expect(article).toMatchObject({
      section: "Politik",
      kicker: "Entwicklung militärischer Beziehung",
      headline: "China will Putin den Rücken stärken",
      authors: ["Nail Akkoyun"],
      dateline: "Peking/Moskau",
      published: null,
    });
    expect(article.image.credit).toBe("Alexei Druzhinin/dpa");
    const body = article.paragraphs.map((p: { text: string }) => p.text).join("\n");
    expect(body).not.toContain("prosten sich");
    expect(body).not.toContain("jetzt kostenlos anmelden");
    expect(body).not.toContain("Auch interessant");
    expect(body).not.toMatch(/^Kommentare$/m);
  });
});

describe("digest build", () => {
  it("prints the edition JSON", async () => {
    const run = await runDigest(["build", "--input", SEED, "--date", "2026-11-26"]);
    expect(run.code).toBe(0);
    const edition = JSON.parse(run.stdout);
    expect(edition.subject.length).toBeGreaterThan(0);
    expect(edition.subject.length).toBeLessThanOrEqual(90);
    // `removed` is optional: what compression left out of the source sentence (src/types.ts).
    const { removed, ...point } = edition.stories[0].keyPoints[0];
    expect(point).toEqual({
      text: expect.any(String),
      paragraph: expect.any(Number),
      sentence: expect.any(Number),
    });
    if (removed !== undefined) expect(removed).toEqual([expect.any(String)]);
  });
});

describe("untrusted article text", () => {
  it("renders markup and template syntax from an article as visible text", async () => {
    const out = join(tmp, "injection");
    const run = await runDigest(["preview", "--input", join(FIXTURES, "injection.json"), "--out", out]);
    expect(run.stderr).not.toMatch(/warn|error/i);
    expect(run.code).toBe(0);
    const html = await readFile(join(out, "digest.html"), "utf8");
    const text = await readFile(join(out, "digest.txt"), "utf8");
    const { document } = parseHTML(html);
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.querySelectorAll("mj-raw")).toHaveLength(0);
    expect(document.querySelector("img[onerror]")).toBeNull();
    const visible = document.body.textContent ?? "";
    for (const literal of [
      "<script>alert(1)</script>",
      "{{constructor}}",
      "{{{x}}}",
      "</mjml>",
      "<mj-raw>",
    ]) {
      expect(visible).toContain(literal);
      expect(text).toContain(literal);
    }
  });
});

describe("bad input", () => {
  it.each([
    ["an empty file", "empty.txt", "", /empty\.txt.*empty/i],
    [
      "a binary file",
      "binary.txt",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0]),
      /binary\.txt.*not a text file/i,
    ],
  ])("exits 2 on %s, naming it", async (_label, name, content, pattern) => {
    const file = join(tmp, name);
    await writeFile(file, content);
    const run = await runDigest(["preview", "--input", file, "--out", join(tmp, `out-${name}`)]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, pattern);
    expect(run.stdout).toBe("");
  });

  it("exits 2 on a missing path, naming it", async () => {
    const run = await runDigest(["build", "--input", join(tmp, "nope.txt")]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, /nope\.txt/);
  });

  it("exits 3 when no politics story qualifies, writing nothing", async () => {
    const out = join(tmp, "none");
    const run = await runDigest(["preview", "--input", join(FIXTURES, "sport.txt"), "--out", out]);
    expect(run.code).toBe(3);
    expectOneLineError(run.stderr, /no Politik story/);
    await expect(readFile(join(out, "digest.html"))).rejects.toThrow();
  });

  it.each([
    [["frobnicate"], /unknown command 'frobnicate'/],
    [["build", "--bogus"], /bogus/],
    [["build", "--date", "2026-02-30"], /2026-02-30 is not a valid date/],
    [["parse"], /missing FILE/],
  ])("exits 2 on bad usage: %j", async (args, pattern) => {
    const run = await runDigest(args);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, pattern);
  });

  it("exits 2 on an invalid config, naming every bad key", async () => {
    const config = join(tmp, "bad.config.json");
    await writeFile(config, JSON.stringify({ timeZone: "Mars/Olympus", limits: { furtherHeadlines: -1 } }));
    const run = await runDigest(["build", "--config", config]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, /timeZone: unknown IANA time zone.*limits\.furtherHeadlines/);
  });

  it("adds the stack trace with --debug", async () => {
    const run = await runDigest(["build", "--input", join(tmp, "nope.txt"), "--debug"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe("batch modes", () => {
  it("digest sentences --jsonl turns one JSON string per line into one array per line", async () => {
    const input = `${JSON.stringify("Am 15. Juni sprach er. Dann ging er.")}\n${JSON.stringify("Z. B. dies. Und das.")}\n`;
    const run = await runDigest(["sentences", "--jsonl"], { input });
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      ["Am 15. Juni sprach er.", "Dann ging er."],
      ["Z. B. dies.", "Und das."],
    ]);
  });

  it("digest summarize --jsonl answers every input line with one result line", async () => {
    const article = JSON.parse(await readFile(join(FIXTURES, "injection.json"), "utf8"));
    const input = `${JSON.stringify(article)}\n${JSON.stringify({ ...article, headline: "Zweiter Artikel" })}\n`;
    const run = await runDigest(["summarize", "--jsonl"], { input });
    expect(run.code).toBe(0);
    const results = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(results.map((r) => r.headline)).toEqual([article.headline, "Zweiter Artikel"]);
    expect(results[0].keyPoints.length).toBeGreaterThanOrEqual(3);
  });
});
