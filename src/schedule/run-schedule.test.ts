import { describe, expect, it } from "vitest";
import { formatZoned } from "../clock.js";
import { createLedger, editionKeyOf, type Ledger } from "../deliver/index.js";
import { DigestError } from "../errors.js";
import { createFireSchedule } from "./fire-schedule.js";
import { createManualClock, type ManualClock } from "./manual-clock.js";
import {
  FAILURE_RETRY_MS,
  type FireJob,
  type FireResult,
  runSchedule,
  type ScheduleEvent,
} from "./run-schedule.js";

const BERLIN = "Europe/Berlin";
const LEASE_MS = 60_000;
const LEASE_NAME = "edition:2027-03-28/politik/subscribers";

/** Runs the scheduler on an in-memory ledger with `send` standing in for the real edition sender. */
function start(clock: ManualClock, send: (job: FireJob) => Promise<FireResult>, ledger?: Ledger) {
  const own = ledger ?? createLedger({ stateDir: ".", file: ":memory:" });
  const events: ScheduleEvent[] = [];
  const controller = new AbortController();
  const done = runSchedule({
    schedule: createFireSchedule({ at: "07:30", days: "daily", timeZone: BERLIN }),
    latest: "09:30",
    editionKeyOf: (date) => editionKeyOf({ date, section: "Politik", list: "subscribers" }),
    section: "Politik",
    list: "subscribers",
    ledger: own,
    send,
    clock,
    signal: controller.signal,
    leaseMs: LEASE_MS,
    holder: "test",
    onEvent: (event) => events.push(event),
  });
  const next = async (type: ScheduleEvent["type"], after = 0): Promise<ScheduleEvent> => {
    for (let i = 0; i < 500; i += 1) {
      const found = events.slice(after).find((e) => e.type === type);
      if (found) return found;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`no ${type} event; got ${events.map((e) => e.type).join(", ")}`);
  };
  return {
    ledger: own,
    events,
    next,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

const SENT: FireResult = { kind: "sent", sent: 3, failed: 0, pending: 0, subject: "Betreff" };

describe("runSchedule", () => {
  it("retries a failed send a minute later and sends then", async () => {
    const clock = createManualClock("2027-03-28T07:30:00+02:00");
    let calls = 0;
    const run = start(clock, async () => {
      calls += 1;
      if (calls === 1) throw new DigestError("E_DELIVER", "connection refused", { transient: true });
      return SENT;
    });
    const failed = await run.next("failed");
    expect(failed.type === "failed" && formatZoned(failed.retryAt, BERLIN)).toBe("2027-03-28T07:31:00+02:00");
    await clock.advanceTo(new Date(clock.now().getTime() + FAILURE_RETRY_MS));
    await run.next("sent");
    expect(calls).toBe(2);
    await run.stop();
  });

  it("records a skip with the last failure once retries run past --latest", async () => {
    const clock = createManualClock("2027-03-28T09:29:30+02:00");
    const run = start(clock, async () => {
      throw new DigestError("E_CHECK", "refusing to send - the edition fails the pre-send gate");
    });
    const failed = await run.next("failed");
    expect(failed.type === "failed" && formatZoned(failed.retryAt, BERLIN)).toBe("2027-03-28T09:30:00+02:00");
    await clock.advanceTo("2027-03-28T09:30:00+02:00");
    const skipped = await run.next("skipped");
    expect(skipped.type === "skipped" && skipped.reason).toBe(
      "it is 2027-03-28T09:30:00+02:00, at or after the latest send time 2027-03-28T09:30:00+02:00 (--latest 09:30); the last attempt failed: refusing to send - the edition fails the pre-send gate",
    );
    const edition = run.ledger.getEdition("2027-03-28/politik/subscribers");
    expect(edition).toMatchObject({ state: "skipped", finishedAt: "2027-03-28T07:30:00.000Z" });
    await run.stop();
  });

  it("stops sending when another scheduler took the lease over, and says so", async () => {
    const clock = createManualClock("2027-03-28T07:30:00+02:00");
    let jobSignal: AbortSignal | null = null;
    const run = start(clock, (job) => {
      jobSignal = job.signal;
      return new Promise((resolve) => job.signal.addEventListener("abort", () => resolve(SENT)));
    });
    await run.next("sending");
    // This process stalled past the lease; another scheduler took it (as createLease would).
    const stalledUntil = Date.parse("2027-03-28T08:00:00Z");
    expect(run.ledger.leases.take(LEASE_NAME, "other", stalledUntil, stalledUntil)).toBe(true);
    await clock.advanceTo(new Date(clock.now().getTime() + LEASE_MS / 3));
    const lost = await run.next("lease-lost");
    expect(lost).toMatchObject({ date: "2027-03-28" });
    expect((jobSignal as AbortSignal | null)?.aborted).toBe(true);
    expect(run.events.some((e) => e.type === "sent")).toBe(false);
    await run.stop();
  });

  it("says it was interrupted, not that it will retry, when stopped while building the edition", async () => {
    const clock = createManualClock("2027-03-28T07:30:00+02:00");
    const run = start(
      clock,
      (job) =>
        new Promise((_, reject) =>
          job.signal.addEventListener("abort", () =>
            reject(
              new DigestError("E_INPUT", "could not read https://example.org/feed.xml - stopped (SIGTERM)"),
            ),
          ),
        ),
    );
    await run.next("sending");
    await run.stop();
    const interrupted = run.events.find((e) => e.type === "interrupted");
    expect(interrupted).toMatchObject({ date: "2027-03-28" });
    expect(run.events.some((e) => e.type === "failed")).toBe(false);
    expect(run.events.at(-1)).toEqual({ type: "stopped" });
    expect(run.ledger.getEdition("2027-03-28/politik/subscribers")).toBeNull();
  });

  it("renews its lease while a long send runs", async () => {
    const clock = createManualClock("2027-03-28T07:30:00+02:00");
    let finish: (() => void) | null = null;
    const run = start(
      clock,
      () =>
        new Promise((resolve) => {
          finish = () => resolve(SENT);
        }),
    );
    await run.next("sending");
    const expiry = () => run.ledger.leases.read(LEASE_NAME)?.expiresAt ?? 0;
    const first = expiry();
    await clock.advanceTo("2027-03-28T07:35:00+02:00");
    expect(expiry()).toBeGreaterThan(first);
    expect(expiry()).toBeGreaterThan(clock.now().getTime());
    (finish as (() => void) | null)?.();
    await run.next("sent");
    expect(run.ledger.leases.listLive(0).size).toBe(0);
    await run.stop();
  });

  it("stops at once while waiting for the next fire time", async () => {
    const clock = createManualClock("2027-03-28T10:00:00+02:00");
    const ledger = createLedger({ stateDir: ".", file: ":memory:" });
    ledger.recordEditionState("2027-03-28/politik/subscribers", {
      date: "2027-03-28",
      section: "Politik",
      list: "subscribers",
      state: "complete",
    });
    const run = start(clock, async () => SENT, ledger);
    expect(await run.next("already-done")).toMatchObject({ date: "2027-03-28", state: "complete" });
    const waiting = await run.next("waiting");
    expect(waiting.type === "waiting" && formatZoned(waiting.fireTime, BERLIN)).toBe(
      "2027-03-29T07:30:00+02:00",
    );
    await run.stop();
    expect(run.events.at(-1)).toEqual({ type: "stopped" });
  });
});
