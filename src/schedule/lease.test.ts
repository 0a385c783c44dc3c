import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createLedger, type Ledger } from "../deliver/index.js";
import { holdLease } from "./hold-lease.js";
import { createLease, isDeadLocalHolder } from "./lease.js";
import { createManualClock } from "./manual-clock.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ledgers: Ledger[] = [];
afterEach(() => {
  for (const ledger of ledgers.splice(0)) ledger.close();
});

/** Two ledgers on one file, as two processes open it; the lease stores of both, and the file. */
function openTwice() {
  const dir = mkdtempSync(join(tmpdir(), "digest-lease-"));
  dirs.push(dir);
  const a = createLedger({ stateDir: dir });
  const b = createLedger({ stateDir: dir });
  ledgers.push(a, b);
  return [a.leases, b.leases, a.path] as const;
}

describe("createLease", () => {
  it("lets one of two holders take the lease and the other only after it is released", () => {
    const clock = createManualClock("2027-03-28T07:30:00+02:00");
    const [dbA, dbB] = openTwice();
    const a = createLease(dbA, { name: "edition:x", ttlMs: 60_000, clock, holder: "a" });
    const b = createLease(dbB, { name: "edition:x", ttlMs: 60_000, clock, holder: "b" });
    expect(a.acquire()).toBe(true);
    expect(b.acquire()).toBe(false);
    expect(b.read()?.holder).toBe("a");
    expect(a.acquire()).toBe(true);
    a.release();
    expect(b.acquire()).toBe(true);
    expect(a.renew()).toBe(false);
  });

  it("takes a crashed holder's lease once it has expired, and the old holder cannot renew it", async () => {
    const clock = createManualClock("2027-03-28T07:30:00+02:00");
    const [dbA, dbB] = openTwice();
    const a = createLease(dbA, { name: "edition:x", ttlMs: 60_000, clock, holder: "a" });
    const b = createLease(dbB, { name: "edition:x", ttlMs: 60_000, clock, holder: "b" });
    expect(a.acquire()).toBe(true);
    await clock.advanceTo("2027-03-28T07:30:59+02:00");
    expect(b.acquire()).toBe(false);
    expect(a.renew()).toBe(true);
    await clock.advanceTo("2027-03-28T07:31:59+02:00");
    expect(b.acquire()).toBe(true);
    expect(a.renew()).toBe(false);
    expect(b.read()).toEqual({ holder: "b", expiresAt: new Date("2027-03-28T07:32:59+02:00") });
  });

  it("keeps leases of different names apart", () => {
    const clock = createManualClock("2027-03-28T07:30:00+02:00");
    const [dbA, dbB] = openTwice();
    expect(createLease(dbA, { name: "one", ttlMs: 1_000, clock, holder: "a" }).acquire()).toBe(true);
    expect(createLease(dbB, { name: "two", ttlMs: 1_000, clock, holder: "b" }).acquire()).toBe(true);
  });
});

describe("a holder that died on this machine", () => {
  // The pid of a process that has exited (and whose pid is, for a moment, not reused).
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid as number;

  it("is recognised from its host:pid:tag name; live, foreign and unparsable holders are not", () => {
    expect(isDeadLocalHolder(`${hostname()}:${deadPid()}:a1b2c3`)).toBe(true);
    expect(isDeadLocalHolder(`${hostname()}:${process.ppid}:a1b2c3`)).toBe(false);
    expect(isDeadLocalHolder(`${hostname()}:${process.pid}:a1b2c3`)).toBe(false);
    expect(isDeadLocalHolder(`another-host:${deadPid()}:a1b2c3`)).toBe(false);
    expect(isDeadLocalHolder("scheduler@newsroom")).toBe(false);
  });

  it("loses its lease at once instead of after the lease time", () => {
    const clock = createManualClock("2027-03-28T07:30:00+02:00");
    const [dbA, dbB] = openTwice();
    const dead = createLease(dbA, {
      name: "edition:x",
      ttlMs: 120_000,
      clock,
      holder: `${hostname()}:${deadPid()}:0f0f0f`,
    });
    expect(dead.acquire()).toBe(true);
    const next = createLease(dbB, { name: "edition:x", ttlMs: 120_000, clock });
    expect(next.acquire()).toBe(true);
    expect(next.read()?.holder).toBe(next.holder);
    const alive = createLease(dbA, {
      name: "edition:x",
      ttlMs: 120_000,
      clock,
      holder: `${hostname()}:${process.ppid}:0f0f0f`,
    });
    expect(alive.acquire()).toBe(false);
  });
});

const START = "2027-03-28T07:30:00+02:00";
const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000);
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("holdLease", () => {
  it("waits while another process holds the lease and takes it once that one releases it", async () => {
    const clock = createManualClock(START);
    const [dbA, dbB] = openTwice();
    const other = createLease(dbA, { name: "edition:x", ttlMs: 60_000, clock, holder: "scheduler" });
    expect(other.acquire()).toBe(true);
    const waits: string[] = [];
    let held: Awaited<ReturnType<typeof holdLease>> | undefined;
    const taking = holdLease(dbB, {
      name: "edition:x",
      ttlMs: 60_000,
      clock,
      holder: "cron",
      signal: new AbortController().signal,
      onWait: (holder) => waits.push(holder),
    }).then((result) => {
      held = result;
    });
    await settle();
    expect(waits).toEqual(["scheduler"]);
    await clock.advanceTo(at(5));
    expect(held).toBeUndefined();
    other.release();
    await clock.advanceTo(at(10));
    await taking;
    expect(held?.holder).toBe("cron");
    expect(other.read()?.holder).toBe("cron");
    await held?.release();
    expect(other.read()).toBeNull();
    expect(waits).toEqual(["scheduler"]);
  });

  it("takes over from a crashed holder once its lease has run out", async () => {
    const clock = createManualClock(START);
    const [dbA, dbB] = openTwice();
    createLease(dbA, { name: "edition:x", ttlMs: 20_000, clock, holder: "crashed" }).acquire();
    const taking = holdLease(dbB, {
      name: "edition:x",
      ttlMs: 20_000,
      clock,
      holder: "cron",
      signal: new AbortController().signal,
    });
    for (let s = 5; s <= 25; s += 5) await clock.advanceTo(at(s));
    const held = await taking;
    expect(held?.holder).toBe("cron");
    await held?.release();
  });

  it("renews while held, and reports a lost lease on its signal", async () => {
    const clock = createManualClock(START);
    const [dbA, dbB, file] = openTwice();
    const held = await holdLease(dbB, {
      name: "edition:x",
      ttlMs: 30_000,
      clock,
      holder: "cron",
      signal: new AbortController().signal,
    });
    await clock.advanceTo(at(10));
    await clock.advanceTo(at(20));
    const rival = createLease(dbA, { name: "edition:x", ttlMs: 30_000, clock, holder: "rival" });
    expect(rival.acquire()).toBe(false); // renewed at 10 s and 20 s: still ours at 35 s
    expect(held?.lost.aborted).toBe(false);
    // This process stalls; the lease runs out and the rival takes it.
    const raw = new Database(file);
    raw.prepare("UPDATE leases SET expires_at = 0").run();
    raw.close();
    expect(rival.acquire()).toBe(true);
    await clock.advanceTo(at(30));
    expect(held?.lost.aborted).toBe(true);
    await held?.release();
    expect(rival.read()?.holder).toBe("rival");
  });

  it("gives up waiting when its signal aborts", async () => {
    const clock = createManualClock(START);
    const [dbA, dbB] = openTwice();
    createLease(dbA, { name: "edition:x", ttlMs: 60_000, clock, holder: "scheduler" }).acquire();
    const controller = new AbortController();
    const taking = holdLease(dbB, {
      name: "edition:x",
      ttlMs: 60_000,
      clock,
      holder: "cron",
      signal: controller.signal,
    });
    await settle();
    controller.abort();
    expect(await taking).toBeNull();
  });
});
