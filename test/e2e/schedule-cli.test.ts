/**
 * `digest schedule` and `digest status` argument handling, in-process: every usage problem is one
 * line and exit 2 before anything is written, and status reads the ledger without creating it.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger, editionKeyOf } from "../../src/deliver/index.js";
import { createLease, createSystemClock } from "../../src/schedule/index.js";
import { runCliInProcess } from "../support/run-cli-in-process.js";
import { ROOT } from "../support/run-digest.js";

const SUBSCRIBERS = join(ROOT, "test/fixtures/schedule/subscribers.csv");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "digest-schedule-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("digest schedule usage", () => {
  it.each([
    [["schedule"], "digest schedule: --recipients FILE is required (or --next N to print the fire times)"],
    [["schedule", "--recipients", SUBSCRIBERS, "--date", "2027-03-28"], "--date does not apply"],
    [["schedule", "--next", "3", "--at", "7:30"], '--at "7:30" is not a time - expected HH:MM'],
    [
      ["schedule", "--next", "3", "--at", "09:30", "--latest", "09:00"],
      "--latest 09:00 must be after --at 09:30",
    ],
    [
      ["schedule", "--next", "3", "--at", "07:30", "--days", "0 30 7 * * *"],
      "--at cannot be combined with the cron pattern",
    ],
    [
      ["schedule", "--next", "3", "--days", "someday"],
      '--days (config schedule.days) "someday" is not a valid schedule',
    ],
    [["schedule", "--next", "0"], "--next 0 is not a whole number from 1 to 1000"],
    [["schedule", "--next", "3", "--tz", "Europe/Atlantis"], "timeZone: unknown IANA time zone"],
    [["schedule", "--recipients", SUBSCRIBERS, "--transport", "pigeon"], "--transport pigeon is unknown"],
    [
      ["schedule", "--recipients", "missing.csv", "--state", "state"],
      "could not read recipients missing.csv - the file does not exist",
    ],
    [
      ["schedule", "--recipients", SUBSCRIBERS, "--transport", "smtp"],
      "--transport smtp needs DIGEST_SMTP_URL",
    ],
    [["status", "--limit", "none"], "--limit none is not a positive whole number"],
  ])("digest %j → exit 2: %s", async (args, message) => {
    const run = await runCliInProcess(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
    expect(existsSync(join(dir, "state"))).toBe(false);
  });

  it("prints the next fire times of a weekday schedule in another zone", async () => {
    const run = await runCliInProcess(
      [
        "schedule",
        "--next",
        "2",
        "--at",
        "06:00",
        "--days",
        "mon-fri",
        "--tz",
        "America/New_York",
        "--from",
        "2027-03-12T12:00:00-05:00",
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    // 2027-03-14 is the US spring-forward Sunday; the next weekday is already on daylight time.
    expect(run.stdout).toBe("2027-03-15T06:00:00-04:00\n2027-03-16T06:00:00-04:00\n");
  });
});

describe("digest status", () => {
  it("says that nothing was recorded and does not create the ledger", async () => {
    const state = join(dir, "empty-state");
    const run = await runCliInProcess(["status", "--state", state], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`no editions recorded in ${join(state, "ledger.sqlite")}\n`);
    expect(existsSync(state)).toBe(false);
    const json = await runCliInProcess(["status", "--state", state, "--json"], { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it("lists the recent editions newest first with sent, failed and pending counts, times in Berlin", async () => {
    const state = join(dir, "state-with-editions");
    const ledger = createLedger({ stateDir: state });
    const list = "subscribers";
    const sent = editionKeyOf({ date: "2027-10-31", section: "Politik", list });
    ledger.recordEditionState(sent, {
      date: "2027-10-31",
      section: "Politik",
      list,
      state: "sending",
      subject: "Gipfel ohne Einigung",
      startedAt: "2027-10-31T06:30:00.000Z",
    });
    ledger.addRecipients(sent, [
      { email: "anna@example.de", name: null, fields: {} },
      { email: "ben@example.de", name: null, fields: {} },
      { email: "carla@example.de", name: null, fields: {} },
    ]);
    const at = "2027-10-31T06:30:01.000Z";
    ledger.recordOutcomes([
      {
        editionKey: sent,
        email: "anna@example.de",
        status: "sent",
        attempted: true,
        response: "250 ok",
        messageId: "<a@x>",
        at,
      },
      {
        editionKey: sent,
        email: "ben@example.de",
        status: "failed",
        attempted: true,
        response: "550 no such user",
        messageId: "<b@x>",
        at,
      },
    ]);
    ledger.recordEditionState(editionKeyOf({ date: "2027-10-30", section: "Politik", list }), {
      date: "2027-10-30",
      section: "Politik",
      list,
      state: "no-edition",
      reason: "no Politik story qualifies",
      finishedAt: "2027-10-30T05:30:00.000Z",
    });
    ledger.close();

    const run = await runCliInProcess(["status", "--state", state], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "DATE        LIST         STATE       SENT  FAILED  PENDING  STARTED                    FINISHED                   NOTE",
        "2027-10-31  subscribers  sending     1     1       1        2027-10-31T07:30:00+01:00  -                          Gipfel ohne Einigung - interrupted; the scheduler or `digest send --resume` continues it",
        "2027-10-30  subscribers  no-edition  0     0       0        -                          2027-10-30T07:30:00+02:00  no Politik story qualifies",
        "",
      ].join("\n"),
    );
    const limited = await runCliInProcess(["status", "--state", state, "--json", "--limit", "1"], {
      cwd: dir,
    });
    expect(JSON.parse(limited.stdout)).toEqual([
      expect.objectContaining({
        date: "2027-10-31",
        state: "sending",
        sent: 1,
        failed: 1,
        pending: 1,
        sender: null,
      }),
    ]);
  });

  it("names the process that is sending an edition right now (its lease in the ledger)", async () => {
    const state = join(dir, "state-being-sent");
    const ledger = createLedger({ stateDir: state });
    const key = editionKeyOf({ date: "2027-10-31", section: "Politik", list: "subscribers" });
    ledger.recordEditionState(key, {
      date: "2027-10-31",
      section: "Politik",
      list: "subscribers",
      state: "sending",
      subject: "Gipfel ohne Einigung",
      startedAt: "2027-10-31T06:30:00.000Z",
    });
    const lease = createLease(ledger.leases, {
      name: `edition:${key}`,
      ttlMs: 60_000,
      clock: createSystemClock(),
      holder: "newsroom-1:4242:abc123",
    });
    expect(lease.acquire()).toBe(true);
    const json = await runCliInProcess(["status", "--state", state, "--json"], { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ state: "sending", sender: "newsroom-1:4242:abc123" }),
    ]);
    const table = await runCliInProcess(["status", "--state", state], { cwd: dir });
    expect(table.stdout).toContain("Gipfel ohne Einigung - being sent by newsroom-1:4242:abc123");
    lease.release();
    ledger.close();
  });
});
