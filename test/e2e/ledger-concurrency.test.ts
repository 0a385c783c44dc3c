/**
 * The ledger shared by several real processes: two schedulers, a scheduler and a cron-started
 * `digest send`, or `digest status` next to a running send. SQLite's busy timeout covers ordinary
 * writers; these tests cover the two cases it does not: switching a brand-new file to WAL (two
 * processes deadlock and one fails at once with "database is locked") and a transaction that reads
 * before it writes (fails at once when another process commits in between).
 *
 * The children import the built ledger (dist/, rebuilt by the global setup) and start on a shared
 * instant, so their opens really overlap rather than following each other as they are spawned.
 */
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createLedger } from "../../src/deliver/create-ledger.js";
import { editionKeyOf } from "../../src/deliver/ledger.js";
import { LEDGER_MIGRATIONS } from "../../src/deliver/ledger-migrations.js";
import { ROOT } from "../support/run-digest.js";

const LEDGER_MODULE = pathToFileURL(join(ROOT, "dist/deliver/create-ledger.js")).href;
const SQLITE_MODULE = pathToFileURL(join(ROOT, "node_modules/better-sqlite3/lib/index.js")).href;
const KEY = editionKeyOf({ date: "2026-11-26", section: "Politik", list: "subscribers" });

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` (an ES module) with `args` in a fresh node process. */
function runNode(script: string, args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Writes a child script that spins until the shared start instant (argv[2]) and then runs `body`. */
async function writeChild(dir: string, name: string, body: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(
    file,
    `import Database from ${JSON.stringify(SQLITE_MODULE)};
import { createLedger } from ${JSON.stringify(LEDGER_MODULE)};
const [startAt, stateDir, ...rest] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {}
${body}
`,
  );
  return file;
}

describe("one ledger, several processes", () => {
  it("six processes opening the same brand-new ledger at one instant all succeed", async () => {
    const scripts = await mkdtemp(join(tmpdir(), "digest-ledger-race-"));
    const child = await writeChild(
      scripts,
      "open.mjs",
      `const ledger = createLedger({ stateDir });
ledger.close();
const file = new Database(ledger.path, { readonly: true });
process.stdout.write(String(file.pragma("journal_mode", { simple: true })));
file.close();`,
    );
    // Before the fix about 1 open in 40 failed under this barrier; 5 rounds x 6 opens catch it often.
    for (let round = 0; round < 5; round++) {
      const stateDir = await mkdtemp(join(tmpdir(), "digest-ledger-fresh-"));
      const startAt = String(Date.now() + 700);
      const results = await Promise.all(Array.from({ length: 6 }, () => runNode(child, [startAt, stateDir])));
      for (const result of results) {
        expect(result.stderr).toBe("");
        expect(result).toMatchObject({ code: 0, stdout: "wal" });
      }
      const ledger = createLedger({ stateDir });
      ledger.close();
      const file = new Database(ledger.path, { readonly: true });
      expect(file.pragma("user_version", { simple: true })).toBe(LEDGER_MIGRATIONS.length);
      file.close();
    }
  }, 60_000);

  it("three processes claiming from one edition share the list: every row once, none lost", async () => {
    const stateDir = await mkdtemp(join(tmpdir(), "digest-ledger-claims-"));
    const total = 3000;
    const seed = createLedger({ stateDir });
    seed.recordEditionState(KEY, {
      date: "2026-11-26",
      section: "Politik",
      list: "subscribers",
      state: "sending",
      startedAt: "2026-11-26T06:30:00.000Z",
    });
    seed.addRecipients(
      KEY,
      Array.from({ length: total }, (_, i) => ({ email: `leser${i}@example.org`, name: null, fields: {} })),
    );
    seed.close();

    const scripts = await mkdtemp(join(tmpdir(), "digest-ledger-claimer-"));
    // Each claimer works like the send loop: claim a small batch (read, then mark sending), then
    // record the outcomes in a second transaction - so the three keep interleaving their commits.
    const child = await writeChild(
      scripts,
      "claim.mjs",
      `const [key] = rest;
const ledger = createLedger({ stateDir });
const mine = [];
for (;;) {
  const at = new Date().toISOString();
  const claimed = ledger.claimPending(key, 0, 7, at);
  if (claimed.length === 0) break;
  ledger.recordOutcomes(claimed.map((c) => ({ rowid: c.rowid, editionKey: key, email: c.email,
    status: "sent", attempted: true, response: "250 ok", messageId: null, at })));
  for (const c of claimed) mine.push(c.email);
}
ledger.close();
process.stdout.write(JSON.stringify(mine));`,
    );
    const startAt = String(Date.now() + 700);
    const results = await Promise.all(
      Array.from({ length: 3 }, () => runNode(child, [startAt, stateDir, KEY])),
    );
    const claimedBy = results.map((result) => {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as string[];
    });
    const all = claimedBy.flat();
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);

    const ledger = createLedger({ stateDir });
    expect(ledger.countDeliveries(KEY)).toEqual({ pending: 0, sending: 0, sent: total, failed: 0, total });
    ledger.close();
  }, 60_000);
});
