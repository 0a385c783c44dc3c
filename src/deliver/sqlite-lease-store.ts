import type Database from "better-sqlite3";
import type { LeaseStore } from "./lease-store.js";

/**
 * The lease store on the ledger's SQLite connection (table `leases`, migration 3). Taking a
 * lease is one upsert whose WHERE decides who wins; SQLite's busy timeout serialises the writes.
 *
 * @example
 * const leases = createSqliteLeaseStore(db);
 * leases.take("edition:2026-11-26/politik/subscribers", "host:4242:ab12cd", Date.now(), Date.now() + 120_000);
 */
export function createSqliteLeaseStore(db: Database.Database): LeaseStore {
  const take = db.prepare(
    `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
     ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
  );
  const takeFrom = db.prepare(
    "UPDATE leases SET holder = @holder, expires_at = @expires WHERE name = @name AND holder = @previous",
  );
  const extend = db.prepare(
    "UPDATE leases SET expires_at = @expires WHERE name = @name AND holder = @holder AND expires_at > @now",
  );
  const drop = db.prepare("DELETE FROM leases WHERE name = @name AND holder = @holder");
  const select = db.prepare<[string], { holder: string; expires_at: number }>(
    "SELECT holder, expires_at FROM leases WHERE name = ?",
  );
  const live = db.prepare<[number], { name: string; holder: string }>(
    "SELECT name, holder FROM leases WHERE expires_at > ?",
  );
  return {
    take: (name, holder, now, expires) => take.run({ name, holder, now, expires }).changes === 1,
    takeFrom: (name, previous, holder, expires) =>
      takeFrom.run({ name, previous, holder, expires }).changes === 1,
    extend: (name, holder, now, expires) => extend.run({ name, holder, now, expires }).changes === 1,
    release(name, holder) {
      drop.run({ name, holder });
    },
    read(name) {
      const row = select.get(name);
      return row ? { holder: row.holder, expiresAt: row.expires_at } : null;
    },
    listLive(now) {
      const holders = new Map<string, string>();
      for (const row of live.all(now)) holders.set(row.name, row.holder);
      return holders;
    },
  };
}
