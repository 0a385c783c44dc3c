import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CHECK_RULES, type CheckReport } from "../../src/check/index.js";
import { runCliInProcess } from "../support/run-cli-in-process.js";
import { ROOT, runDigest } from "../support/run-digest.js";

const FIXTURES = join(ROOT, "test/fixtures/check");
const CONFIG = ["--config", join(FIXTURES, "configs/base.json")];
const edition = (name: string) => ["--edition", join(FIXTURES, "editions", `${name}.json`)];
const config = (name: string) => ["--config", join(FIXTURES, "configs", `${name}.json`)];

/** A template fixture: one find/replace (or a whole new content) applied to a copy of templates/. */
interface TemplatePatch {
  rule: string;
  file: string;
  find?: string;
  replace?: string;
  content?: string;
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "digest-check-"));
});

/**
 * Copies the real templates/ into a temp folder and applies the fixture's patch there; the
 * edition is the two-story base fixture, so both the top story and "Weitere Themen" render.
 */
async function patchedTemplates(name: string): Promise<string[]> {
  const patch = JSON.parse(
    await readFile(join(FIXTURES, "templates", `${name}.json`), "utf8"),
  ) as TemplatePatch;
  const dir = await mkdtemp(join(tmp, `${name}-`));
  await cp(join(ROOT, "templates"), dir, { recursive: true });
  const file = join(dir, patch.file);
  if (patch.content !== undefined) {
    await writeFile(file, patch.content);
  } else {
    const source = await readFile(file, "utf8");
    // A fixture whose anchor no longer exists would silently test nothing: fail loudly instead.
    if (!source.includes(patch.find!))
      throw new Error(`fixture ${name}: "${patch.find}" not found in templates/${patch.file}`);
    await writeFile(file, source.replace(patch.find!, patch.replace!));
  }
  return ["--templates", dir, ...CONFIG, ...edition("base")];
}

async function check(args: string[]): Promise<{ code: number; report: CheckReport | null; stderr: string }> {
  const run = await runCliInProcess(["check", "--json", ...args]);
  return {
    code: run.code,
    report: run.stdout.trim() ? (JSON.parse(run.stdout) as CheckReport) : null,
    stderr: run.stderr,
  };
}

function rulesOf(report: CheckReport | null, severity: "error" | "warning"): string[] {
  return [...new Set((report?.findings ?? []).filter((f) => f.severity === severity).map((f) => f.rule))];
}

type Args = string[] | (() => Promise<string[]>);
const resolveArgs = async (args: Args) => (typeof args === "function" ? args() : args);

/** Each error rule: a fixture that breaks it (exit 2, rule named) and a near miss that passes. */
const ERROR_CASES: { rule: string; fail: Args; pass: Args }[] = [
  {
    rule: "size/max",
    fail: [...CONFIG, ...edition("size-over")],
    pass: [...CONFIG, ...edition("size-near")],
  },
  {
    rule: "mjml/valid",
    fail: () => patchedTemplates("mjml-invalid.fail"),
    pass: () => patchedTemplates("mjml-invalid.pass"),
  },
  {
    rule: "html/lang-dir",
    fail: () => patchedTemplates("lang-dir.fail"),
    pass: () => patchedTemplates("lang-dir.pass"),
  },
  {
    rule: "html/presentation",
    fail: () => patchedTemplates("presentation.fail"),
    pass: () => patchedTemplates("presentation.pass"),
  },
  {
    rule: "html/headlines",
    fail: () => patchedTemplates("html-headlines.fail"),
    pass: () => patchedTemplates("html-headlines.pass"),
  },
  {
    rule: "images/alt",
    fail: () => patchedTemplates("images-alt.fail"),
    pass: () => patchedTemplates("images-alt.pass"),
  },
  {
    rule: "links/absolute",
    fail: () => patchedTemplates("links-absolute.fail"),
    pass: () => patchedTemplates("links-absolute.pass"),
  },
  {
    rule: "links/malformed",
    fail: [...CONFIG, ...edition("links-malformed")],
    pass: [...CONFIG, ...edition("links-wellformed")],
  },
  {
    rule: "links/placeholder",
    fail: [...CONFIG, ...edition("links-placeholder")],
    pass: [...CONFIG, ...edition("links-lookalike")],
  },
  { rule: "links/placeholder", fail: config("placeholder-links"), pass: config("example-lookalike-links") },
  {
    rule: "subject/present",
    fail: [...CONFIG, ...edition("subject-empty")],
    pass: [...CONFIG, ...edition("base")],
  },
  {
    rule: "subject/length",
    fail: [...CONFIG, ...edition("subject-91")],
    pass: [...CONFIG, ...edition("subject-90")],
  },
  {
    rule: "preheader/present",
    fail: [...CONFIG, ...edition("preheader-empty")],
    pass: [...CONFIG, ...edition("base")],
  },
  {
    rule: "preheader/length",
    fail: [...CONFIG, ...edition("preheader-39")],
    pass: [...CONFIG, ...edition("preheader-40")],
  },
  {
    rule: "preheader/length",
    fail: [...CONFIG, ...edition("preheader-141")],
    pass: [...CONFIG, ...edition("preheader-140")],
  },
  {
    rule: "chars/control",
    fail: () => patchedTemplates("chars-control.fail"),
    pass: () => patchedTemplates("chars-control.pass"),
  },
  // Issue 12, item 3: bidi controls reached the subject and headline.
  { rule: "chars/bidi", fail: [...CONFIG, ...edition("chars-bidi")], pass: [...CONFIG, ...edition("base")] },
  {
    rule: "template/unrendered",
    fail: () => patchedTemplates("unrendered.fail"),
    pass: () => patchedTemplates("unrendered.pass"),
  },
  {
    rule: "text/present",
    fail: () => patchedTemplates("text-present.fail"),
    pass: () => patchedTemplates("text-present.pass"),
  },
  {
    rule: "text/headlines",
    fail: () => patchedTemplates("text-headlines.fail"),
    pass: () => patchedTemplates("text-headlines.pass"),
  },
  { rule: "footer/legal", fail: config("no-imprint"), pass: CONFIG },
  {
    rule: "footer/legal",
    fail: () => patchedTemplates("footer-legal.fail"),
    pass: () => patchedTemplates("footer-legal.pass"),
  },
  {
    rule: "headers/unsubscribe",
    fail: ["--sending", ...config("mailto-unsubscribe-only")],
    pass: ["--sending", ...CONFIG],
  },
];

/** Each warning rule: reported but not blocking (exit 0), and absent from the clean edition. */
const WARNING_CASES: { rule: string; warn: Args; clean: Args }[] = [
  { rule: "size/near", warn: [...CONFIG, ...edition("size-near")], clean: [...CONFIG, ...edition("base")] },
  {
    rule: "links/https",
    warn: [...CONFIG, ...edition("links-http")],
    clean: [...CONFIG, ...edition("base")],
  },
  {
    rule: "chars/replacement",
    warn: [...CONFIG, ...edition("chars-replacement")],
    clean: [...CONFIG, ...edition("base")],
  },
  // Issue 12, item 9: a javascript: story URL was dropped without a word.
  {
    rule: "links/dropped",
    warn: [...CONFIG, ...edition("links-dropped")],
    clean: [...CONFIG, ...edition("base")],
  },
  {
    rule: "template/literal",
    warn: [...CONFIG, ...edition("template-literal")],
    clean: [...CONFIG, ...edition("base")],
  },
  {
    rule: "story/date",
    warn: [...CONFIG, ...edition("story-undated")],
    clean: [...CONFIG, ...edition("base")],
  },
  { rule: "story/date", warn: [...CONFIG, ...edition("story-old")], clean: [...CONFIG, ...edition("base")] },
];

describe("digest check: one failing and one passing fixture per rule", () => {
  it("has fixtures for every rule of the gate", () => {
    const covered = new Set([...ERROR_CASES.map((c) => c.rule), ...WARNING_CASES.map((c) => c.rule)]);
    expect(Object.keys(CHECK_RULES).filter((rule) => !covered.has(rule))).toEqual([]);
    for (const { rule } of ERROR_CASES)
      expect(CHECK_RULES[rule as keyof typeof CHECK_RULES].severity).toBe("error");
    for (const { rule } of WARNING_CASES)
      expect(CHECK_RULES[rule as keyof typeof CHECK_RULES].severity).toBe("warning");
  });

  it.each(ERROR_CASES)("$rule: the failing fixture exits 2 naming the rule", async ({ rule, fail }) => {
    const { code, report, stderr } = await check(await resolveArgs(fail));
    expect(code).toBe(2);
    expect(report?.ok).toBe(false);
    expect(rulesOf(report, "error")).toContain(rule);
    expect(stderr).toMatch(new RegExp(`failed the pre-send gate: .*${rule.replace("/", "\\/")}`));
    const finding = report!.findings.find((f) => f.rule === rule)!;
    expect(finding.where).not.toBe("");
    expect(finding.fix).not.toBe("");
  });

  it.each(ERROR_CASES)("$rule: the passing fixture exits 0", async ({ pass }) => {
    const { code, report } = await check(await resolveArgs(pass));
    expect(rulesOf(report, "error")).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(WARNING_CASES)("$rule: a warning is reported and does not block", async ({ rule, warn, clean }) => {
    const warned = await check(await resolveArgs(warn));
    expect(warned.code).toBe(0);
    expect(rulesOf(warned.report, "warning")).toContain(rule);
    const passed = await check(await resolveArgs(clean));
    expect(passed.report?.findings.map((f) => f.rule)).not.toContain(rule);
  });
});

describe("digest check on the seed edition", () => {
  it("passes with the project's digest.config.json, printing the measured size", async () => {
    const run = await runCliInProcess(["check", "--date", "2026-11-26"]);
    expect(run.stderr).toContain("passed the pre-send gate");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^size: \d+\.\d KB encoded \(HTML \d+\.\d KB, text \d+\.\d KB\)$/m);
    expect(run.stdout).toContain("check passed: 0 errors");
  });

  it("passes the sending rules too (List-Unsubscribe from the config), warning only that the seed is undated", async () => {
    const run = await runCliInProcess(["check", "--sending", "--json", "--date", "2026-11-26"]);
    expect(run.code).toBe(0);
    // Issue 10 added story/date: the seed (a 2022 article) carries no date, and the gate says so.
    expect((JSON.parse(run.stdout) as CheckReport).findings.map((f) => `${f.severity} ${f.rule}`)).toEqual([
      "warning story/date",
    ]);
  });

  it("exits 2 with one line naming the failing rules and the findings on stdout", async () => {
    const run = await runCliInProcess(["check", ...config("placeholder-links"), "--date", "2026-11-26"]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^digest: edition 2026-11-26 failed the pre-send gate: links\/placeholder/);
    expect(run.stdout).toMatch(
      /^error {3}links\/placeholder {2}<a href="https:\/\/www\.example\.com\/impressum"/m,
    );
    expect(run.stdout).toContain("fix: set the newsroom's real URLs in digest.config.json");
  });

  it("reads an edition from standard input", async () => {
    const built = await runCliInProcess(["build", "--date", "2026-11-26"]);
    const run = await runCliInProcess(["check", "--edition", "-"], { input: built.stdout });
    expect(run.code).toBe(0);
  });

  it("refuses an edition file that is not an edition, naming the key (exit 2)", async () => {
    const file = join(tmp, "not-an-edition.json");
    await writeFile(file, JSON.stringify({ date: "2026-11-26" }));
    const run = await runCliInProcess(["check", "--edition", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not read the edition .*not-an-edition\.json - .*stories/);
  });
});

describe("digest check as the installed binary (dist/cli/main.js)", () => {
  it("passes the seed edition and fails a placeholder-link config with exit 2", async () => {
    const passed = await runDigest(["check", "--date", "2026-11-26"]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain("check passed: 0 errors");
    const failed = await runDigest(["check", "--date", "2026-11-26", ...config("placeholder-links")]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/failed the pre-send gate: links\/placeholder/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});
