/**
 * Runs `digest preview --serve` as a real process (through tsx, from the sources) and hands back
 * its URL, its output so far, and a way to stop it with SIGTERM.
 */
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { spawnDigest } from "./spawn-digest.js";

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
export async function startStudioProcess(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<StudioProcess> {
  const studio = spawnDigest(["preview", "--serve", ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const timeoutMs = options.timeoutMs ?? 20_000;
  let url: string;
  try {
    const match = await studio.waitForOutput("stdout", /^(http:\/\/[\w.:[\]-]+:\d+\/)$/m, timeoutMs);
    url = match[1] ?? "";
  } catch (error) {
    studio.child.kill("SIGKILL");
    throw new Error(`the studio did not start: ${(error as Error).message}`);
  }
  return {
    url,
    child: studio.child,
    output: () => ({ stdout: studio.stdout(), stderr: studio.stderr() }),
    stop: async () => {
      studio.child.kill("SIGTERM");
      return (await studio.exited).code;
    },
  };
}
