/**
 * The morning scheduler with an injected manual clock against a real SMTP server on loopback:
 * whole mornings (and both DST changes of 2027) run in seconds, and every message that arrives is
 * parsed and counted.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatZoned } from "../../src/clock.js";
import { loadConfig } from "../../src/config/index.js";
import { createLedger, editionKeyOf } from "../../src/deliver/index.js";
import {
  createManualClock,
  type ManualClock,
  resolveScheduleOptions,
  runScheduledSends,
  type ScheduleEvent,
  type ScheduleFlags,
} from "../../src/schedule/index.js";
import { runCliInProcess } from "../support/run-cli-in-process.js";
import { ROOT } from "../support/run-digest.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const FIXTURES = join(ROOT, "test/fixtures/schedule");
const CONFIG = join(FIXTURES, "digest.config.json");
const MARCH = join(FIXTURES, "march");
const OCTOBER = join(FIXTURES, "october");
const SUBSCRIBERS = join(FIXTURES, "subscribers.csv");
const BERLIN = "Europe/Berlin";
const SECRET = "schedule-test-secret-0123456789abcdef";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "digest-schedule-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function smtpSink(options: { delayMs?: number } = {}): Promise<SmtpSink> {
  const sink = await startSmtpSink(options);
  cleanups.push(() => sink.close());
  return sink;
}

interface Scheduler {
  events: ScheduleEvent[];
  logs: string[];
  /** Resolves with the first event (from the start) that matches. */
  until(match: (event: ScheduleEvent) => boolean, timeoutMs?: number): Promise<ScheduleEvent>;
  stop(): Promise<void>;
}

function startScheduler(options: {
  dir: string;
  clock: ManualClock;
  sink: SmtpSink;
  inputs: string[];
  recipients?: string;
  flags?: ScheduleFlags;
  holder?: string;
}): Scheduler {
  const { config: loaded } = loadConfig({
    file: CONFIG,
    cwd: options.dir,
    env: {},
    overrides: { inputs: options.inputs, stateDir: join(options.dir, "state") },
  });
  const { config, schedule } = resolveScheduleOptions(loaded, options.flags ?? {});
  const events: ScheduleEvent[] = [];
  const logs: string[] = [];
  const listeners = new Set<() => void>();
  const controller = new AbortController();
  const log = (message: string) => logs.push(message);
  const done = runScheduledSends({
    config,
    schedule,
    cwd: options.dir,
    env: { DIGEST_SMTP_URL: options.sink.url, DIGEST_UNSUBSCRIBE_SECRET: SECRET },
    recipients: options.recipients ?? SUBSCRIBERS,
    clock: options.clock,
    signal: controller.signal,
    logger: { debug: () => {}, info: log, warn: log, error: log },
    ...(options.holder === undefined ? {} : { holder: options.holder }),
    onEvent(event) {
      events.push(event);
      for (const listener of [...listeners]) listener();
    },
  });
  let stopped = false;
  const stop = async () => {
    if (!stopped) controller.abort();
    stopped = true;
    await done;
  };
  cleanups.push(stop);
  return {
    events,
    logs,
    stop,
    until(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching event in ${timeoutMs} ms; got: ${logs.join(" | ")}`));
        }, timeoutMs);
        listeners.add(check);
        check();
        done.catch((error: unknown) => reject(error));
      });
    },
  };
}

async function eventually(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const waitingFor = (iso: string) => (event: ScheduleEvent) =>
  event.type === "waiting" && formatZoned(event.fireTime, BERLIN) === iso;
const ofType = (type: ScheduleEvent["type"]) => (event: ScheduleEvent) => event.type === type;

function readEdition(dir: string, date: string, list = "subscribers") {
  const ledger = createLedger({ stateDir: join(dir, "state") });
  try {
    const key = editionKeyOf({ date, section: "Politik", list });
    return { edition: ledger.getEdition(key), counts: ledger.countDeliveries(key) };
  } finally {
    ledger.close();
  }
}

function recipientsOf(sink: SmtpSink): string[] {
  return sink.messages.map((m) => m.to).sort();
}

describe("digest schedule with an injected clock and a real SMTP server", () => {
  it("sends at 07:30 local on the spring-forward day, and a restart after the complete send sends nothing", async () => {
    const dir = await tempDir();
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T06:00:00+02:00");
    const first = startScheduler({ dir, clock, sink, inputs: [MARCH] });
    await first.until(waitingFor("2027-03-28T07:30:00+02:00"));
    await clock.advanceTo("2027-03-28T07:29:59+02:00");
    expect(sink.messages).toHaveLength(0);
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    await first.until(ofType("sent"));
    expect(recipientsOf(sink)).toEqual(["anna@example.de", "ben@example.de", "carla@example.de"]);
    expect(new Set(sink.messages.map((m) => m.subject)).size).toBe(1);
    await first.until(waitingFor("2027-03-29T07:30:00+02:00"));
    await first.stop();

    await clock.advanceTo("2027-03-28T07:45:00+02:00");
    const second = startScheduler({ dir, clock, sink, inputs: [MARCH] });
    const done = await second.until(ofType("already-done"));
    expect(done).toMatchObject({ date: "2027-03-28", state: "complete" });
    await second.until(waitingFor("2027-03-29T07:30:00+02:00"));
    await second.stop();
    expect(sink.messages).toHaveLength(3);
    expect(readEdition(dir, "2027-03-28")).toMatchObject({
      edition: { state: "complete" },
      counts: { sent: 3, pending: 0, failed: 0 },
    });
  });

  it("fires at 07:30 local across the fall-back change, not at the old 07:30 (2027-10-31)", async () => {
    const dir = await tempDir();
    const sink = await smtpSink();
    const clock = createManualClock("2027-10-30T21:00:00+02:00");
    const scheduler = startScheduler({ dir, clock, sink, inputs: [OCTOBER] });
    await scheduler.until(waitingFor("2027-10-31T07:30:00+01:00"));
    // 07:30 summer time would be 06:30 winter time: nothing may go out then.
    await clock.advanceTo("2027-10-31T06:30:00+01:00");
    await clock.advanceTo("2027-10-31T07:29:59+01:00");
    expect(sink.messages).toHaveLength(0);
    await clock.advanceTo("2027-10-31T07:30:00+01:00");
    await scheduler.until(ofType("sent"));
    await scheduler.until(waitingFor("2027-11-01T07:30:00+01:00"));
    expect(recipientsOf(sink)).toHaveLength(3);
    expect(readEdition(dir, "2027-10-31").edition?.state).toBe("complete");
  });

  it("fires a 02:30 schedule at 03:00 summer time on the spring-forward day, when 02:30 does not exist", async () => {
    const dir = await tempDir();
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T01:00:00+01:00");
    const scheduler = startScheduler({ dir, clock, sink, inputs: [MARCH], flags: { at: "02:30" } });
    await scheduler.until(waitingFor("2027-03-28T03:00:00+02:00"));
    await clock.advanceTo("2027-03-28T01:59:59+01:00");
    expect(sink.messages).toHaveLength(0);
    await clock.advanceTo("2027-03-28T03:00:00+02:00");
    await scheduler.until(ofType("sent"));
    await scheduler.until(waitingFor("2027-03-29T02:30:00+02:00"));
    expect(recipientsOf(sink)).toHaveLength(3);
  });

  it("sends at once when started late but before --latest", async () => {
    const dir = await tempDir();
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T09:29:00+02:00");
    const scheduler = startScheduler({ dir, clock, sink, inputs: [MARCH] });
    const sending = await scheduler.until(ofType("sending"));
    expect(sending).toMatchObject({ date: "2027-03-28", resume: false });
    await scheduler.until(ofType("sent"));
    expect(recipientsOf(sink)).toHaveLength(3);
  });

  it("skips today's edition when started after --latest, records the skip and sends nothing", async () => {
    const dir = await tempDir();
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T09:31:00+02:00");
    const scheduler = startScheduler({ dir, clock, sink, inputs: [MARCH] });
    const skipped = await scheduler.until(ofType("skipped"));
    expect(skipped).toMatchObject({ date: "2027-03-28" });
    await scheduler.until(waitingFor("2027-03-29T07:30:00+02:00"));
    expect(sink.messages).toHaveLength(0);
    expect(scheduler.logs.join("\n")).toContain(
      "skipped the edition of 2027-03-28 - it is 2027-03-28T09:31:00+02:00, at or after the latest send time 2027-03-28T09:30:00+02:00 (--latest 09:30); recorded as skipped",
    );
    const status = await runCliInProcess(["status", "--state", join(dir, "state"), "--json"], { cwd: dir });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject([
      {
        date: "2027-03-28",
        state: "skipped",
        sent: 0,
        pending: 0,
        reason: expect.stringContaining("--latest 09:30"),
      },
    ]);
  });

  it("never sends yesterday's edition after midnight, even when --latest would still allow it", async () => {
    const dir = await tempDir();
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T23:00:00+02:00");
    const scheduler = startScheduler({
      dir,
      clock,
      sink,
      inputs: [MARCH],
      flags: { days: "0 30 23 * * *", latest: "23:59" },
    });
    await scheduler.until(waitingFor("2027-03-28T23:30:00+02:00"));
    // The machine is suspended through the fire time and resumes after midnight.
    await clock.jumpTo("2027-03-29T00:10:00+02:00");
    const skipped = await scheduler.until(ofType("skipped"));
    expect(skipped).toMatchObject({ date: "2027-03-28" });
    expect(skipped.type === "skipped" && skipped.reason).toContain("never sent a day late");
    expect(sink.messages).toHaveLength(0);
  });

  it("records 'no edition' when every story is older than the freshness window, and keeps running", async () => {
    const dir = await tempDir();
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-29T07:00:00+02:00");
    const scheduler = startScheduler({ dir, clock, sink, inputs: [MARCH] });
    await scheduler.until(waitingFor("2027-03-29T07:30:00+02:00"));
    await clock.advanceTo("2027-03-29T07:30:00+02:00");
    const none = await scheduler.until(ofType("no-edition"));
    expect(none.type === "no-edition" && none.reason).toMatch(/no Politik story qualifies/);
    await scheduler.until(waitingFor("2027-03-30T07:30:00+02:00"));
    expect(sink.messages).toHaveLength(0);
    expect(readEdition(dir, "2027-03-29").edition).toMatchObject({
      state: "no-edition",
      reason: expect.stringContaining("fresh"),
    });
  });

  it("stopped mid-send (SIGTERM), a restart before --latest resumes: every reader once, nobody twice", async () => {
    const dir = await tempDir();
    const sink = await smtpSink({ delayMs: 120 });
    const recipients = join(dir, "readers.csv");
    const readers = Array.from({ length: 12 }, (_, i) => `leser${String(i).padStart(2, "0")}@example.de`);
    await writeFile(recipients, `email,name\n${readers.map((r) => `${r},Leser`).join("\n")}\n`);
    const clock = createManualClock("2027-03-28T07:29:00+02:00");
    const first = startScheduler({ dir, clock, sink, inputs: [MARCH], recipients });
    await first.until(waitingFor("2027-03-28T07:30:00+02:00"));
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    await sink.waitFor(3);
    await first.stop();
    const stoppedAt = readEdition(dir, "2027-03-28", "readers");
    expect(stoppedAt.edition?.state).toBe("sending");
    expect(stoppedAt.counts.sent).toBe(sink.messages.length);
    expect(stoppedAt.counts.sent).toBeLessThan(12);

    await clock.advanceTo("2027-03-28T07:40:00+02:00");
    const second = startScheduler({ dir, clock, sink, inputs: [MARCH], recipients });
    expect(await second.until(ofType("sending"))).toMatchObject({ resume: true });
    await second.until(ofType("sent"));
    expect(recipientsOf(sink)).toEqual(readers);
    expect(readEdition(dir, "2027-03-28", "readers")).toMatchObject({
      edition: { state: "complete" },
      counts: { sent: 12, pending: 0, sending: 0 },
    });
  });

  it("two schedulers on one ledger: exactly one edition arrives, the second stands by and finds it done", async () => {
    const dir = await tempDir();
    const sink = await smtpSink({ delayMs: 20 });
    const clock = createManualClock("2027-03-28T07:00:00+02:00");
    const a = startScheduler({ dir, clock, sink, inputs: [MARCH], holder: "scheduler-a" });
    const b = startScheduler({ dir, clock, sink, inputs: [MARCH], holder: "scheduler-b" });
    await a.until(waitingFor("2027-03-28T07:30:00+02:00"));
    await b.until(waitingFor("2027-03-28T07:30:00+02:00"));
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    await eventually(() => [...a.events, ...b.events].some(ofType("standby")));
    const [sender, waiter] = a.events.some(ofType("standby")) ? [b, a] : [a, b];
    await sender.until(ofType("sent"));
    await clock.advanceTo("2027-03-28T07:30:10+02:00");
    expect(await waiter.until(ofType("already-done"))).toMatchObject({ state: "complete" });
    expect(waiter.events.some((e) => e.type === "sending")).toBe(false);
    expect(recipientsOf(sink)).toEqual(["anna@example.de", "ben@example.de", "carla@example.de"]);
  });
});
