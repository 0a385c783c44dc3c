/**
 * Runs `digest preview --serve` as a real process (through tsx, from the sources) and hands back
 * its URL, its output so far, and a way to stop it with SIGTERM.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./run-digest.js";

export interface StudioProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): { stdout: string; stderr: string };
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * @example
 * const studio = await startStudioProcess(["--port", "0", "--date", "2026-11-26"]);
 * await fetch(`${studio.url}email.html`);
 * expect(await studio.stop()).toBe(0);
 */
export function startStudioProcess(
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<StudioProcess> {
  const child = spawn(
    join(ROOT, "node_modules/.bin/tsx"),
    [join(ROOT, "src/cli/main.ts"), "preview", "--serve", ...args],
    {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the studio did not start within ${options.timeoutMs ?? 20_000} ms:\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    const onData = () => {
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      resolve({
        url: match[1]!,
        child,
        output: () => ({ stdout, stderr }),
        stop: () => {
          child.kill("SIGTERM");
          return exited;
        },
      });
    };
    child.stdout.on("data", onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the studio exited with ${code} before it listened:\n${stderr}`));
    });
  });
}
