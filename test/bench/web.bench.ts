/**
 * The `digest web` load check. Prints, as `name: value`:
 *
 *   1,000 RFC 8058 one-click POSTs (distinct readers, valid tokens) fired in one burst at the built
 *   CLI's `digest web` in a separate process, over loopback: how many were answered 200, how many
 *   suppressions the ledger holds afterwards (must be exactly the 1,000 readers, each once), the
 *   latency percentiles of the burst and its wall time. The per-IP rate limit is raised for the
 *   run (every request comes from 127.0.0.1); the limit itself is covered by the unit tests.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLedger, signUnsubscribeToken } from "../../src/deliver/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "dist/cli/main.js");
const SECRET = "bench-web-secret-0123456789abcdef";
const LIST = "subscribers";
const POSTS = Number(process.env.BENCH_WEB_POSTS ?? 1_000);

export async function run(): Promise<void> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing - run 'npm run build' first`);
  const dir = await mkdtemp(join(tmpdir(), "digest-web-bench-"));
  const state = join(dir, "state");
  const child = spawn(
    process.execPath,
    [BIN, "web", "--port", "0", "--state", state, "--list", LIST, "--rate-limit", String(POSTS * 10)],
    {
      cwd: dir,
      env: { ...process.env, DIGEST_UNSUBSCRIBE_SECRET: SECRET, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
        const match = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`digest web exited (${code}): ${stderr}`)));
    });
    const readers = Array.from({ length: POSTS }, (_, i) => `leser${String(i).padStart(5, "0")}@example.de`);
    const targets = readers.map(
      (address) => `${url}abmelden?token=${encodeURIComponent(signUnsubscribeToken(SECRET, LIST, address))}`,
    );
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const burstStart = performance.now();
    await Promise.all(
      targets.map(async (target) => {
        const started = performance.now();
        let status = 0;
        try {
          const response = await fetch(target, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: "List-Unsubscribe=One-Click",
          });
          await response.arrayBuffer();
          status = response.status;
        } catch {
          status = -1;
        }
        latencies.push(performance.now() - started);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
    );
    const burstMs = performance.now() - burstStart;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));

    const ledger = createLedger({ stateDir: state });
    const entries = ledger.suppressions.list(LIST);
    ledger.close();
    const recorded = new Set(entries.map((e) => e.address));
    const exactlyOnce = entries.length === readers.length && readers.every((r) => recorded.has(r));
    latencies.sort((a, b) => a - b);
    console.log(`web.one_click_posts: ${POSTS}`);
    console.log(`web.one_click_ok_200: ${statuses.get(200) ?? 0}`);
    console.log(`web.one_click_other_status: ${POSTS - (statuses.get(200) ?? 0)}`);
    console.log(`web.one_click_recorded: ${entries.length}`);
    console.log(`web.one_click_recorded_exactly_once: ${exactlyOnce}`);
    console.log(`web.one_click_p50_ms: ${percentile(latencies, 0.5).toFixed(1)}`);
    console.log(`web.one_click_p99_ms: ${percentile(latencies, 0.99).toFixed(1)}`);
    console.log(`web.one_click_max_ms: ${(latencies[latencies.length - 1] ?? 0).toFixed(1)}`);
    console.log(`web.one_click_burst_ms: ${burstMs.toFixed(0)}`);
    if (!exactlyOnce || statuses.get(200) !== POSTS) {
      throw new Error(
        `one-click load check failed: ${JSON.stringify([...statuses])}, ${entries.length} recorded`,
      );
    }
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  }
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}
