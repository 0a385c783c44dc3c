import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createLease, isDeadLocalHolder } from "./lease.js";
import { createManualClock } from "./manual-clock.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openTwice() {
  const dir = mkdtempSync(join(tmpdir(), "digest-lease-"));
  dirs.push(dir);
  const file = join(dir, "ledger.sqlite");
  return [new Database(file), new Database(file)] as const;
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
