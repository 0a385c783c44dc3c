import type Database from "better-sqlite3";

/**
 * The SQLite ledger's schema, as numbered migrations applied in order; `PRAGMA user_version`
 * records how many ran. A ledger written by an older digest is upgraded in place, never rewritten.
 *
 * Adding migration N+1 (e.g. a table for a new store):
 *   1. append one entry to `LEDGER_MIGRATIONS` - never edit, reorder or remove an earlier one, a
 *      ledger in the field already ran it;
 *   2. let it create its tables (and indexes); later migrations only append, they do not reshape
 *      what a store owns without a data-preserving step;
 *   3. give the store an interface beside `Ledger` (see `SuppressionStore`, `LeaseStore`) and a
 *      SQLite module that prepares its statements on the connection `createLedger` opened;
 *   4. the tests that read `user_version` (`src/deliver/ledger.test.ts`) say the new count.
 */
export const LEDGER_MIGRATIONS: readonly { readonly name: string; readonly sql: string }[] = [
  {
    name: "1 editions, deliveries and the content each edition was sent with",
    sql: `CREATE TABLE editions (
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
  },
  {
    name: "2 the suppression list and the hard-bounce counter (sqlite-suppression-store.ts)",
    sql: `CREATE TABLE suppressions (
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
  },
  {
    // Before this migration the scheduler created the table itself when it first took a lease, so
    // a ledger at version 2 may already have it: IF NOT EXISTS keeps that table and its rows.
    name: "3 named, expiring leases (sqlite-lease-store.ts)",
    sql: `CREATE TABLE IF NOT EXISTS leases (
       name TEXT PRIMARY KEY,
       holder TEXT NOT NULL,
       expires_at INTEGER NOT NULL
     );`,
  },
];

/**
 * Brings the ledger's schema up to `LEDGER_MIGRATIONS.length`. Two processes may open a new
 * ledger at the same moment (two schedulers, cron + scheduler): the version is read and the
 * migrations run under one IMMEDIATE write lock, so only one of them migrates.
 *
 * @throws Error when the file has a newer schema than this digest knows.
 * @example
 * migrateLedger(new Database("state/ledger.sqlite"));
 */
export function migrateLedger(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > LEDGER_MIGRATIONS.length) {
      throw new Error(
        `the ledger has schema version ${version}, newer than this digest (${LEDGER_MIGRATIONS.length})`,
      );
    }
    for (const [index, migration] of LEDGER_MIGRATIONS.entries()) {
      if (index < version) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${index + 1}`);
    }
  }).immediate();
}
