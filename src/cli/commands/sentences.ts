import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DigestError, EXIT } from "../../errors.js";
import { splitSentences } from "../../summarize/index.js";
import { COMMON_HELP, COMMON_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { readLines, writeLine } from "../read-lines.js";

const OPTIONS = { ...COMMON_OPTIONS, json: { type: "boolean" }, jsonl: { type: "boolean" } } as const;

/** `digest sentences`: the German sentence splitter as a command-line tool. */
export const sentencesCommand: Command = {
  name: "sentences",
  summary: "split German text into sentences (one per line, --json or --jsonl)",
  help: `Usage: digest sentences [FILE|-] [--json | --jsonl]

Splits German news text into sentences. Reads FILE, or standard input when FILE is "-" or absent.
Paragraphs (blank-line separated) never share a sentence.

Options:
  --json               print one JSON array of sentences instead of one sentence per line
  --jsonl              batch mode: each input line is a JSON string; prints one JSON array per line
${COMMON_HELP}
`,
  async run(ctx) {
    const { values, positionals } = parseCommandArgs("sentences", ctx.argv, OPTIONS, true);
    if (values.json && values.jsonl)
      throw new DigestError("E_USAGE", "digest sentences: --json and --jsonl exclude each other");
    if (positionals.length > 1)
      throw new DigestError("E_USAGE", "digest sentences: give at most one FILE (or - for stdin)");
    const file = positionals[0];
    if (values.jsonl) {
      for await (const { line, number } of readLines(file, ctx.stdin, ctx.cwd)) {
        if (line.trim() === "") continue;
        const text = parseJsonString(line, `${file ?? "stdin"}:${number}`);
        await writeLine(ctx.stdout, JSON.stringify(splitSentences(text)));
      }
      return EXIT.OK;
    }
    const text = await readText(file, ctx);
    const sentences = text.split(/\n\s*\n/).flatMap((paragraph) => splitSentences(paragraph.trim()));
    ctx.stdout.write(
      values.json ? `${JSON.stringify(sentences, null, 2)}\n` : sentences.map((s) => `${s}\n`).join(""),
    );
    return EXIT.OK;
  },
};

function parseJsonString(line: string, where: string): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new DigestError("E_INPUT", `${where}: not valid JSON - expected one JSON string per line`, {
      where,
    });
  }
  if (typeof value !== "string")
    throw new DigestError("E_INPUT", `${where}: expected a JSON string, got ${typeof value}`, { where });
  return value;
}

async function readText(
  file: string | undefined,
  ctx: { stdin: NodeJS.ReadableStream; cwd: string },
): Promise<string> {
  if (file !== undefined && file !== "-") {
    try {
      return (await readFile(resolve(ctx.cwd, file), "utf8")).replace(/^\uFEFF/, "");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new DigestError(
        "E_INPUT",
        `could not read ${file} - ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
        {
          where: file,
          cause: error,
        },
      );
    }
  }
  let text = "";
  ctx.stdin.setEncoding("utf8");
  for await (const chunk of ctx.stdin) text += chunk as string;
  return text.replace(/^\uFEFF/, "");
}
