/**
 * The crash test: the real CLI process sends to a slow SMTP server, is killed with SIGKILL in the
 * middle, and is run again with --resume. Everybody gets the edition; nobody the ledger had
 * marked sent gets it twice; the only doubles are the in-flight window, with the same Message-ID.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/deliver/index.js";
import { ROOT } from "../support/run-digest.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { spawnDigest } from "../support/spawn-digest.js";

const RECIPIENTS = 80;
const CONCURRENCY = 3;
const KEY = "2026-11-26/politik/subscribers";

let server: SmtpSink | undefined;
afterAll(async () => {
  await server?.close();
});

/** Runs `digest send …` from the sources as one process. */
function startSend(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<number | null> } {
  const digest = spawnDigest(["send", ...args], { env });
  return { child: digest.child, done: digest.exited.then(({ code }) => code) };
}

/** A temp folder with `count` recipients and the `digest send` arguments over SMTP for them. */
async function setUpSend(name: string, count: number, concurrency: number) {
  const dir = await mkdtemp(join(tmpdir(), `digest-${name}-`));
  const emails = Array.from({ length: count }, (_, i) => `leser${String(i).padStart(3, "0")}@example.de`);
  const list = join(dir, "subscribers.csv");
  await writeFile(list, `email,name\n${emails.map((e) => `${e},Leser`).join("\n")}\n`);
  const state = join(dir, "state");
  const args = [
    "--config",
    join(ROOT, "test/fixtures/deliver/digest.config.json"),
    "--input",
    join(ROOT, "seeds"),
    "--date",
    "2026-11-26",
    "--recipients",
    list,
    "--transport",
    "smtp",
    "--state",
    state,
    "--concurrency",
    String(concurrency),
  ];
  return { emails, state, args };
}

describe("digest send after SIGKILL", () => {
  it("resumes: everybody gets the edition, nobody marked sent gets it twice, doubles share the Message-ID", async () => {
    server = await startSmtpSink({ delayMs: 30 });
    const { emails, state, args } = await setUpSend("crash", RECIPIENTS, CONCURRENCY);
    const env = { DIGEST_SMTP_URL: server.url, DIGEST_UNSUBSCRIBE_SECRET: "crash-test-secret-0123456789" };

    const first = startSend(args, env);
    const smtp = server;
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (smtp.messages.length >= 45) {
          clearInterval(timer);
          first.child.kill("SIGKILL");
          resolve();
        }
      }, 5);
      first.done.then(() => {
        clearInterval(timer);
        reject(new Error("the send finished before it could be killed"));
      });
    });
    expect(await first.done).toBeNull(); // killed, no exit code
    const receivedAtKill = smtp.messages.length;
    expect(receivedAtKill).toBeLessThan(RECIPIENTS);

    const ledger = createLedger({ stateDir: state });
    expect(ledger.getEdition(KEY)?.state).toBe("sending");
    const sentAtKill = new Set(ledger.listDeliveries(KEY, "sent", RECIPIENTS).map((row) => row.email));
    ledger.close();
    expect(sentAtKill.size).toBeGreaterThan(0);

    const second = startSend([...args, "--resume"], env);
    expect(await second.done).toBe(0);

    const byRecipient = new Map<string, string[]>();
    for (const message of smtp.messages) {
      byRecipient.set(message.to, [...(byRecipient.get(message.to) ?? []), message.messageId]);
    }
    expect([...byRecipient.keys()].sort()).toEqual(emails);
    const doubled = [...byRecipient.entries()].filter(([, ids]) => ids.length > 1);
    for (const [email, ids] of doubled) {
      expect(sentAtKill.has(email)).toBe(false);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(1);
    }
    // The in-flight window: messages accepted after the last committed batch of outcomes.
    expect(doubled.length).toBeLessThanOrEqual(receivedAtKill - sentAtKill.size + CONCURRENCY);

    const after = createLedger({ stateDir: state });
    expect(after.getEdition(KEY)?.state).toBe("complete");
    expect(after.countDeliveries(KEY)).toMatchObject({ sent: RECIPIENTS, pending: 0, sending: 0 });
    after.close();
  }, 60_000);

  it("on SIGTERM finishes what is in flight, records it, exits 1, and a resume sends the rest without doubles", async () => {
    const smtp = await startSmtpSink({ delayMs: 30 });
    const { emails, state, args } = await setUpSend("sigterm", 60, 2);
    const env = { DIGEST_SMTP_URL: smtp.url, DIGEST_UNSUBSCRIBE_SECRET: "crash-test-secret-0123456789" };
    try {
      const first = startSend(args, env);
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (smtp.messages.length >= 10) {
            clearInterval(timer);
            first.child.kill("SIGTERM");
            resolve();
          }
        }, 5);
      });
      expect(await first.done).toBe(1);
      const ledger = createLedger({ stateDir: state });
      const counts = ledger.countDeliveries(KEY);
      ledger.close();
      // Everything the server accepted is recorded as sent; nothing was left in flight.
      expect(counts.sent).toBe(smtp.messages.length);
      expect(counts.sending).toBe(0);
      expect(counts.pending).toBeGreaterThan(0);

      expect(await startSend(args, env).done).toBe(0);
      expect(smtp.messages.map((m) => m.to).sort()).toEqual(emails);
    } finally {
      await smtp.close();
    }
  }, 60_000);

  it("two `digest send` runs started together (cron and a hand start): one sends, the other waits and finds it done", async () => {
    const smtp = await startSmtpSink({ delayMs: 20 });
    const { emails, args } = await setUpSend("twin", 40, 2);
    const env = { DIGEST_SMTP_URL: smtp.url, DIGEST_UNSUBSCRIBE_SECRET: "crash-test-secret-0123456789" };
    try {
      const a = spawnDigest(["send", ...args], { env });
      const b = spawnDigest(["send", ...args], { env });
      const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
      expect([codeA.code, codeB.code]).toEqual([0, 0]);
      // Every reader exactly once, and all by one of the two: the other one waited for its lease
      // (or, started later, found the edition complete) instead of sharing the list with it.
      expect(smtp.messages.map((m) => m.to).sort()).toEqual(emails);
      const reports = [a.stdout(), b.stdout()].sort();
      expect(reports[0]).toMatch(/: sent 0, failed 0, pending 0, already sent 40 of 40/);
      expect(reports[1]).toMatch(/: sent 40, failed 0, pending 0, already sent 0 of 40/);
    } finally {
      await smtp.close();
    }
  }, 60_000);
});
