import type Database from "better-sqlite3";
import {
  ALL_LISTS,
  cleanNote,
  type NewSuppression,
  type Suppression,
  type SuppressionCounts,
  type SuppressionHow,
  type SuppressionStore,
} from "./suppression-store.js";

/**
 * The suppression store on the ledger's SQLite connection; `createLedger` builds it as
 * `ledger.suppressions`.
 *
 * @example
 * const store = createSqliteSuppressionStore(db);
 * store.add({ address: "anna@example.de", list: "*", how: "manual", at: new Date().toISOString() });
 * store.isSuppressed("anna@example.de", "subscribers"); // true
 */
export function createSqliteSuppressionStore(db: Database.Database): SuppressionStore {
  const insert = db.prepare(
    `INSERT INTO suppressions (address, list, how, at, source, note) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (address, list) DO NOTHING`,
  );
  const removeOne = db.prepare("DELETE FROM suppressions WHERE address = ? AND list = ?");
  const removeAll = db.prepare("DELETE FROM suppressions WHERE address = ?");
  const lookup = db.prepare<[string, string], { n: number }>(
    "SELECT 1 AS n FROM suppressions WHERE address = ? AND list IN (?, '*') LIMIT 1",
  );
  const getOne = db.prepare<[string, string], SuppressionRow>(
    "SELECT * FROM suppressions WHERE address = ? AND list = ?",
  );
  const listAll = db.prepare<[], SuppressionRow>("SELECT * FROM suppressions ORDER BY at, address, list");
  const listOne = db.prepare<[string], SuppressionRow>(
    "SELECT * FROM suppressions WHERE list = ? ORDER BY at, address",
  );
  const addressesOf = db
    .prepare<[string], string>("SELECT address FROM suppressions WHERE list IN (?, '*')")
    .pluck();
  const counts = db.prepare<[], { how: SuppressionHow; n: number }>(
    "SELECT how, count(*) AS n FROM suppressions GROUP BY how",
  );
  const bouncedIn = db
    .prepare<[string], number>("SELECT count(*) FROM suppressions WHERE source = ? AND how = 'bounce'")
    .pluck();
  const bounce = db.prepare<[string, string, string, string], { count: number }>(
    `INSERT INTO hard_bounces (address, count, first_at, last_at, last_response) VALUES (?, 1, ?, ?, ?)
     ON CONFLICT (address) DO UPDATE SET count = count + 1, last_at = excluded.last_at,
       last_response = excluded.last_response
     RETURNING count`,
  );

  const add = (entry: NewSuppression): boolean =>
    insert.run(
      entry.address.trim().toLowerCase(),
      entry.list,
      entry.how,
      entry.at,
      entry.source ?? null,
      cleanNote(entry.note ?? null),
    ).changes > 0;
  const addMany = db.transaction((entries: Iterable<NewSuppression>) => {
    let added = 0;
    for (const entry of entries) if (add(entry)) added += 1;
    return added;
  });
  const addEach = db.transaction((entries: readonly NewSuppression[]) => entries.map(add));

  return {
    add,
    addMany: (entries) => addMany.immediate(entries),
    addEach: (entries) => addEach.immediate(entries),
    remove(address, list, hows) {
      const key = address.trim().toLowerCase();
      if (hows !== undefined) {
        if (list === undefined) return 0;
        const entry = getOne.get(key, list);
        return entry && hows.includes(entry.how) ? removeOne.run(key, list).changes : 0;
      }
      return list === undefined ? removeAll.run(key).changes : removeOne.run(key, list).changes;
    },
    isSuppressed: (address, list) => lookup.get(address.trim().toLowerCase(), list) !== undefined,
    get(address, list) {
      const row = getOne.get(address.trim().toLowerCase(), list);
      return row ? toSuppression(row) : null;
    },
    list: (list) => (list === undefined ? listAll.all() : listOne.all(list)).map(toSuppression),
    loadAddressSet: (list) => new Set(addressesOf.all(list)),
    count() {
      const result: SuppressionCounts = {
        "one-click": 0,
        page: 0,
        manual: 0,
        bounce: 0,
        complaint: 0,
        total: 0,
      };
      for (const row of counts.all()) {
        result[row.how] = row.n;
        result.total += row.n;
      }
      return result;
    },
    countBouncedIn: (source) => bouncedIn.get(source) ?? 0,
    recordHardBounce({ address, response, at, source, threshold }) {
      const key = address.trim().toLowerCase();
      const note = cleanNote(response);
      const row = bounce.get(key, at, at, note ?? "");
      if ((row?.count ?? 0) < threshold) return false;
      return add({ address: key, list: ALL_LISTS, how: "bounce", at, source, note });
    },
  };
}

interface SuppressionRow {
  address: string;
  list: string;
  how: SuppressionHow;
  at: string;
  source: string | null;
  note: string | null;
}

function toSuppression(row: SuppressionRow): Suppression {
  return {
    address: row.address,
    list: row.list,
    how: row.how,
    at: row.at,
    source: row.source,
    note: row.note,
  };
}
