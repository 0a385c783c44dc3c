/**
 * `digest send` against a real SMTP server (smtp-server on 127.0.0.1, port 0), every message
 * parsed back with mailparser; fault variants; the CLI's exit codes.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { simpleParser } from "mailparser";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { loadConfig } from "../../src/config/index.js";
import {
  createLedger,
  createSmtpTransport,
  type DeliveryLogger,
  type Ledger,
  type SendEditionOptions,
  sendEdition,
  verifyUnsubscribeToken,
} from "../../src/deliver/index.js";
import { readEdition } from "../../src/pipeline.js";
import { createRenderer } from "../../src/render/index.js";
import { createLease, createSystemClock } from "../../src/schedule/index.js";
import type { Edition, RenderedEdition } from "../../src/types.js";
import { ROOT } from "../support/run-digest.js";
import { type SmtpFaults, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const FIXTURES = join(ROOT, "test/fixtures/deliver");
const CONFIG_FILE = join(FIXTURES, "digest.config.json");
const SECRET = "e2e-secret-0123456789abcdef0123";
const DATE = "2026-11-26";
const SEEDS = join(ROOT, "seeds");

let edition: Edition;
let rendered: RenderedEdition;
let config: ReturnType<typeof loadConfig>["config"];
const servers: SmtpSink[] = [];
const ledgers: Ledger[] = [];

beforeAll(async () => {
  config = loadConfig({ file: CONFIG_FILE, cwd: ROOT, overrides: { inputs: [SEEDS] } }).config;
  edition = (await readEdition({ config, date: DATE }, { cwd: ROOT })).edition;
  rendered = await createRenderer().renderEdition(edition, config);
});

afterEach(async () => {
  for (const ledger of ledgers.splice(0)) ledger.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const quiet: DeliveryLogger = { debug() {}, info() {}, warn() {} };

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `digest-send-${prefix}-`));
}

async function writeList(dir: string, emails: string[]): Promise<string> {
  const file = join(dir, "subscribers.csv");
  await writeFile(file, `email,name\n${emails.map((e, i) => `${e},Leser ${i}`).join("\n")}\n`);
  return file;
}

function addresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `leser${String(i).padStart(3, "0")}@example.de`);
}

async function setUp(faults: SmtpFaults, count: number) {
  const server = await startSmtpSink(faults);
  servers.push(server);
  const dir = await tempDir("smtp");
  const ledger = createLedger({ stateDir: join(dir, "state") });
  ledgers.push(ledger);
  const recipientsFile = await writeList(dir, addresses(count));
  const send = (overrides: Partial<SendEditionOptions> = {}) =>
    sendEdition({
      config,
      edition,
      rendered,
      recipientsFile,
      list: "subscribers",
      transport: createSmtpTransport({ url: server.url, maxConnections: 3, socketTimeoutMs: 1_000 }),
      ledger,
      concurrency: 3,
      maxAttempts: 4,
      signal: new AbortController().signal,
      logger: quiet,
      secret: SECRET,
      retryBaseMs: 20,
      ...overrides,
    });
  return { server, ledger, send, dir };
}

describe("sendEdition over SMTP", () => {
  it("delivers one well-formed message per recipient, and a second run sends nothing", async () => {
    const { server, ledger, send } = await setUp({}, 12);
    const report = await send();
    expect(report).toMatchObject({ total: 12, sent: 12, pending: 0, failedCount: 0, complete: true });
    expect(server.messages.map((m) => m.to).sort()).toEqual(addresses(12));

    for (const message of server.messages) {
      const { mail } = message;
      expect(mail.subject).toBe(edition.subject);
      expect(mail.text).toContain(edition.stories[0]?.headline);
      expect(mail.html).toContain("Guten Morgen, Leser");
      const head = message.raw.toString("utf8", 0, message.raw.indexOf("\r\n\r\n"));
      expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(head).toMatch(/^List-Id: .*<politik\.newsletter\.morgenlage-zeitung\.de>$/m);
      expect(head).toMatch(/^Content-Type: multipart\/alternative;/m);
      const token = /abmelden\?token=([^>]+)>/.exec(head)?.[1] ?? "";
      expect(verifyUnsubscribeToken(SECRET, "subscribers", decodeURIComponent(token))).toBe(message.to);
      expect(mail.html).toContain(`abmelden?token=${token}`);
      const stored = ledger
        .listDeliveries(report.editionKey, "sent", 100)
        .find((d) => d.email === message.to);
      expect(mail.messageId).toBe(stored?.messageId);
    }

    const again = await send();
    expect(again).toMatchObject({ sent: 0, alreadySent: 12, pending: 0, complete: true });
    expect(server.messages).toHaveLength(12);
  });

  it("records 550s with the server's reply, retries 451s, a dropped connection and a stall", async () => {
    const [a, b, c, d, e, f] = addresses(6) as [string, string, string, string, string, string];
    const { server, ledger, send } = await setUp(
      {
        reject: [a, b],
        defer: new Map([
          [c, 2],
          [d, 1],
        ]),
        drop: new Map([[e, 1]]),
        stall: new Map([[f, 1]]),
      },
      10,
    );
    const report = await send();
    expect(report).toMatchObject({ total: 10, sent: 8, pending: 0, failedCount: 2, complete: true });
    expect(report.failed.map((x) => x.email).sort()).toEqual([a, b]);
    expect(report.failed[0]?.response).toMatch(/^550 .*mailbox unavailable/);
    expect(server.attempts.get(a)).toBe(1); // permanent: never retried
    expect(server.attempts.get(c)).toBe(3);
    const received = server.messages.map((m) => m.to);
    for (const email of [c, d, e, f]) expect(received.filter((to) => to === email)).toHaveLength(1);
    const sent = ledger.listDeliveries(report.editionKey, "sent", 100);
    expect(sent.find((row) => row.email === c)?.attempts).toBe(3);
  });

  it("leaves recipients pending when transient failures outlast maxAttempts", async () => {
    const [a] = addresses(1) as [string];
    const { server, send } = await setUp({ defer: new Map([[a, 99]]) }, 3);
    const report = await send({ maxAttempts: 2 });
    expect(report).toMatchObject({ sent: 2, pending: 1, failedCount: 0, complete: false });
    expect(server.attempts.get(a)).toBe(2);
  });

  it("stops taking recipients on abort, lets in-flight messages finish, and resumes without doubles", async () => {
    const { server, send } = await setUp({ delayMs: 40 }, 30);
    const controller = new AbortController();
    const watcher = setInterval(() => {
      if (server.messages.length >= 5) controller.abort();
    }, 5);
    const first = await send({ signal: controller.signal });
    clearInterval(watcher);
    expect(first.stoppedBy).toBe("signal");
    expect(first.pending).toBeGreaterThan(0);
    // Every message handed over before the stop was recorded: nothing in flight was lost.
    expect(first.sent).toBe(server.messages.length);
    const second = await send();
    expect(second).toMatchObject({ pending: 0, complete: true, alreadySent: first.sent });
    expect(server.messages.map((m) => m.to).sort()).toEqual(addresses(30));
  });
});

describe("digest send (CLI)", () => {
  async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (chunk) => {
      out += chunk;
    });
    stderr.on("data", (chunk) => {
      err += chunk;
    });
    const code = await runCli(["send", "--config", CONFIG_FILE, "--input", SEEDS, "--date", DATE, ...args], {
      env: { DIGEST_UNSUBSCRIBE_SECRET: SECRET, ...env },
      cwd: await tempDir("cli"),
      stdin: new PassThrough(),
      stdout,
      stderr,
      signal: new AbortController().signal,
    });
    return { code, stdout: out, stderr: err };
  }

  it("sends over SMTP from DIGEST_SMTP_URL, dedupes the list and reports bad rows with line numbers", async () => {
    const server = await startSmtpSink({ auth: { user: "digest", pass: "s3cret-pass" } });
    servers.push(server);
    const state = await tempDir("state");
    const url = `smtp://digest:s3cret-pass@127.0.0.1:${server.port}`;
    const run = await cli(
      [
        "--recipients",
        join(FIXTURES, "subscribers.csv"),
        "--transport",
        "smtp",
        "--state",
        state,
        "--rate",
        "200/s",
      ],
      { DIGEST_SMTP_URL: url },
    );
    expect(run.stderr).toContain(`smtp://***@127.0.0.1:${server.port}`);
    expect(run.stderr).toMatch(/subscribers\.csv:5: skipped - "nicht-gueltig" is not an email address/);
    expect(run.stderr + run.stdout).not.toContain("s3cret-pass");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/edition 2026-11-26\/politik\/subscribers: sent 4, failed 0, pending 0/);
    // Issue 10 deliberately changed this line from "1 invalid rows skipped, 1 duplicates collapsed".
    expect(run.stdout).toMatch(/list: 1 invalid row skipped, 1 duplicate collapsed/);
    expect(server.messages.map((m) => m.to).sort()).toEqual([
      "anna.schulz@example.de",
      "juergen@example.de",
      "mehmet.yilmaz@example.de",
      "zoe@example.org",
    ]);
    const mail = server.messages.find((m) => m.to === "juergen@example.de")?.mail;
    expect(mail?.to && "value" in mail.to ? mail.to.value[0]?.name : null).toBe("Jürgen Groß");
    expect(mail?.text).toContain("Guten Morgen, Jürgen Groß!");
  });

  it("writes one .eml per recipient into the outbox by default, and a dry run writes nothing", async () => {
    const dir = await tempDir("outbox");
    const list = await writeList(dir, addresses(3));
    const outbox = join(dir, "out");
    const dry = await cli([
      "--recipients",
      list,
      "--outbox",
      outbox,
      "--state",
      join(dir, "state"),
      "--dry-run",
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^dry run edition 2026-11-26\/politik\/subscribers: would send 3/);
    // Issue 10: not "to 3 recipients via dry-run (nowhere (dry run))".
    expect(dry.stderr).toMatch(
      /dry run: would send edition \S+ ".+" to 3 recipients - nothing is handed over$/m,
    );
    expect(dry.stderr).not.toContain("nowhere");
    await expect(readdir(outbox)).rejects.toThrow();
    expect(existsSync(join(dir, "state", "ledger.sqlite"))).toBe(false);
    const run = await cli(["--recipients", list, "--outbox", outbox, "--state", join(dir, "state")]);
    expect(run.code).toBe(0);
    const files = await readdir(join(outbox, "2026-11-26-politik-subscribers"));
    expect(files.sort()).toEqual(addresses(3).map((a) => `${a}.eml`));
    const mail = await simpleParser(
      await readFile(join(outbox, "2026-11-26-politik-subscribers", files[0] ?? "")),
    );
    expect(mail.subject).toBe(edition.subject);
  });

  it("waits while the scheduler holds the edition's lease, then sends (cron and scheduler never side by side)", async () => {
    const dir = await tempDir("lease");
    const list = await writeList(dir, addresses(3));
    const outbox = join(dir, "out");
    const state = join(dir, "state");
    const scheduler = createLedger({ stateDir: state });
    ledgers.push(scheduler);
    const lease = createLease(scheduler.leases, {
      name: "edition:2026-11-26/politik/subscribers",
      ttlMs: 60_000,
      clock: createSystemClock(),
      holder: "scheduler@newsroom",
    });
    expect(lease.acquire()).toBe(true);

    const stderr = new PassThrough();
    let err = "";
    stderr.on("data", (chunk) => {
      err += chunk;
    });
    const running = runCli(
      [
        "send",
        "--config",
        CONFIG_FILE,
        "--input",
        SEEDS,
        "--date",
        DATE,
        "--recipients",
        list,
        "--outbox",
        outbox,
        "--state",
        state,
      ],
      {
        env: { DIGEST_UNSUBSCRIBE_SECRET: SECRET },
        cwd: dir,
        stdin: new PassThrough(),
        stdout: new PassThrough(),
        stderr,
        signal: new AbortController().signal,
      },
    );
    for (let i = 0; i < 100 && !err.includes("waiting"); i++) await new Promise((r) => setTimeout(r, 50));
    expect(err).toContain(
      "edition 2026-11-26/politik/subscribers is being sent by scheduler@newsroom - waiting for it to finish",
    );
    expect(existsSync(outbox)).toBe(false);
    lease.release();
    expect(await running).toBe(0);
    const files = await readdir(join(outbox, "2026-11-26-politik-subscribers"));
    expect(files).toHaveLength(3);
    expect(scheduler.leases.read("edition:2026-11-26/politik/subscribers")).toBeNull();
  }, 30_000);

  it("sends a test copy with --to without recording it", async () => {
    const server = await startSmtpSink();
    servers.push(server);
    const state = await tempDir("state");
    const run = await cli(["--to", "redaktion@example.de", "--transport", "smtp", "--state", state], {
      DIGEST_SMTP_URL: server.url,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^sent a test copy of 2026-11-26 to redaktion@example\.de/);
    expect(server.messages.map((m) => m.to)).toEqual(["redaktion@example.de"]);
    const ledger = createLedger({ stateDir: state });
    ledgers.push(ledger);
    expect(ledger.listEditions(10)).toEqual([]);
  });

  it.each([
    ["an empty list", ["--recipients", join(FIXTURES, "empty.csv")], {}, /no recipients to send to/],
    ["no recipients flag", [], {}, /exactly one of --recipients FILE or --to ADDRESS/],
    ["a bad rate", ["--recipients", join(FIXTURES, "subscribers.csv"), "--rate", "fast"], {}, /--rate fast/],
    [
      "SMTP without DIGEST_SMTP_URL",
      ["--recipients", join(FIXTURES, "subscribers.csv"), "--transport", "smtp"],
      {},
      /needs DIGEST_SMTP_URL/,
    ],
    [
      "no unsubscribe secret",
      ["--recipients", join(FIXTURES, "subscribers.csv")],
      { DIGEST_UNSUBSCRIBE_SECRET: "" },
      /DIGEST_UNSUBSCRIBE_SECRET is not set/,
    ],
    [
      "--resume with nothing to resume",
      ["--recipients", join(FIXTURES, "subscribers.csv"), "--resume"],
      {},
      /nothing to resume/,
    ],
  ])("exits 2 before sending anything for %s", async (_name, args, env, message) => {
    const state = await tempDir("state");
    const run = await cli([...args, "--state", state], env);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it("refuses an edition that fails the pre-send gate unless --force", async () => {
    const dir = await tempDir("gate");
    const list = await writeList(dir, addresses(2));
    const args = ["--recipients", list, "--state", join(dir, "state"), "--outbox", join(dir, "out")];
    const noLinks = join(FIXTURES, "no-links.config.json");
    const refused = await cli([...args, "--config", noLinks]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to send - the edition fails the pre-send gate \(footer\/legal/);
    const forced = await cli([...args, "--config", noLinks, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/sent 2/);
  });

  it("exits 3 when no story qualifies for the edition date", async () => {
    const state = await tempDir("state");
    const run = await cli([
      "--recipients",
      join(FIXTURES, "subscribers.csv"),
      "--state",
      state,
      "--section",
      "Sport",
    ]);
    expect(run.stderr).toMatch(/no Sport story qualifies/);
    expect(run.code).toBe(3);
  });
});
