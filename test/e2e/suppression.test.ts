/**
 * The suppression list end to end: `digest suppress` in-process, and `digest send` over a real
 * SMTP server (smtp-server on 127.0.0.1) leaving suppressed addresses out and suppressing an
 * address whose mailbox is gone (550 5.1.1).
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/deliver/index.js";
import { runCliInProcess } from "../support/run-cli-in-process.js";
import { ROOT } from "../support/run-digest.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const CONFIG = join(ROOT, "test/fixtures/deliver/digest.config.json");
const SECRET = "e2e-secret-0123456789abcdef0123";
const servers: SmtpSink[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "digest-suppress-"));
}

describe("digest suppress", () => {
  it("adds, lists, exports, imports and removes entries", async () => {
    const dir = await tempDir();
    const state = ["--state", join(dir, "state")];
    const add = await runCliInProcess([
      "suppress",
      "add",
      "Anna@Example.de",
      "bert@example.de",
      "--note",
      "per Telefon",
      ...state,
    ]);
    expect(add).toMatchObject({ code: 0, stdout: "suppressed 2 of 2 addresses for every list\n" });
    const again = await runCliInProcess(["suppress", "add", "anna@example.de", ...state]);
    expect(again.stdout).toBe("suppressed 0 of 1 addresses for every list (1 already were)\n");

    const exported = await runCliInProcess(["suppress", "export", ...state]);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toBe("email,list,how,at,source,note");
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 3).join(","))).toEqual([
      "anna@example.de,*,manual",
      "bert@example.de,*,manual",
    ]);

    const csv = join(dir, "from-mailchimp.csv");
    await writeFile(
      csv,
      'Email Address;UNSUB_TIME;UNSUB_REASON\ncarla@example.de;2026-10-01 08:00:00Z;"Zu viele Mails; danke"\nkaputt;;\nanna@example.de;;\n',
    );
    const imported = await runCliInProcess(["suppress", "import", csv, "--list", "subscribers", ...state]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(`imported 2 suppressions from ${csv}, 1 invalid rows skipped\n`);
    expect(imported.stderr).toMatch(/from-mailchimp\.csv:3: skipped - "kaputt" is not an email address/);

    const listed = await runCliInProcess(["suppress", "list", "--json", ...state]);
    const entries = JSON.parse(listed.stdout) as {
      address: string;
      list: string;
      at: string;
      note: string | null;
    }[];
    expect(entries[0]).toMatchObject({
      address: "carla@example.de",
      list: "subscribers",
      at: "2026-10-01T08:00:00.000Z",
      note: "Zu viele Mails; danke",
    });
    expect(entries).toHaveLength(4);

    const removed = await runCliInProcess(["suppress", "remove", "anna@example.de", ...state]);
    expect(removed.stdout).toBe("removed 2 entries for 1 addresses (every list)\n");
    const table = await runCliInProcess(["suppress", "list", ...state]);
    expect(table.stdout).toMatch(/^ADDRESS +LIST +HOW +AT +NOTE$/m);
    expect(table.stdout).toMatch(/2 suppressed \(2 manual\)\n$/);
  });

  it.each([
    [["suppress"], /name a subcommand - one of add, remove, list, import, export/],
    [["suppress", "add"], /add: name at least one address/],
    [["suppress", "add", "nicht-gueltig"], /add: "nicht-gueltig" is not an email address/],
    [
      ["suppress", "add", "a@example.de", "--how", "one-click"],
      /--how "one-click" is not one of manual, complaint, bounce/,
    ],
    [["suppress", "list", "--list", "a b"], /--list "a b" may hold only letters/],
    [["suppress", "import", "/nonexistent.csv"], /could not read \/nonexistent\.csv - no such file/],
  ])("refuses %j with exit 2 and one line", async (args, message) => {
    const dir = await tempDir();
    const run = await runCliInProcess([...args, "--state", join(dir, "state")]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

describe("digest send and the suppression list", () => {
  it("leaves suppressed readers out, says how many, and suppresses a dead mailbox after a 550 5.1.1", async () => {
    const sink = await startSmtpSink({ reject: ["weg@example.de"] });
    servers.push(sink);
    const dir = await tempDir();
    const state = join(dir, "state");
    const list = join(dir, "subscribers.csv");
    await writeFile(
      list,
      "email,name\nanna@example.de,Anna\nbert@example.de,Bert\nweg@example.de,Weg\ncarla@example.de,Carla\n",
    );
    await runCliInProcess(["suppress", "add", "bert@example.de", "--list", "subscribers", "--state", state]);
    const env = { DIGEST_SMTP_URL: sink.url, DIGEST_UNSUBSCRIBE_SECRET: SECRET };
    const send = (date: string) =>
      runCliInProcess(
        [
          "send",
          "--config",
          CONFIG,
          "--date",
          date,
          "--recipients",
          list,
          "--transport",
          "smtp",
          "--state",
          state,
        ],
        { env },
      );

    const first = await send("2026-11-26");
    expect(first.stdout).toMatch(/sent 2, failed 1, pending 0, already sent 0 of 3/);
    expect(first.stdout).toContain("  suppressed: 1 addresses on the suppression list skipped\n");
    expect(first.stderr).toContain("weg@example.de: suppressed after 1 hard bounce");
    expect(sink.messages.map((m) => m.to).sort()).toEqual(["anna@example.de", "carla@example.de"]);

    const ledger = createLedger({ stateDir: state });
    const store = ledger.suppressions;
    expect(store.get("weg@example.de", "*")).toMatchObject({
      how: "bounce",
      source: "2026-11-26/politik/subscribers",
      note: "550 5.1.1 mailbox unavailable",
    });
    ledger.close();

    const status = await runCliInProcess(["status", "--json", "--state", state, "--config", CONFIG]);
    expect(JSON.parse(status.stdout)[0]).toMatchObject({
      editionKey: "2026-11-26/politik/subscribers",
      bounced: 1,
    });

    const table = await runCliInProcess(["status", "--state", state, "--config", CONFIG]);
    expect(table.stdout).toMatch(/ - 1 bounced, now suppressed\n/);
    expect(table.stdout).toMatch(
      /\nsuppression list: 2 addresses \(1 manual, 1 bounce\) - see 'digest suppress list'\n$/,
    );

    const second = await send("2026-11-27");
    expect(second.stdout).toMatch(/sent 2, failed 0, pending 0, already sent 0 of 2/);
    expect(second.stdout).toContain("  suppressed: 2 addresses on the suppression list skipped\n");
    expect(sink.attempts.get("weg@example.de")).toBe(1);
  }, 60_000);
});
