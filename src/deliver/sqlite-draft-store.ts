import type Database from "better-sqlite3";
import type { DraftChange, DraftStore, StoredDraft } from "./draft-store.js";

interface DraftRow {
  body: string;
  frozen: string | null;
}

/**
 * The draft store on the ledger's SQLite connection (tables `drafts` and `draft_changes`,
 * migration 4): one row per draft (its indexed columns plus the whole draft as JSON, the frozen
 * rendering in a column of its own so it is kept byte for byte) and the append-only change log. Every write is one IMMEDIATE transaction; the
 * version check and the write happen under the same lock.
 *
 * @example
 * const drafts = createSqliteDraftStore(db);
 * drafts.get("2026-11-26/politik")?.state; // "approved"
 */
export function createSqliteDraftStore(db: Database.Database): DraftStore {
  const select = db.prepare<[string], DraftRow>("SELECT body, frozen FROM drafts WHERE draft_key = ?");
  const insert = db.prepare(
    `INSERT OR IGNORE INTO drafts (draft_key, date, section, version, state, body, frozen, updated_at)
     VALUES (@key, @date, @section, @version, @state, @body, @frozen, @updatedAt)`,
  );
  const replace = db.prepare(
    `UPDATE drafts SET version = @version, state = @state, body = @body, frozen = @frozen, updated_at = @updatedAt
     WHERE draft_key = @key AND version = @expected`,
  );
  const log = db.prepare(
    "INSERT INTO draft_changes (draft_key, version, at, by, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const selectChanges = db.prepare<[string, number], DraftChange>(
    `SELECT version, at, by, field, before, after FROM draft_changes
     WHERE draft_key = ? AND version > ? ORDER BY rowid`,
  );
  const selectRecent = db.prepare<[number], DraftRow>(
    "SELECT body, frozen FROM drafts ORDER BY date DESC, draft_key LIMIT ?",
  );
  const params = (draft: StoredDraft) => {
    const { frozen, ...rest } = draft;
    return {
      key: draft.key,
      date: draft.date,
      section: draft.section,
      version: draft.version,
      state: draft.state,
      body: JSON.stringify(rest),
      frozen,
      updatedAt: draft.updatedAt,
    };
  };
  const append = (key: string, changes: readonly DraftChange[]) => {
    for (const c of changes) log.run(key, c.version, c.at, c.by, c.field, c.before, c.after);
  };
  const create = db.transaction((draft: StoredDraft, changes: readonly DraftChange[]) => {
    if (insert.run(params(draft)).changes === 0) return false;
    append(draft.key, changes);
    return true;
  }).immediate;
  const update = db.transaction((draft: StoredDraft, expected: number, changes: readonly DraftChange[]) => {
    if (replace.run({ ...params(draft), expected }).changes === 0) return false;
    append(draft.key, changes);
    return true;
  }).immediate;
  return {
    get(key) {
      const row = select.get(key);
      return row ? toDraft(row) : null;
    },
    create: (draft, changes) => create(draft, changes),
    update: (draft, expected, changes) => update(draft, expected, changes),
    changes: (key, afterVersion = 0) => selectChanges.all(key, afterVersion),
    list: (limit) => selectRecent.all(limit).map(toDraft),
  };
}

function toDraft(row: DraftRow): StoredDraft {
  return { ...(JSON.parse(row.body) as Omit<StoredDraft, "frozen">), frozen: row.frozen };
}
