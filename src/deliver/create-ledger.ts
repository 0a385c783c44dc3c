import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { DigestError } from "../errors.js";
import { LEDGER_FILE, type Ledger } from "./ledger.js";
import { migrateLedger } from "./ledger-migrations.js";
import { createSqliteLedger } from "./sqlite-ledger.js";

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
 * Opens (and creates or migrates) the SQLite ledger in `stateDir`: the only place that opens the
 * connection. Migrations are in ledger-migrations.ts, the queries in sqlite-ledger.ts and the
 * sqlite-*-store modules. WAL mode with `synchronous = FULL`:
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
    retryWhileBusy(() => migrateLedger(opened), BUSY_TIMEOUT_MS);
  } catch (error) {
    throw new DigestError(
      "E_CONFIG",
      `could not open the delivery ledger ${path} - ${(error as Error).message}. Check --state / DIGEST_STATE_DIR / delivery.stateDir points to a writable folder`,
      { where: path, cause: error },
    );
  }
  return createSqliteLedger(db, path);
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
