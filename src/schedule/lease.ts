import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type Database from "better-sqlite3";
import type { Clock } from "./clock.js";

/** A named, expiring lock kept in the ledger database. */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  /** Takes the lease when it is free, expired or already ours; true when we hold it now. */
  acquire(): boolean;
  /** Extends our lease; false when it was lost (expired and taken by someone else). */
  renew(): boolean;
  /** Gives the lease up (only if we still hold it). */
  release(): void;
  /** The current holder and expiry, or null when nobody holds it. */
  read(): { holder: string; expiresAt: Date } | null;
}

export interface LeaseOptions {
  name: string;
  /** How long a lease lasts without renewal: a crashed holder loses it after this. */
  ttlMs: number;
  clock: Clock;
  /** Identifies this process in the table and in logs (default: host:pid:random). */
  holder?: string;
}

/**
 * A lease in the `leases` table of the ledger's SQLite database: two schedulers on one ledger
 * cannot both send, and a holder that crashed (SIGKILL, power loss) loses the lease after
 * `ttlMs` instead of leaving a pid file behind. Taking the lease is one atomic upsert, so two
 * processes racing for it cannot both win; SQLite's busy timeout serialises the writes.
 *
 * @example
 * const lease = createLease(db, { name: "edition:2027-03-28/politik/subscribers", ttlMs: 120_000, clock });
 * if (lease.acquire()) { try { … } finally { lease.release(); } }
 */
export function createLease(db: Database.Database, options: LeaseOptions): Lease {
  ensureLeaseTable(db);
  const holder = options.holder ?? defaultHolder();
  const { name, ttlMs, clock } = options;
  const take = db.prepare(
    `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
     ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
  );
  const extend = db.prepare(
    "UPDATE leases SET expires_at = @expires WHERE name = @name AND holder = @holder AND expires_at > @now",
  );
  const drop = db.prepare("DELETE FROM leases WHERE name = @name AND holder = @holder");
  const takeFromDead = db.prepare(
    "UPDATE leases SET holder = @holder, expires_at = @expires WHERE name = @name AND holder = @dead",
  );
  const select = db.prepare<[string], { holder: string; expires_at: number }>(
    "SELECT holder, expires_at FROM leases WHERE name = ?",
  );
  const params = () => {
    const now = clock.now().getTime();
    return { name, holder, now, expires: now + ttlMs };
  };
  return {
    name,
    holder,
    acquire() {
      if (take.run(params()).changes === 1) return true;
      // A holder on this machine whose process is gone (SIGKILL, OOM kill) is not waited for until
      // its lease runs out: `digest send --resume` right after a crash starts at once.
      const current = select.get(name);
      if (!current || !isDeadLocalHolder(current.holder)) return false;
      return takeFromDead.run({ ...params(), dead: current.holder }).changes === 1;
    },
    renew: () => extend.run(params()).changes === 1,
    release: () => {
      drop.run({ name, holder });
    },
    read() {
      const row = select.get(name);
      if (!row || row.expires_at <= clock.now().getTime()) return null;
      return { holder: row.holder, expiresAt: new Date(row.expires_at) };
    },
  };
}

/** A lease being renewed in the background; see {@link keepRenewed}. */
export interface Renewal {
  /** Aborts when a renewal failed: this process stalled past the lease and another one took it. */
  readonly lost: AbortSignal;
  /** Stops renewing (the lease itself is kept until released). */
  stop(): Promise<void>;
}

/**
 * Renews `lease` every third of `ttlMs` until stopped; a failed renewal aborts `lost`.
 *
 * @example
 * const renewal = keepRenewed(lease, clock, 120_000);
 * try { await send(renewal.lost); } finally { await renewal.stop(); lease.release(); }
 */
export function keepRenewed(lease: Lease, clock: Clock, ttlMs: number): Renewal {
  const lost = new AbortController();
  const finished = new AbortController();
  const renewing = (async () => {
    while (!finished.signal.aborted) {
      await clock.sleep(ttlMs / 3, finished.signal);
      if (finished.signal.aborted) return;
      if (!lease.renew()) {
        lost.abort("lost the lease");
        return;
      }
    }
  })();
  return {
    lost: lost.signal,
    async stop() {
      finished.abort();
      await renewing;
    },
  };
}

/**
 * The holders of the leases that have not expired, by lease name; empty when no lease table
 * exists yet. Reads only (for `digest status`).
 *
 * @example
 * listLiveLeases(ledger.db, Date.now()).get("edition:2026-11-26/politik/subscribers"); // "host:4242:ab12cd"
 */
export function listLiveLeases(db: Database.Database, now: number): Map<string, string> {
  const live = new Map<string, string>();
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'leases'").get();
  if (!exists) return live;
  const rows = db
    .prepare<[number], { name: string; holder: string }>(
      "SELECT name, holder FROM leases WHERE expires_at > ?",
    )
    .all(now);
  for (const row of rows) live.set(row.name, row.holder);
  return live;
}

/**
 * Creates the `leases` table when missing (the scheduler owns it; the ledger owns the others).
 *
 * @example
 * ensureLeaseTable(db);
 */
export function ensureLeaseTable(db: Database.Database): void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS leases (
       name TEXT PRIMARY KEY,
       holder TEXT NOT NULL,
       expires_at INTEGER NOT NULL
     )`,
  );
}

/**
 * True when `holder` names a process of this host (`host:pid:…`, as defaultHolder writes it) that
 * no longer exists. Errs on the side of "alive": a reused pid, another host, a foreign holder name
 * or a process we may not signal all count as alive, and the lease then simply runs out.
 */
export function isDeadLocalHolder(holder: string): boolean {
  const match = /^(.*):(\d+):[0-9a-f]+$/.exec(holder);
  if (!match || match[1] !== hostname()) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function defaultHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}
