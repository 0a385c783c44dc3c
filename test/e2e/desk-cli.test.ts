/**
 * The desk through the command line alone (issue 13): an editor changes the second key point and
 * writes the intro with `digest review edit`, approves with `digest review approve`, and the
 * scheduler in `required` mode (manual clock, real SMTP server on loopback) sends exactly that
 * text. A held edition is not sent; the deadline fallback skips or sends the proposal; two edits
 * from one version conflict instead of losing one.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLedger, editionKeyOf } from "../../src/deliver/index.js";
import type { DraftView } from "../../src/review/index.js";
import { createManualClock, type ManualClock } from "../../src/schedule/index.js";
import { startDeskScheduler } from "../support/desk-scheduler.js";
import { runCliInProcess } from "../support/run-cli-in-process.js";
import { ROOT, runDigest } from "../support/run-digest.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const FIXTURES = join(ROOT, "test/fixtures/schedule");
const SUBSCRIBERS = join(FIXTURES, "subscribers.csv");
const DATE = "2027-03-28";
const SECRET = "desk-test-secret-0123456789abcdef";
const SECOND_POINT = "Die Opposition nennt das Verfahren eine Zumutung für das Parlament.";
const INTRO = "Guten Morgen! Heute früh zählt vor allem der Haushalt.";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function project(review: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "digest-desk-cli-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(join(FIXTURES, "march"), join(dir, "inputs"), { recursive: true });
  const base = JSON.parse(await readFile(join(FIXTURES, "digest.config.json"), "utf8"));
  const editors = [
    { id: "anna", name: "Anna Schmidt", signature: "Chefin vom Dienst" },
    { id: "ben", name: "Ben Wagner" },
  ];
  const config = { ...base, inputs: ["inputs"], review: { editors, mode: "required", ...review } };
  await writeFile(join(dir, "digest.config.json"), JSON.stringify(config));
  return dir;
}

async function digest(dir: string, args: string[]) {
  return runCliInProcess([...args, "--config", join(dir, "digest.config.json")], {
    cwd: dir,
    env: { DIGEST_UNSUBSCRIBE_SECRET: SECRET },
  });
}

async function show(dir: string): Promise<DraftView> {
  const run = await digest(dir, ["review", "show", "--date", DATE, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as DraftView;
}

/** Writes the `show --json` output with the second key point and the intro changed. */
async function editFile(dir: string, draft: DraftView, name = "edit.json", point = SECOND_POINT) {
  const top = draft.edition.stories[0];
  if (!top?.keyPoints[1]) throw new Error("the proposal has no second key point");
  top.keyPoints[1].text = point;
  draft.edition.intro = { text: INTRO, editor: "Anna Schmidt", signature: "Chefin vom Dienst" };
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(draft, null, 2));
  return file;
}

async function smtpSink(): Promise<SmtpSink> {
  const sink = await startSmtpSink();
  cleanups.push(() => sink.close());
  return sink;
}

function startScheduler(dir: string, clock: ManualClock, sink: SmtpSink) {
  const scheduler = startDeskScheduler({ dir, clock, sink, recipients: SUBSCRIBERS, secret: SECRET });
  cleanups.push(() => scheduler.stop());
  return scheduler;
}

function editionState(dir: string) {
  const ledger = createLedger({ stateDir: join(dir, "state") });
  try {
    return ledger.getEdition(editionKeyOf({ date: DATE, section: "Politik", list: "subscribers" }));
  } finally {
    ledger.close();
  }
}

describe("the desk through the CLI (review.mode required)", () => {
  it("sends exactly the approved edit: second key point and intro", async () => {
    const dir = await project({ deadline: "07:15", fallback: "skip" });
    const draft = await show(dir);
    expect(draft).toMatchObject({ version: 1, state: "proposed" });
    const original = draft.edition.stories[0]?.keyPoints[1]?.text ?? "";
    const file = await editFile(dir, draft);

    // The built binary, as a script at the desk would run it.
    const config = join(dir, "digest.config.json");
    const edit = await runDigest(
      ["review", "edit", "--date", DATE, "--file", file, "--by", "anna", "--config", config],
      {
        cwd: dir,
      },
    );
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stdout).toMatch(
      /saved the draft of 2027-03-28 as version 2 \(2 field\(s\) changed, state edited\)/,
    );
    const approve = await runDigest(
      ["review", "approve", "--date", DATE, "--by", "ben", "--config", config],
      {
        cwd: dir,
      },
    );
    expect(approve.code, approve.stderr).toBe(0);
    const approved = await show(dir);
    expect(approved).toMatchObject({ version: 3, state: "approved", approved: { by: "ben" } });
    // Not sent yet: `digest status` shows the draft on a line of its own.
    const before = await digest(dir, ["status", "--state", join(dir, "state")]);
    expect(before.stdout).toMatch(/^draft 2027-03-28\/politik: approved by ben \(version 3, /m);

    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T07:00:00+02:00");
    const scheduler = startScheduler(dir, clock, sink);
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    await scheduler.until("sent");
    expect(sink.messages.map((m) => m.to).sort()).toEqual([
      "anna@example.de",
      "ben@example.de",
      "carla@example.de",
    ]);
    for (const message of sink.messages) {
      expect(message.text).toContain(`- ${SECOND_POINT}`);
      expect(message.text).not.toContain(original);
      expect(message.text).toContain(`${INTRO}\n\nAnna Schmidt, Chefin vom Dienst`);
      expect(message.mail.html).toContain("Anna Schmidt, Chefin vom Dienst");
    }
    await scheduler.stop();

    const after = await show(dir);
    expect(after).toMatchObject({ state: "sent", sent: { editionKey: "2027-03-28/politik/subscribers" } });
    const log = await digest(dir, ["review", "log", "--date", DATE]);
    expect(log.stdout).toMatch(/v2 .* anna {2}stories\[\w+\]\.keyPoints\[1\]: ".*" → "Die Opposition nennt/);
    expect(log.stdout).toMatch(/v3 .* ben {2}state: "edited" → "approved"/);
    expect(log.stdout).toMatch(/v4 .* digest {2}state: "approved" → "sent"/);
    const status = await digest(dir, ["status", "--json", "--state", join(dir, "state")]);
    expect(JSON.parse(status.stdout)[0]).toMatchObject({
      state: "complete",
      sent: 3,
      review: { state: "sent", approvedBy: "ben" },
    });
  });

  it("does not send a held edition and shows why in digest status", async () => {
    const dir = await project({ deadline: "07:15", fallback: "send-proposal" });
    await show(dir);
    const hold = await digest(dir, [
      "review",
      "hold",
      "--date",
      DATE,
      "--by",
      "anna",
      "--reason",
      "Faktencheck läuft",
    ]);
    expect(hold.code, hold.stderr).toBe(0);
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T07:00:00+02:00");
    const scheduler = startScheduler(dir, clock, sink);
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    const skipped = await scheduler.until("skipped");
    expect(skipped).toMatchObject({
      reason: expect.stringMatching(/held at the desk by anna .*: Faktencheck läuft/),
    });
    await scheduler.stop();
    expect(sink.messages).toHaveLength(0);
    expect(editionState(dir)?.state).toBe("skipped");
    const status = await digest(dir, ["status", "--state", join(dir, "state")]);
    expect(status.stdout).toMatch(/skipped .*held at the desk by anna .*Faktencheck läuft/);
  });

  it.each([
    ["skip", 0],
    ["send-proposal", 3],
  ] as const)("applies the deadline fallback %s when nothing was approved", async (fallback, count) => {
    const dir = await project({ deadline: "07:15", fallback });
    const draft = await show(dir);
    const proposalPoint = draft.proposal.stories[0]?.keyPoints[1]?.text ?? "";
    // Edited but never approved: the edit is not what goes out.
    const edited = await digest(dir, [
      "review",
      "edit",
      "--date",
      DATE,
      "--file",
      await editFile(dir, draft),
      "--by",
      "anna",
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T07:00:00+02:00");
    const scheduler = startScheduler(dir, clock, sink);
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    await scheduler.until(fallback === "skip" ? "skipped" : "sent");
    await scheduler.stop();
    expect(sink.messages).toHaveLength(count);
    for (const message of sink.messages) {
      expect(message.text).toContain(`- ${proposalPoint}`);
      expect(message.text).not.toContain(SECOND_POINT);
    }
    expect(scheduler.logs.join("\n")).toContain(
      "nothing approved by the deadline 07:15 (the draft was edited) - review.fallback",
    );
    expect(editionState(dir)?.state).toBe(fallback === "skip" ? "skipped" : "complete");
    const status = await digest(dir, ["status", "--json", "--state", join(dir, "state")]);
    expect(JSON.parse(status.stdout)[0].review).toMatchObject({ fallback: { action: fallback } });
  });

  it("waits for the desk until a later deadline and sends what is approved meanwhile", async () => {
    const dir = await project({ deadline: "08:00", fallback: "send-proposal" });
    const draft = await show(dir);
    const sink = await smtpSink();
    const clock = createManualClock("2027-03-28T07:00:00+02:00");
    const scheduler = startScheduler(dir, clock, sink);
    await clock.advanceTo("2027-03-28T07:30:00+02:00");
    await clock.advanceTo("2027-03-28T07:40:00+02:00");
    expect(sink.messages).toHaveLength(0);
    expect(scheduler.logs.join("\n")).toContain("waiting for an editor's approval until the deadline");
    await digest(dir, [
      "review",
      "edit",
      "--date",
      DATE,
      "--file",
      await editFile(dir, draft),
      "--by",
      "anna",
    ]);
    const approve = await digest(dir, ["review", "approve", "--date", DATE, "--by", "anna"]);
    expect(approve.code, approve.stderr).toBe(0);
    await clock.advanceTo("2027-03-28T07:41:00+02:00");
    await scheduler.until("sent");
    await scheduler.stop();
    expect(sink.messages).toHaveLength(3);
    expect(sink.messages[0]?.text).toContain(`- ${SECOND_POINT}`);
  });

  it("refuses a stale edit with the other editor's change, and digest send refuses an unapproved edition", async () => {
    const dir = await project({ deadline: "07:15", fallback: "skip" });
    const draft = await show(dir);
    const first = await digest(dir, [
      "review",
      "edit",
      "--date",
      DATE,
      "--file",
      await editFile(dir, draft, "a.json"),
      "--by",
      "anna",
    ]);
    expect(first.code, first.stderr).toBe(0);
    const fromBen = await editFile(
      dir,
      await structuredClone(draft),
      "b.json",
      "Bens Fassung des zweiten Punkts.",
    );
    const second = await digest(dir, [
      "review",
      "edit",
      "--date",
      DATE,
      "--file",
      fromBen,
      "--by",
      "ben",
      "--version",
      "1",
    ]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(
      /^digest: the draft of 2027-03-28 is at version 2, your edit started from version 1 - anna changed at .*Die Opposition nennt.*Nothing of yours was saved/,
    );
    expect((await show(dir)).edition.stories[0]?.keyPoints[1]?.text).toBe(SECOND_POINT);

    const unknown = await digest(dir, ["review", "approve", "--date", DATE, "--by", "mallory"]);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"mallory" is not a configured editor'),
    });

    // Long before the deadline (the real clock is in 2026): not approved → nothing to send, exit 3.
    const sendArgs = [
      "send",
      "--date",
      DATE,
      "--recipients",
      SUBSCRIBERS,
      "--state",
      join(dir, "state"),
      "--transport",
      "outbox",
    ];
    const early = await digest(dir, [...sendArgs, "--outbox", join(dir, "outbox")]);
    expect(early.code, early.stderr).toBe(3);
    expect(early.stderr).toMatch(/^digest: not sending the edition of 2027-03-28 - it is not approved yet/m);

    // Approved: `digest send` mails the frozen rendering, with anna's point.
    expect((await digest(dir, ["review", "approve", "--date", DATE, "--by", "ben"])).code).toBe(0);
    const sent = await digest(dir, [...sendArgs, "--outbox", join(dir, "outbox")]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).toContain("sending the edition of 2027-03-28 as approved by ben");
    const [folder] = await readdir(join(dir, "outbox"));
    const eml = await readFile(join(dir, "outbox", folder as string, "anna@example.de.eml"), "utf8");
    expect(eml.replace(/=\r?\n/g, "")).toContain("Die Opposition nennt das Verfahren");
    expect((await show(dir)).state).toBe("sent");
    const late = await digest(dir, [
      "review",
      "edit",
      "--date",
      DATE,
      "--file",
      fromBen,
      "--by",
      "ben",
      "--version",
      "4",
    ]);
    expect(late).toMatchObject({ code: 2, stderr: expect.stringMatching(/a sent edition is final/) });
  });
});
