import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createLease } from "./lease.js";
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
