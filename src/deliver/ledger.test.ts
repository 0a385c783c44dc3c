import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createLedger, retryWhileBusy } from "./create-ledger.js";
import { editionKeyOf } from "./ledger.js";
import { LEDGER_MIGRATIONS } from "./ledger-migrations.js";

const KEY = editionKeyOf({ date: "2026-11-26", section: "Politik", list: "subscribers" });
const AT = "2026-11-26T06:30:00.000Z";
const edition = { date: "2026-11-26", section: "Politik", list: "subscribers" };

/** Reads a pragma of the ledger file through a second connection, as another process would. */
function readPragma(file: string, name: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma(name, { simple: true });
  } finally {
    db.close();
  }
}

async function openLedger() {
  const stateDir = await mkdtemp(join(tmpdir(), "digest-ledger-"));
  return { stateDir, ledger: createLedger({ stateDir }) };
}

describe("createLedger", () => {
  it("builds the edition key from date, lower-cased section and list", () => {
    expect(KEY).toBe("2026-11-26/politik/subscribers");
  });

  it("uses WAL and reopens an existing ledger without migrating twice", async () => {
    const { stateDir, ledger } = await openLedger();
    expect(readPragma(ledger.path, "journal_mode")).toBe("wal");
    ledger.recordEditionState(KEY, { ...edition, state: "sending", startedAt: AT });
    ledger.close();
    const again = createLedger({ stateDir });
    expect(readPragma(again.path, "user_version")).toBe(LEDGER_MIGRATIONS.length);
    expect(LEDGER_MIGRATIONS.length).toBe(3);
    expect(again.getEdition(KEY)).toMatchObject({ state: "sending", startedAt: AT, finishedAt: null });
    again.close();
  });

  it("collapses duplicate addresses through the primary key", async () => {
    const { ledger } = await openLedger();
    const r = (email: string) => ({ email, name: null, fields: {} });
    expect(ledger.addRecipients(KEY, [r("a@x.de"), r("b@x.de"), r("a@x.de")])).toEqual({
      inserted: 2,
      known: 1,
    });
    expect(ledger.addRecipients(KEY, [r("b@x.de"), r("c@x.de")])).toEqual({ inserted: 1, known: 1 });
    expect(ledger.countDeliveries(KEY)).toEqual({ pending: 3, sending: 0, sent: 0, failed: 0, total: 3 });
  });

  it("claims in list order, never re-claims sent rows, and requeues what a crash left in flight", async () => {
    const { ledger } = await openLedger();
    ledger.addRecipients(
      KEY,
      ["a@x.de", "b@x.de", "c@x.de"].map((email) => ({ email, name: "N", fields: { k: "v" } })),
    );
    const first = ledger.claimPending(KEY, 0, 2, AT);
    expect(first.map((d) => [d.email, d.fields])).toEqual([
      ["a@x.de", { k: "v" }],
      ["b@x.de", { k: "v" }],
    ]);
    const base = { editionKey: KEY, attempted: true, at: AT, messageId: "<m@x.de>" };
    ledger.recordOutcomes([{ ...base, email: "a@x.de", status: "sent", response: "250 ok" }]);
    // A late "sending" write never downgrades a sent row.
    ledger.recordOutcomes([{ ...base, email: "a@x.de", status: "sending", response: "451 later" }]);
    expect(ledger.countDeliveries(KEY)).toMatchObject({ sent: 1, sending: 1, pending: 1 });
    expect(ledger.requeueInFlight(KEY)).toBe(1);
    const second = ledger.claimPending(KEY, 0, 10, AT);
    expect(second.map((d) => d.email)).toEqual(["b@x.de", "c@x.de"]);
    expect(ledger.listDeliveries(KEY, "sent", 10)).toEqual([
      { email: "a@x.de", response: "250 ok", attempts: 1, messageId: "<m@x.de>" },
    ]);
  });

  it("lists editions newest first with their delivery counts, keeping fields an update leaves out", async () => {
    const { ledger } = await openLedger();
    ledger.recordEditionState(KEY, { ...edition, state: "sending", subject: "S", total: 1, startedAt: AT });
    ledger.addRecipients(KEY, [{ email: "a@x.de", name: null, fields: {} }]);
    ledger.recordEditionState(KEY, { ...edition, state: "complete", finishedAt: AT });
    const older = editionKeyOf({ ...edition, date: "2026-11-25" });
    ledger.recordEditionState(older, {
      ...edition,
      date: "2026-11-25",
      state: "no-edition",
      reason: "no story",
    });
    const listed = ledger.listEditions(10);
    expect(listed.map((e) => [e.editionKey, e.state, e.subject, e.startedAt, e.pending])).toEqual([
      [KEY, "complete", "S", AT, 1],
      [older, "no-edition", null, null, 0],
    ]);
    expect(listed[1]?.reason).toBe("no story");
  });

  it("keeps the content an edition was first sent with", async () => {
    const { ledger } = await openLedger();
    const rendered = {
      date: "2026-11-26",
      subject: "A",
      preheader: "",
      html: { chunks: ["x"], slots: [] },
      text: { chunks: ["y"], slots: [] },
    };
    const first = { edition: { subject: "A" } as never, rendered };
    ledger.saveEditionContent(KEY, first, AT);
    ledger.saveEditionContent(
      KEY,
      { edition: { subject: "B" } as never, rendered: { ...rendered, subject: "B" } },
      AT,
    );
    expect(ledger.getEditionContent(KEY)?.rendered.subject).toBe("A");
  });
});

describe("ledger migrations", () => {
  it("upgrades a version-2 ledger whose scheduler already made the leases table, keeping its rows", async () => {
    const stateDir = await mkdtemp(join(tmpdir(), "digest-ledger-v2-"));
    const file = join(stateDir, "ledger.sqlite");
    // A ledger as digest wrote it before migration 3: two migrations, plus the lease table the
    // scheduler created on its own.
    const old = new Database(file);
    for (const migration of LEDGER_MIGRATIONS.slice(0, 2)) old.exec(migration.sql);
    old.pragma("user_version = 2");
    old.exec(
      "CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)",
    );
    old.prepare("INSERT INTO leases VALUES ('edition:x', 'scheduler', ?)").run(Date.parse(AT) + 60_000);
    old.close();

    const ledger = createLedger({ stateDir });
    expect(readPragma(file, "user_version")).toBe(3);
    expect(ledger.leases.listLive(Date.parse(AT))).toEqual(new Map([["edition:x", "scheduler"]]));
    ledger.close();
  });

  it("refuses a ledger written by a newer digest, naming the file and the versions", async () => {
    const stateDir = await mkdtemp(join(tmpdir(), "digest-ledger-new-"));
    const newer = new Database(join(stateDir, "ledger.sqlite"));
    newer.pragma(`user_version = ${LEDGER_MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => createLedger({ stateDir })).toThrow(
      `could not open the delivery ledger ${join(stateDir, "ledger.sqlite")} - the ledger has schema version ${LEDGER_MIGRATIONS.length + 1}, newer than this digest (${LEDGER_MIGRATIONS.length})`,
    );
  });
});

describe("retryWhileBusy", () => {
  const sqliteError = (code: string) => Object.assign(new Error("database is locked"), { code });

  it("retries a step while SQLite reports busy or locked, then returns its result", () => {
    let calls = 0;
    const result = retryWhileBusy(() => {
      calls += 1;
      if (calls === 1) throw sqliteError("SQLITE_BUSY");
      if (calls === 2) throw sqliteError("SQLITE_LOCKED_SHAREDCACHE");
      return "wal";
    }, 1000);
    expect(result).toBe("wal");
    expect(calls).toBe(3);
  });

  it("rethrows other errors at once", () => {
    let calls = 0;
    expect(() =>
      retryWhileBusy(() => {
        calls += 1;
        throw sqliteError("SQLITE_READONLY");
      }, 1000),
    ).toThrow("database is locked");
    expect(calls).toBe(1);
  });

  it("gives up with the last busy error after the deadline", () => {
    const started = Date.now();
    expect(() =>
      retryWhileBusy(() => {
        throw sqliteError("SQLITE_BUSY");
      }, 60),
    ).toThrow("database is locked");
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
  });
});
