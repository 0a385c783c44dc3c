/**
 * Runs the built `digest` binary (dist/cli/main.js) as a user would, capturing its output.
 */
import { spawnDigest } from "./spawn-digest.js";

export { DIGEST_BIN, ROOT } from "./spawn-digest.js";

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
  const { timeoutMs = 30_000, ...spawnOptions } = options;
  const digest = spawnDigest(args, { ...spawnOptions, from: "dist" });
  const timer = setTimeout(() => digest.child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve, reject) => {
    digest.child.on("error", reject);
    digest.exited.then(({ code }) => {
      clearTimeout(timer);
      resolve({ code, stdout: digest.stdout(), stderr: digest.stderr() });
    });
  });
}
