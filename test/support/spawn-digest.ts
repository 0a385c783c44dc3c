/**
 * Starts the `digest` CLI as a real process and collects its output, for tests that need a real
 * process (signals, exit codes, two processes at once). From the sources it runs
 * `node --import tsx src/cli/main.ts` — one process, so a signal reaches the CLI itself (tsx's own
 * CLI would fork a child and relay); from dist it runs `node dist/cli/main.js` as a user would.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIGEST_BIN = `${ROOT}dist/cli/main.js`;
const DIGEST_SOURCE = join(ROOT, "src/cli/main.ts");
/** tsx's loader by absolute URL: a bare `--import tsx` resolves from the child's cwd, often a temp folder. */
const TSX_LOADER = pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("tsx")).href;
const DEFAULT_WAIT_MS = 30_000;

export interface SpawnDigestOptions {
  /** `source` (default): src/ through tsx; `dist`: the built binary. */
  from?: "source" | "dist";
  /** Default: the package root. */
  cwd?: string;
  /** Added to the parent's environment (with NO_COLOR=1). */
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (closed at once without it). */
  input?: string;
}

export interface DigestProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in everything the stream has printed so far or prints later. */
  waitForOutput(stream: "stdout" | "stderr", pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * @example
 * const digest = spawnDigest(["schedule", "--at", "07:30"], { env: { DIGEST_SMTP_URL: sink.url } });
 * await digest.waitForOutput("stderr", /scheduled/);
 * digest.child.kill("SIGTERM");
 * expect((await digest.exited).code).toBe(1);
 */
export function spawnDigest(args: string[], options: SpawnDigestOptions = {}): DigestProcess {
  const entry = options.from === "dist" ? [DIGEST_BIN] : ["--import", TSX_LOADER, DIGEST_SOURCE];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  const watchers = new Set<() => void>();
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream].setEncoding("utf8").on("data", (chunk: string) => {
      output[stream] += chunk;
      for (const watcher of [...watchers]) watcher();
    });
  }
  // A child that exits before reading its stdin makes the pipe fail with EPIPE: not the test's concern.
  child.stdin.on("error", () => {});
  child.stdin.end(options.input ?? "");
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    exited,
    waitForOutput(stream, pattern, timeoutMs = DEFAULT_WAIT_MS) {
      return new Promise((resolve, reject) => {
        const done = () => {
          watchers.delete(check);
          clearTimeout(timer);
        };
        const check = () => {
          const match = pattern.exec(output[stream]);
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(
              `no ${stream} output matching ${pattern} in ${timeoutMs} ms; stderr:\n${output.stderr}`,
            ),
          );
        }, timeoutMs);
        watchers.add(check);
        check();
        exited.then(({ code, signal }) => {
          if (!watchers.has(check)) return;
          done();
          reject(
            new Error(
              `digest exited (${code ?? signal}) before printing ${pattern}; stderr:\n${output.stderr}`,
            ),
          );
        });
      });
    },
  };
}
