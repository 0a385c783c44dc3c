import type { DraftChange, DraftKey, StoredDraft } from "./draft.js";

/**
 * Where drafts and their change log live: the ledger (`ledger.drafts`). A storage interface
 * without database types, so a second backend implements these five methods; the SQLite one is
 * in sqlite-draft-store.ts. Writes are compare-and-set on the version: two editors saving at once
 * cannot both win, and the loser learns what the winner changed.
 */
export interface DraftStore {
  /** The draft, or null when none was opened for that key. */
  get(key: DraftKey): StoredDraft | null;
  /** Inserts a new draft (version 1) with its first log entries; false when one exists already. */
  create(draft: StoredDraft, changes: readonly DraftChange[]): boolean;
  /**
   * Replaces the draft and appends `changes` in one transaction, only if the stored version is
   * still `expectedVersion`; false (nothing written) when another write came first.
   */
  update(draft: StoredDraft, expectedVersion: number, changes: readonly DraftChange[]): boolean;
  /** The change log of a draft, oldest first; with `afterVersion`, only changes made after it. */
  changes(key: DraftKey, afterVersion?: number): DraftChange[];
  /** The most recent drafts by date (newest first), for `digest status`. */
  list(limit: number): StoredDraft[];
}
