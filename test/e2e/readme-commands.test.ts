/**
 * Every code block marked runnable in README.md and docs/*.md runs as written: a fence opened with
 * ```sh runnable is run by bash (-e, -u, pipefail), a fence opened with ```ts runnable is written
 * to a .mts file and run by tsx, importing the package by its name ("digest"). Each document gets
 * its own copy of the project (dist/ included, node_modules linked), and its blocks run there in
 * the order they appear, so a later block may rely on an earlier one (send, then status). Every
 * block must exit 0. Blocks that need a mail server, root or a long-running process stay unmarked;
 * the README's set-up commands (npm ci, npm run digest, npm test) are run by .ci/run itself.
 */
import { spawn } from "node:child_process";
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/run-digest.js";

/** A fenced code block marked runnable, with the line its fence opens on (1-based). */
interface RunnableBlock {
  language: "sh" | "ts";
  line: number;
  code: string;
}

const RUNNABLE_FENCE = /^```(sh|ts) runnable\s*$/;
const CLOSING_FENCE = /^```\s*$/;
/** Not copied into the sandbox: dependencies are linked, and run output must start empty. */
const NOT_COPIED = new Set(["node_modules", ".git", "preview", "outbox", "state", "test-output", ".scratch"]);
/** A block runs a few CLI commands through npm and tsx; on a busy 2-core CI machine that takes a while. */
const BLOCK_TIMEOUT_MS = 240_000;

/**
 * The runnable blocks of a Markdown text, in order.
 *
 * @example
 * extractRunnableBlocks("```sh runnable\nnpm run digest\n```\n"); // [{ language: "sh", line: 1, code: "npm run digest\n" }]
 */
function extractRunnableBlocks(markdown: string): RunnableBlock[] {
  const blocks: RunnableBlock[] = [];
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const open = RUNNABLE_FENCE.exec(lines[index] ?? "");
    if (!open) continue;
    const start = index;
    const code: string[] = [];
    for (index++; index < lines.length && !CLOSING_FENCE.test(lines[index] ?? ""); index++) {
      code.push(lines[index] ?? "");
    }
    if (index >= lines.length) throw new Error(`line ${start + 1}: the runnable block is never closed`);
    blocks.push({ language: open[1] as "sh" | "ts", line: start + 1, code: `${code.join("\n")}\n` });
  }
  return blocks;
}

const DOCUMENTS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];
const BLOCKS = new Map(
  DOCUMENTS.map((file) => [file, extractRunnableBlocks(readFileSync(join(ROOT, file), "utf8"))]),
);

describe("extractRunnableBlocks", () => {
  it("takes only fences marked runnable, with their code and line", () => {
    const markdown = [
      "```sh",
      "not run",
      "```",
      "",
      "```sh runnable",
      "npm run digest -- build | head -1",
      "```",
      "```text",
      "output",
      "```",
      "```ts runnable",
      'import { splitSentences } from "digest";',
      "```",
    ].join("\n");
    expect(extractRunnableBlocks(markdown)).toEqual([
      { language: "sh", line: 5, code: "npm run digest -- build | head -1\n" },
      { language: "ts", line: 11, code: 'import { splitSentences } from "digest";\n' },
    ]);
  });

  it("refuses a runnable block that is never closed", () => {
    expect(() => extractRunnableBlocks("text\n```sh runnable\nnpm test\n")).toThrow(/line 2/);
  });

  // Issue 10: the README is the newcomer's page; details live in docs/*.md.
  it("keeps the README at 200 lines or fewer", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8").trimEnd().split("\n").length).toBeLessThanOrEqual(
      200,
    );
  });

  it("finds runnable blocks in the README and in the docs", () => {
    expect(BLOCKS.get("README.md")?.map((block) => block.language)).toEqual(["sh", "ts"]);
    const inDocs = [...BLOCKS].filter(([file, blocks]) => file !== "README.md" && blocks.length > 0);
    expect(inDocs.map(([file]) => file).sort()).toEqual([
      "docs/check.md",
      "docs/inputs.md",
      "docs/scheduling.md",
      "docs/selection.md",
      "docs/sending.md",
    ]);
  });
});

for (const [file, blocks] of BLOCKS) {
  if (blocks.length === 0) continue;
  describe(`${file}: its runnable blocks`, () => {
    let sandbox: string;

    beforeAll(async () => {
      sandbox = await mkdtemp(join(tmpdir(), "digest-docs-"));
      cpSync(ROOT, sandbox, {
        recursive: true,
        filter: (source) => !NOT_COPIED.has(relative(ROOT, source).split(/[\\/]/)[0] ?? ""),
      });
      symlinkSync(join(ROOT, "node_modules"), join(sandbox, "node_modules"), "dir");
    });

    it.each(blocks.map((block) => ({ ...block, where: `${file}:${block.line}` })))(
      "$where ($language) exits 0",
      async (block) => {
        const run = await runBlock(block, sandbox);
        if (run.code !== 0) {
          throw new Error(
            `${block.where} exited ${run.code}:\n${block.code}\n--- stderr (end) ---\n${run.stderr.slice(-3000)}`,
          );
        }
        expect(run.code).toBe(0);
      },
      BLOCK_TIMEOUT_MS,
    );
  });
}

/** The environment of a newcomer's shell: none of the tester's DIGEST_* settings or vitest's flags. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("DIGEST_") || key.startsWith("VITEST") || key === "NODE_ENV" || key === "TEST")
      continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: "false", npm_config_fund: "false" };
}

function runBlock(
  block: RunnableBlock & { where: string },
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let command: string;
  let args: string[];
  if (block.language === "sh") {
    command = "bash";
    args = ["-euo", "pipefail", "-c", block.code];
  } else {
    const script = join(cwd, `docs-example-${block.line}.mts`);
    writeFileSync(script, block.code);
    command = join(cwd, "node_modules/.bin/tsx");
    args = [script];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnvironment(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
