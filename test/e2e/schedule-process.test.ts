/**
 * `digest schedule` as a real process (node + tsx running src/cli/main.ts), with a seconds-level
 * cron pattern and the wall clock, against a real SMTP server on loopback: the printed fire times,
 * one process, two processes on one ledger, SIGTERM mid-send and SIGKILL mid-send.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localDate } from "../../src/clock.js";
import { createLedger, editionKeyOf } from "../../src/deliver/index.js";
import { ROOT } from "../support/run-digest.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { type DigestProcess, spawnDigest } from "../support/spawn-digest.js";

const FIXTURES = join(ROOT, "test/fixtures/schedule");
const BERLIN = "Europe/Berlin";
const SECRET = "schedule-test-secret-0123456789abcdef";
/** Every second: the first fire is at most a second after the process is up. */
const EVERY_SECOND = "* * * * * *";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface ScheduleProcess extends DigestProcess {
  /** Resolves when stderr has a line matching `pattern`. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** The CLI from the sources, killed after the test if it is still running. */
function startDigest(args: string[], env: NodeJS.ProcessEnv = {}): ScheduleProcess {
  const digest = spawnDigest(args, { env: { DIGEST_STATE_DIR: "", ...env } });
  cleanups.push(async () => {
    if (digest.child.exitCode === null && digest.child.signalCode === null) digest.child.kill("SIGKILL");
    await digest.exited;
  });
  return {
    ...digest,
    waitForLog: async (pattern, timeoutMs) => {
      await digest.waitForOutput("stderr", pattern, timeoutMs);
    },
  };
}

async function runDigestToEnd(args: string[]) {
  const run = startDigest(args);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** A working folder with a config, one fresh Politik article and `readers` recipients. */
async function setUp(readers: number, config: { concurrency?: number; leaseSeconds?: number } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "digest-schedule-proc-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const base = JSON.parse(await readFile(join(FIXTURES, "digest.config.json"), "utf8"));
  base.delivery.concurrency = config.concurrency ?? 2;
  base.schedule.leaseSeconds = config.leaseSeconds ?? 30;
  await writeFile(join(dir, "digest.config.json"), JSON.stringify(base, null, 2));
  // The March fixture's top story, republished an hour ago so it is fresh whenever the test runs.
  const [article] = JSON.parse(await readFile(join(FIXTURES, "march/bundestag.json"), "utf8"));
  article.published = new Date(Date.now() - 3_600_000).toISOString();
  await writeFile(join(dir, "article.json"), JSON.stringify(article));
  const emails = Array.from({ length: readers }, (_, i) => `leser${String(i).padStart(3, "0")}@example.de`);
  await writeFile(
    join(dir, "readers.csv"),
    `email,name\n${emails.map((e) => `${e},Leser ${e.slice(5, 8)}`).join("\n")}\n`,
  );
  const args = [
    "--config",
    join(dir, "digest.config.json"),
    "--input",
    join(dir, "article.json"),
    "--recipients",
    join(dir, "readers.csv"),
    "--state",
    join(dir, "state"),
    "--transport",
    "smtp",
    "--days",
    EVERY_SECOND,
    "--latest",
    "23:59",
  ];
  return { dir, emails, args };
}

async function smtpSink(options: { delayMs?: number } = {}): Promise<SmtpSink> {
  const sink = await startSmtpSink(options);
  cleanups.push(() => sink.close());
  return sink;
}

function smtpEnv(sink: SmtpSink): NodeJS.ProcessEnv {
  return { DIGEST_SMTP_URL: sink.url, DIGEST_UNSUBSCRIBE_SECRET: SECRET };
}

function ledgerOf(dir: string) {
  const ledger = createLedger({ stateDir: join(dir, "state") });
  const key = editionKeyOf({ date: localDate(new Date(), BERLIN), section: "Politik", list: "readers" });
  try {
    return { edition: ledger.getEdition(key), counts: ledger.countDeliveries(key) };
  } finally {
    ledger.close();
  }
}

describe("digest schedule --next", () => {
  it("prints three 07:30 local times across the spring-forward change, with the offsets", async () => {
    const run = await runDigestToEnd([
      "schedule",
      "--next",
      "3",
      "--at",
      "07:30",
      "--tz",
      "Europe/Berlin",
      "--from",
      "2027-03-27T12:00:00+01:00",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "2027-03-28T07:30:00+02:00\n2027-03-29T07:30:00+02:00\n2027-03-30T07:30:00+02:00\n",
    );
  });

  it("prints three 07:30 local times across the fall-back change, with the offsets", async () => {
    const run = await runDigestToEnd([
      "schedule",
      "--next",
      "3",
      "--at",
      "07:30",
      "--tz",
      "Europe/Berlin",
      "--from",
      "2027-10-30T12:00:00+02:00",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "2027-10-31T07:30:00+01:00\n2027-11-01T07:30:00+01:00\n2027-11-02T07:30:00+01:00\n",
    );
  });

  it("refuses a --from without an offset with exit 2 and one line naming the flag", async () => {
    const run = await runDigestToEnd(["schedule", "--next", "3", "--from", "2027-03-27T12:00:00"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      "digest: digest schedule: --from 2027-03-27T12:00:00 is not an ISO 8601 date-time with offset - e.g. 2027-03-27T12:00:00+01:00",
    ]);
  });
});

// Each test starts one or two node processes (about 2 s each on a loaded machine) and, for the
// SIGKILL case, waits out a 5 s lease: more than the suite's default 30 s per test.
describe("digest schedule as a long-running process against a real SMTP server", { timeout: 120_000 }, () => {
  it("sends today's edition once on a seconds-level schedule, keeps running, and exits 0 on SIGTERM", async () => {
    const { dir, emails, args } = await setUp(3);
    const sink = await smtpSink();
    const digest = startDigest(["schedule", ...args], smtpEnv(sink));
    await sink.waitFor(3, 60_000);
    // Further fires of the same day find the edition complete.
    await digest.waitForLog(/is already complete - not sending it again/);
    digest.child.kill("SIGTERM");
    expect((await digest.exited).code).toBe(0);
    expect(digest.stderr()).toMatch(/scheduler stopped/);
    expect(sink.messages.map((m) => m.to).sort()).toEqual(emails);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(3);
    expect(ledgerOf(dir).edition?.state).toBe("complete");
  });

  it("two schedulers started together on one ledger: exactly one edition arrives", async () => {
    const { dir, emails, args } = await setUp(10);
    const sink = await smtpSink({ delayMs: 30 });
    const a = startDigest(["schedule", ...args], smtpEnv(sink));
    const b = startDigest(["schedule", ...args], smtpEnv(sink));
    await sink.waitFor(10, 60_000);
    await a.waitForLog(/is already complete - not sending it again/);
    await b.waitForLog(/is already complete - not sending it again/);
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect((await a.exited).code).toBe(0);
    expect((await b.exited).code).toBe(0);
    expect(sink.messages.map((m) => m.to).sort()).toEqual(emails);
    const senders = [a, b].filter((p) => /sending the edition of/.test(p.stderr()));
    expect(senders).toHaveLength(1);
    expect(ledgerOf(dir).counts).toMatchObject({ sent: 10, pending: 0, sending: 0 });
  });

  it("SIGTERM mid-send lets in-flight messages finish, records them, exits 0; the restart resumes", async () => {
    const { dir, emails, args } = await setUp(30, { concurrency: 1 });
    const sink = await smtpSink({ delayMs: 150 });
    const first = startDigest(["schedule", ...args], smtpEnv(sink));
    await sink.waitFor(3, 60_000);
    first.child.kill("SIGTERM");
    const exit = await first.exited;
    expect(exit.code).toBe(0);
    const stopped = ledgerOf(dir);
    expect(stopped.edition?.state).toBe("sending");
    // Everything that arrived is recorded as sent: nothing in flight was lost.
    expect(stopped.counts.sent).toBe(sink.messages.length);
    expect(stopped.counts.sent).toBeLessThan(30);

    const second = startDigest(["schedule", ...args], smtpEnv(sink));
    await second.waitForLog(/resuming the edition of/);
    await sink.waitFor(30, 60_000);
    await second.waitForLog(/: \d+ sent, 0 failed, 0 pending/);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
    expect(sink.messages.map((m) => m.to).sort()).toEqual(emails);
    expect(ledgerOf(dir).edition?.state).toBe("complete");
  });

  it("SIGKILL mid-send: a new scheduler takes the dead holder's lease, resumes, nobody is lost, repeats share the Message-ID", async () => {
    const { dir, emails, args } = await setUp(30, { concurrency: 2, leaseSeconds: 5 });
    const sink = await smtpSink({ delayMs: 150 });
    const first = startDigest(["schedule", ...args], smtpEnv(sink));
    await sink.waitFor(4, 60_000);
    first.child.kill("SIGKILL");
    await first.exited;

    const second = startDigest(["schedule", ...args], smtpEnv(sink));
    // The dead holder's lease would be valid for up to 5 s more; its process is gone from this
    // host, so the new scheduler takes it over at once (another host would wait for the expiry).
    await second.waitForLog(/resuming the edition of/, 60_000);
    await second.waitForLog(/: \d+ sent, 0 failed, 0 pending/, 60_000);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
    expect([...new Set(sink.messages.map((m) => m.to))].sort()).toEqual(emails);
    const byReader = new Map<string, string[]>();
    for (const message of sink.messages)
      byReader.set(message.to, [...(byReader.get(message.to) ?? []), message.messageId]);
    // A reader who got it twice was handed over by the killed process but not yet committed to the
    // ledger (in flight, or in the ledger's outcome batch of at most 250 ms): the same Message-ID
    // both times, so mail clients show one message. Never three times.
    for (const ids of byReader.values()) {
      expect(ids.length).toBeLessThanOrEqual(2);
      expect(new Set(ids).size).toBe(1);
    }
    expect(sink.messages.length - emails.length).toBeLessThan(10);
    expect(ledgerOf(dir)).toMatchObject({ edition: { state: "complete" }, counts: { sent: 30, pending: 0 } });
  });
});
