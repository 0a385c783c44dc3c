import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { DigestError } from "../errors.js";
import type { Edition, RenderedEdition } from "../types.js";

/** The ledger file inside the state folder. */
export const LEDGER_FILE = "ledger.sqlite";

/** Where an edition stands. `no-edition` and `skipped` are recorded by the schedule. */
export type EditionState = "sending" | "complete" | "no-edition" | "skipped";

/** Where one delivery stands. */
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed";

/** One row of the `editions` table. */
export interface EditionRecord {
  editionKey: string;
  date: string;
  section: string;
  list: string;
  state: EditionState;
  reason: string | null;
  subject: string | null;
  /** Unique recipients of the edition; null until the recipients list was read completely. */
  total: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Delivery counts of one edition. */
export interface DeliveryCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  total: number;
}

/** An edition with its delivery counts, as `digest status` shows it. */
export interface EditionSummary extends Omit<EditionRecord, "total">, DeliveryCounts {}

/** A recipient as it enters the ledger. */
export interface LedgerRecipient {
  /** Lower-cased address: the ledger's dedupe key. */
  email: string;
  name: string | null;
  fields: Record<string, string>;
}

/** A delivery claimed for sending. */
export interface ClaimedDelivery extends LedgerRecipient {
  rowid: number;
  attempts: number;
  messageId: string | null;
}

/** The outcome of one hand-over attempt, written in batches. */
export interface DeliveryOutcome {
  /** The row (from claimPending): updates by rowid read no index, which counts at a million rows. */
  rowid?: number;
  editionKey: string;
  email: string;
  status: DeliveryStatus;
  /** True when this outcome counts as an attempt (false for a hand-back of an untried claim). */
  attempted: boolean;
  response: string | null;
  messageId: string | null;
  at: string;
}

/** An edition as it was sent: the Edition and its one-time rendering. */
export interface EditionContent {
  edition: Edition;
  rendered: RenderedEdition;
}

/** What `recordEditionState` writes; fields left out keep their stored value. */
export interface EditionStateUpdate {
  date: string;
  section: string;
  list: string;
  state: EditionState;
  reason?: string | null;
  subject?: string | null;
  total?: number | null;
  startedAt?: string | null;
  finishedAt?: string | null;
}

/**
 * The delivery ledger: one SQLite file (WAL) shared by `digest send`, `digest schedule` and
 * `digest status`. It is the source of truth for "who already got this edition".
 */
export interface Ledger {
  /** Absolute path of the SQLite file (`:memory:` for an in-memory ledger). */
  readonly path: string;
  /** The edition row, or null when the edition was never started. */
  getEdition(editionKey: string): EditionRecord | null;
  /** The most recent editions (by date, then start time), newest first, with delivery counts. */
  listEditions(limit: number): EditionSummary[];
  /** Inserts or updates the edition row (upsert by key). */
  recordEditionState(editionKey: string, update: EditionStateUpdate): void;
  /** Adds recipients as pending deliveries in one transaction; known addresses are left alone. */
  addRecipients(
    editionKey: string,
    recipients: readonly LedgerRecipient[],
  ): { inserted: number; known: number };
  /** Moves deliveries left in `sending` by a crashed run back to `pending` (Message-ID kept). */
  requeueInFlight(editionKey: string): number;
  /** Claims up to `limit` pending deliveries after `afterRowid`, in list order, marking them `sending`. */
  claimPending(editionKey: string, afterRowid: number, limit: number, at: string): ClaimedDelivery[];
  /** Writes a batch of outcomes in one transaction. */
  recordOutcomes(outcomes: readonly DeliveryOutcome[]): void;
  /**
   * Writes one outcome into the batch opened by `beginBatch` (a send records each outcome as it
   * comes, so no array of pending outcomes lives on the heap), made durable by `commitBatch`.
   */
  writeOutcome(outcome: DeliveryOutcome): void;
  /** Opens a write transaction unless one is open. */
  beginBatch(): void;
  /** Commits the transaction opened by `beginBatch`, if any. */
  commitBatch(): void;
  /** Delivery counts of one edition. */
  countDeliveries(editionKey: string): DeliveryCounts;
  /** Failed (or still pending) deliveries with their last response, in list order. */
  listDeliveries(
    editionKey: string,
    status: DeliveryStatus,
    limit: number,
  ): { email: string; response: string | null; attempts: number; messageId: string | null }[];
  /**
   * Keeps the edition and its rendering as first sent, so a resumed send (even after the inputs
   * changed) mails the rest of the list exactly the same message. The first save wins.
   */
  saveEditionContent(editionKey: string, content: EditionContent, at: string): void;
  /** The content saved by `saveEditionContent`, or null. */
  getEditionContent(editionKey: string): EditionContent | null;
  /** Runs `fn` inside one transaction (for callers that batch their own writes). */
  transaction<T>(fn: () => T): T;
  /** The raw better-sqlite3 handle, for tables owned by other stages (e.g. the schedule's lease). */
  readonly db: Database.Database;
  close(): void;
}

export interface CreateLedgerOptions {
  /** State folder; the ledger lives in `<stateDir>/ledger.sqlite`. Created when missing. */
  stateDir: string;
  /** `:memory:` keeps the ledger in memory (tests); default: the file in `stateDir`. */
  file?: string;
  /**
   * false for a throw-away ledger (the dry run): no fsync per commit. Default true: WAL with
   * synchronous = FULL, every committed outcome survives a crash of the process or machine.
   */
  durable?: boolean;
}

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Append only:
 * a ledger written by an older version is upgraded in place, never rewritten.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE editions (
     edition_key TEXT PRIMARY KEY,
     date TEXT NOT NULL,
     section TEXT NOT NULL,
     list TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('sending', 'complete', 'no-edition', 'skipped')),
     reason TEXT,
     subject TEXT,
     total INT,
     started_at TEXT,
     finished_at TEXT
   );
   CREATE INDEX editions_by_date ON editions (date, started_at);
   CREATE TABLE deliveries (
     edition_key TEXT NOT NULL,
     email TEXT NOT NULL,
     name TEXT,
     fields TEXT NOT NULL DEFAULT '{}',
     status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
     attempts INT NOT NULL DEFAULT 0,
     last_response TEXT,
     message_id TEXT,
     updated_at TEXT,
     sent_at TEXT,
     PRIMARY KEY (edition_key, email)
   );
   CREATE TABLE edition_contents (
     edition_key TEXT PRIMARY KEY,
     edition TEXT NOT NULL,
     rendered TEXT NOT NULL,
     saved_at TEXT NOT NULL
   );`,
  // 2: the suppression list and the hard-bounce counter (queries in suppression-store.ts).
  `CREATE TABLE suppressions (
     address TEXT NOT NULL,
     list TEXT NOT NULL,
     how TEXT NOT NULL CHECK (how IN ('one-click', 'page', 'manual', 'bounce', 'complaint')),
     at TEXT NOT NULL,
     source TEXT,
     note TEXT,
     PRIMARY KEY (address, list)
   ) WITHOUT ROWID;
   CREATE INDEX suppressions_by_list ON suppressions (list);
   CREATE INDEX suppressions_by_source ON suppressions (source) WHERE source IS NOT NULL;
   CREATE TABLE hard_bounces (
     address TEXT PRIMARY KEY,
     count INT NOT NULL,
     first_at TEXT NOT NULL,
     last_at TEXT NOT NULL,
     last_response TEXT
   ) WITHOUT ROWID;`,
];

/**
 * Opens (and creates or migrates) the ledger in `stateDir`. WAL mode with `synchronous = FULL`:
 * a committed outcome survives a crash of the process and of the machine; callers batch their
 * writes (see `recordOutcomes`) so that the fsync per commit does not throttle the send.
 *
 * @throws DigestError E_CONFIG when the state folder or file cannot be opened.
 * @example
 * const ledger = createLedger({ stateDir: "state" });
 * ledger.getEdition("2026-11-26/politik/subscribers")?.state; // "complete"
 * ledger.close();
 */
export function createLedger(options: CreateLedgerOptions): Ledger {
  const path =
    options.file === ":memory:" ? ":memory:" : resolve(options.stateDir, options.file ?? LEDGER_FILE);
  let db: Database.Database;
  try {
    if (path !== ":memory:") mkdirSync(resolve(options.stateDir), { recursive: true });
    const opened = new Database(path);
    db = opened;
    // Two processes (two schedulers, scheduler + `digest status`) may touch the ledger at once.
    // The busy timeout makes ordinary writers wait for each other; it does not cover switching a
    // brand-new file to WAL, where two processes that both read the header first deadlock and
    // SQLite fails one of them at once ("database is locked") instead of waiting. That step and
    // the migration are retried with a short randomised back-off until the same deadline.
    opened.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    retryWhileBusy(() => opened.pragma("journal_mode = WAL"), BUSY_TIMEOUT_MS);
    opened.pragma(options.durable === false ? "synchronous = OFF" : "synchronous = FULL");
    // 16 MB page cache (default 2 MB): the primary-key index of a million-row list stays mostly cached.
    opened.pragma("cache_size = -16000");
    retryWhileBusy(() => migrate(opened), BUSY_TIMEOUT_MS);
  } catch (error) {
    throw new DigestError(
      "E_CONFIG",
      `could not open the delivery ledger ${path} - ${(error as Error).message}. Check --state / DIGEST_STATE_DIR / delivery.stateDir points to a writable folder`,
      { where: path, cause: error },
    );
  }
  return buildLedger(db, path);
}

/** How long a process waits for another one holding the ledger's write lock. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Runs `step`, retrying while SQLite reports the database busy or locked - the cases in which it
 * gives up without calling the busy handler (a lock-upgrade deadlock on a fresh file, a WAL
 * recovery running in another process). Sleeps 5-25 ms between tries; rethrows after `timeoutMs`.
 */
export function retryWhileBusy<T>(step: () => T, timeoutMs: number): T {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return step();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const busy =
        typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
      if (!busy || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 5 + Math.floor(Math.random() * 20));
    }
  }
}

function migrate(db: Database.Database): void {
  // Two processes may open a new ledger at the same moment (two schedulers, cron + scheduler):
  // the version is read and the migrations run under one write lock, so only one of them migrates.
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `the ledger has schema version ${version}, newer than this digest (${MIGRATIONS.length})`,
      );
    }
    for (let index = version; index < MIGRATIONS.length; index += 1) {
      db.exec(MIGRATIONS[index] ?? "");
      db.pragma(`user_version = ${index + 1}`);
    }
  }).immediate();
}

interface EditionRow {
  edition_key: string;
  date: string;
  section: string;
  list: string;
  state: EditionState;
  reason: string | null;
  subject: string | null;
  total: number | null;
  started_at: string | null;
  finished_at: string | null;
}

function buildLedger(db: Database.Database, path: string): Ledger {
  const getEdition = db.prepare<[string], EditionRow>("SELECT * FROM editions WHERE edition_key = ?");
  const listEditions = db.prepare<[number], EditionRow>(
    "SELECT * FROM editions ORDER BY date DESC, started_at DESC, edition_key LIMIT ?",
  );
  const upsertEdition = db.prepare(
    `INSERT INTO editions (edition_key, date, section, list, state, reason, subject, total, started_at, finished_at)
     VALUES (@key, @date, @section, @list, @state, @reason, @subject, @total, @startedAt, @finishedAt)
     ON CONFLICT (edition_key) DO UPDATE SET
       date = excluded.date, section = excluded.section, list = excluded.list, state = excluded.state,
       reason = CASE WHEN @hasReason THEN excluded.reason ELSE reason END,
       subject = CASE WHEN @hasSubject THEN excluded.subject ELSE subject END,
       total = CASE WHEN @hasTotal THEN excluded.total ELSE total END,
       started_at = CASE WHEN @hasStartedAt THEN excluded.started_at ELSE started_at END,
       finished_at = CASE WHEN @hasFinishedAt THEN excluded.finished_at ELSE finished_at END`,
  );
  const insertRecipient = db.prepare(
    "INSERT OR IGNORE INTO deliveries (edition_key, email, name, fields) VALUES (?, ?, ?, ?)",
  );
  const requeue = db.prepare(
    "UPDATE deliveries SET status = 'pending' WHERE edition_key = ? AND status = 'sending'",
  );
  // `+edition_key` keeps SQLite off the primary-key index here: walking the rowid range from the
  // cursor is O(batch); via the index it rescans the whole edition on every claim (O(n²) for a list).
  const selectPending = db.prepare<
    [number, string, number],
    {
      rowid: number;
      email: string;
      name: string | null;
      fields: string;
      attempts: number;
      message_id: string | null;
    }
  >(
    `SELECT rowid, email, name, fields, attempts, message_id FROM deliveries
     WHERE rowid > ? AND +edition_key = ? AND status = 'pending' ORDER BY rowid LIMIT ?`,
  );
  const markSending = db.prepare("UPDATE deliveries SET status = 'sending', updated_at = ? WHERE rowid = ?");
  const recordOutcome = db.prepare(
    `UPDATE deliveries SET status = @status, attempts = attempts + @attempted,
       last_response = COALESCE(@response, last_response), message_id = COALESCE(@messageId, message_id),
       updated_at = @at, sent_at = CASE WHEN @status = 'sent' THEN @at ELSE sent_at END
     WHERE edition_key = @editionKey AND email = @email AND status != 'sent'`,
  );
  const recordOutcomeByRowid = db.prepare(
    `UPDATE deliveries SET status = @status, attempts = attempts + @attempted,
       last_response = COALESCE(@response, last_response), message_id = COALESCE(@messageId, message_id),
       updated_at = @at, sent_at = CASE WHEN @status = 'sent' THEN @at ELSE sent_at END
     WHERE rowid = @rowid AND edition_key = @editionKey AND email = @email AND status != 'sent'`,
  );
  // One literal per call, no `{ ...params, rowid }`: this runs per message, and on Node 20 objects
  // made by object spread survive young-generation GCs (old-space garbage, RSS) though they die at once.
  const writeOutcome = (o: DeliveryOutcome): void => {
    const attempted = o.attempted ? 1 : 0;
    if (o.rowid === undefined) {
      recordOutcome.run({
        editionKey: o.editionKey,
        email: o.email,
        status: o.status,
        attempted,
        response: o.response,
        messageId: o.messageId,
        at: o.at,
      });
    } else {
      recordOutcomeByRowid.run({
        rowid: o.rowid,
        editionKey: o.editionKey,
        email: o.email,
        status: o.status,
        attempted,
        response: o.response,
        messageId: o.messageId,
        at: o.at,
      });
    }
  };
  const counts = db.prepare<[string], { status: DeliveryStatus; n: number }>(
    "SELECT status, count(*) AS n FROM deliveries WHERE edition_key = ? GROUP BY status",
  );
  const listByStatus = db.prepare<
    [string, string, number],
    { email: string; last_response: string | null; attempts: number; message_id: string | null }
  >(
    `SELECT email, last_response, attempts, message_id FROM deliveries
     WHERE edition_key = ? AND status = ? ORDER BY rowid LIMIT ?`,
  );

  // Every write transaction is IMMEDIATE: it takes the write lock before its first read. A
  // deferred one that reads first (claim: SELECT, then UPDATE) fails at once with SQLITE_BUSY when
  // another process commits in between - the busy timeout cannot help with that upgrade.
  const addRecipients = db.transaction((editionKey: string, recipients: readonly LedgerRecipient[]) => {
    let inserted = 0;
    for (const r of recipients) {
      inserted += insertRecipient.run(editionKey, r.email, r.name, JSON.stringify(r.fields)).changes;
    }
    return { inserted, known: recipients.length - inserted };
  }).immediate;
  const claim = db.transaction((editionKey: string, afterRowid: number, limit: number, at: string) => {
    const rows = selectPending.all(afterRowid, editionKey, limit);
    for (const row of rows) markSending.run(at, row.rowid);
    return rows.map(
      (row): ClaimedDelivery => ({
        rowid: row.rowid,
        email: row.email,
        name: row.name,
        fields: JSON.parse(row.fields) as Record<string, string>,
        attempts: row.attempts,
        messageId: row.message_id,
      }),
    );
  }).immediate;
  const recordOutcomes = db.transaction((outcomes: readonly DeliveryOutcome[]) => {
    for (const o of outcomes) writeOutcome(o);
  }).immediate;
  const saveContent = db.prepare(
    "INSERT OR IGNORE INTO edition_contents (edition_key, edition, rendered, saved_at) VALUES (?, ?, ?, ?)",
  );
  const getContent = db.prepare<[string], { edition: string; rendered: string }>(
    "SELECT edition, rendered FROM edition_contents WHERE edition_key = ?",
  );
  const countDeliveries = (editionKey: string): DeliveryCounts => {
    const result: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, total: 0 };
    for (const row of counts.all(editionKey)) {
      result[row.status] = row.n;
      result.total += row.n;
    }
    return result;
  };

  return {
    path,
    db,
    getEdition(editionKey) {
      const row = getEdition.get(editionKey);
      return row ? toRecord(row) : null;
    },
    listEditions(limit) {
      return listEditions
        .all(limit)
        .map((row) => ({ ...toRecord(row), ...countDeliveries(row.edition_key) }));
    },
    recordEditionState(editionKey, update) {
      upsertEdition.run({
        key: editionKey,
        date: update.date,
        section: update.section,
        list: update.list,
        state: update.state,
        reason: update.reason ?? null,
        subject: update.subject ?? null,
        total: update.total ?? null,
        startedAt: update.startedAt ?? null,
        finishedAt: update.finishedAt ?? null,
        hasReason: update.reason === undefined ? 0 : 1,
        hasSubject: update.subject === undefined ? 0 : 1,
        hasTotal: update.total === undefined ? 0 : 1,
        hasStartedAt: update.startedAt === undefined ? 0 : 1,
        hasFinishedAt: update.finishedAt === undefined ? 0 : 1,
      });
    },
    addRecipients: (editionKey, recipients) => addRecipients(editionKey, recipients),
    requeueInFlight: (editionKey) => requeue.run(editionKey).changes,
    claimPending: (editionKey, afterRowid, limit, at) => claim(editionKey, afterRowid, limit, at),
    recordOutcomes: (outcomes) => {
      if (outcomes.length > 0) recordOutcomes(outcomes);
    },
    countDeliveries,
    writeOutcome,
    beginBatch() {
      if (!db.inTransaction) db.exec("BEGIN IMMEDIATE");
    },
    commitBatch() {
      if (db.inTransaction) db.exec("COMMIT");
    },
    listDeliveries(editionKey, status, limit) {
      return listByStatus.all(editionKey, status, limit).map((row) => ({
        email: row.email,
        response: row.last_response,
        attempts: row.attempts,
        messageId: row.message_id,
      }));
    },
    saveEditionContent(editionKey, content, at) {
      saveContent.run(editionKey, JSON.stringify(content.edition), JSON.stringify(content.rendered), at);
    },
    getEditionContent(editionKey) {
      const row = getContent.get(editionKey);
      if (!row) return null;
      return {
        edition: JSON.parse(row.edition) as Edition,
        rendered: JSON.parse(row.rendered) as RenderedEdition,
      };
    },
    transaction: (fn) => db.transaction(fn).immediate(),
    close() {
      if (db.open) db.close();
    },
  };
}

function toRecord(row: EditionRow): EditionRecord {
  return {
    editionKey: row.edition_key,
    date: row.date,
    section: row.section,
    list: row.list,
    state: row.state,
    reason: row.reason,
    subject: row.subject,
    total: row.total,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/**
 * The ledger key of an edition: local date, section (lower-case) and list name.
 *
 * @example
 * editionKeyOf({ date: "2026-11-26", section: "Politik", list: "subscribers" }); // "2026-11-26/politik/subscribers"
 */
export function editionKeyOf(parts: { date: string; section: string; list: string }): string {
  return `${parts.date}/${parts.section.toLowerCase()}/${parts.list}`;
}

/**
 * The ledger file of a state folder.
 *
 * @example
 * ledgerPathOf("state"); // "/abs/path/state/ledger.sqlite"
 */
export function ledgerPathOf(stateDir: string): string {
  return join(resolve(stateDir), LEDGER_FILE);
}
