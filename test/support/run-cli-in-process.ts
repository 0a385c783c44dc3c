/**
 * Runs `digest ARGS` in this process through runCli (no spawn), capturing stdout and stderr. For
 * table tests with many runs; the real binary is exercised by runDigest.
 */
import { Readable, Writable } from "node:stream";
import { runCli } from "../../src/cli/run-cli.js";
import { ROOT } from "./run-digest.js";

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * @example
 * const { code, stdout } = await runCliInProcess(["check", "--json"]);
 */
export async function runCliInProcess(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal; input?: string } = {},
): Promise<InProcessRun> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(args, {
    env: { NO_COLOR: "1", ...options.env },
    cwd: options.cwd ?? ROOT,
    stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
    stdout: sink((text) => {
      stdout += text;
    }),
    stderr: sink((text) => {
      stderr += text;
    }),
    signal: options.signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}
