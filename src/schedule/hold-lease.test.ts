import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { holdLease } from "./hold-lease.js";
import { createLease } from "./lease.js";
import { createManualClock } from "./manual-clock.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openTwice() {
  const dir = mkdtempSync(join(tmpdir(), "digest-hold-lease-"));
  dirs.push(dir);
  const file = join(dir, "ledger.sqlite");
  return [new Database(file), new Database(file)] as const;
}

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
    const [dbA, dbB] = openTwice();
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
    dbA.prepare("UPDATE leases SET expires_at = 0").run();
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
