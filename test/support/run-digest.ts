/**
 * Runs the built `digest` binary (dist/cli/main.js) as a user would, capturing its output.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIGEST_BIN = `${ROOT}dist/cli/main.js`;

export interface DigestRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `node dist/cli/main.js ...args` and resolves when it exits.
 *
 * @example
 * const { code, stdout } = await runDigest(["build"], { cwd: ROOT });
 */
export function runDigest(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<DigestRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DIGEST_BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}
