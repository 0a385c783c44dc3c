import type Database from "better-sqlite3";

/**
 * The suppression list: addresses that must not be mailed again, per list or for every list.
 * A one-click or page unsubscribe, a desk entry, a hard bounce or a spam complaint puts an
 * address here; `digest send` and the scheduler drop suppressed addresses while reading the list.
 *
 * The SQL lives in this module only (the tables are created by the ledger's migration 2): callers
 * see the domain-level `SuppressionStore`, so the store can move onto another storage unchanged.
 */

/** How an address came onto the suppression list. */
export type SuppressionHow = "one-click" | "page" | "manual" | "bounce" | "complaint";

/** Every `SuppressionHow`, in the order reports list them. */
export const SUPPRESSION_HOWS: readonly SuppressionHow[] = [
  "one-click",
  "page",
  "manual",
  "bounce",
  "complaint",
];

/** The list name of a suppression that holds for every list (bounces, complaints, desk entries). */
export const ALL_LISTS = "*";

/** Longest note kept with a suppression (a bounce reply, a desk remark). */
export const MAX_NOTE_CHARS = 300;

/** One entry of the suppression list. */
export interface Suppression {
  /** Lower-cased address. */
  address: string;
  /** List name, or `*` for every list. */
  list: string;
  how: SuppressionHow;
  /** ISO timestamp of when the address was suppressed. */
  at: string;
  /** The edition whose send bounced, for `bounce`; else null. */
  source: string | null;
  note: string | null;
}

/** What `add` takes; `source` and `note` are optional. */
export interface NewSuppression {
  address: string;
  list: string;
  how: SuppressionHow;
  at: string;
  source?: string | null;
  note?: string | null;
}

/** Suppressions counted by how they came about. */
export type SuppressionCounts = Record<SuppressionHow, number> & { total: number };

/** The suppression list as the rest of digest sees it. */
export interface SuppressionStore {
  /** Adds an entry; an address already suppressed for that list keeps its first entry. True when added. */
  add(entry: NewSuppression): boolean;
  /** Adds many entries in one transaction; returns how many were new. */
  addMany(entries: Iterable<NewSuppression>): number;
  /** Adds entries in one transaction; returns, per entry, whether it was new. */
  addEach(entries: readonly NewSuppression[]): boolean[];
  /**
   * Removes the address from `list` (or from every list and `*` when `list` is undefined);
   * with `hows`, only entries made that way (a reader's undo must not lift a bounce). Returns the count.
   */
  remove(address: string, list?: string, hows?: readonly SuppressionHow[]): number;
  /** True when the address is suppressed for `list` or for every list. */
  isSuppressed(address: string, list: string): boolean;
  /** The entry for exactly this address and list name, or null. */
  get(address: string, list: string): Suppression | null;
  /** Every entry (of one list name when given), ordered by time, then address. */
  list(list?: string): Suppression[];
  /** The addresses suppressed for `list` (including `*`), loaded once for a send. */
  loadAddressSet(list: string): Set<string>;
  /** Entries by how they came about. */
  count(): SuppressionCounts;
  /** Addresses suppressed because of a bounce in the given edition. */
  countBouncedIn(source: string): number;
  /**
   * Records a hard bounce; once the address has bounced `threshold` times it is suppressed for
   * every list (`how: bounce`, `source` = the edition). True when this bounce suppressed it.
   */
  recordHardBounce(bounce: {
    address: string;
    response: string;
    at: string;
    source: string;
    threshold: number;
  }): boolean;
}

/**
 * The suppression store on the ledger's SQLite handle (`ledger.db`).
 *
 * @example
 * const store = createSuppressionStore(ledger.db);
 * store.add({ address: "anna@example.de", list: "*", how: "manual", at: new Date().toISOString() });
 * store.isSuppressed("anna@example.de", "subscribers"); // true
 */
export function createSuppressionStore(db: Database.Database): SuppressionStore {
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

// Control characters and bidi overrides: a note is printed to terminals and written into CSV.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]+/g;

/**
 * A note as stored: one line, no control or bidi characters, at most MAX_NOTE_CHARS.
 *
 * @example
 * cleanNote("550 5.1.1\r\nunknown"); // "550 5.1.1 unknown"
 */
export function cleanNote(note: string | null): string | null {
  if (note === null) return null;
  const clean = note.replace(UNSAFE_CHARS, " ").replace(/\s+/g, " ").trim().slice(0, MAX_NOTE_CHARS);
  return clean === "" ? null : clean;
}
