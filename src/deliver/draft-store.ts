/**
 * The desk's drafts as the ledger stores them (`ledger.drafts`): the data and the storage
 * interface. The desk's logic lives in src/review/; these types live here so the Ledger can
 * carry the store without deliver importing review.
 */
import type { Edition, RankedArticle } from "../types.js";

/**
 * Where a draft stands: `proposed` (untouched machine proposal) → `edited` → `approved` | `held`,
 * and `sent` once a send of the approved content (or of the proposal, by the deadline fallback)
 * started. An edit after approval returns it to `edited`.
 */
export type DraftState = "proposed" | "edited" | "approved" | "held" | "sent";

/** The draft key: edition date and section (lower-case), e.g. "2026-11-26/politik". */
export type DraftKey = string;

/** A candidate article of the draft: the ranking, plus whether it arrived after an editor's first edit. */
export interface Candidate extends RankedArticle {
  /** The machine's teaser for the article. */
  teaser: string;
  /** True for an article that appeared after the draft was touched (it never replaces edited text). */
  isNew: boolean;
}

/** Who approved, and the hash of the rendering that was frozen with the approval. */
export interface Approval {
  by: string;
  at: string;
  /** sha256 (hex) of the frozen rendering's stored JSON: what `digest send` verifies. */
  hash: string;
}

/** Who held the edition, and why. */
export interface Hold {
  by: string;
  at: string;
  reason: string;
}

/** The deadline fallback, once applied (required mode, nothing approved or held by the deadline). */
export interface FallbackRecord {
  action: "skip" | "send-proposal";
  at: string;
}

/** A draft as the store keeps it. */
export interface StoredDraft {
  key: DraftKey;
  date: string;
  section: string;
  version: number;
  state: DraftState;
  /** The machine's edition, rebuilt from the inputs while the draft is untouched. */
  proposal: Edition;
  /** The edition as it stands now (the proposal until an editor saves). */
  edition: Edition;
  candidates: Candidate[];
  /** sha256 of the parsed inputs the proposal was built from: a change rebuilds an untouched draft. */
  inputsHash: string;
  approved: Approval | null;
  /** The approved rendering (a RenderedEdition as JSON), kept byte for byte; null unless approved. */
  frozen: string | null;
  held: Hold | null;
  fallback: FallbackRecord | null;
  /** When a send of this draft's content started, and the ledger's edition key. */
  sent: { at: string; editionKey: string } | null;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** One recorded change: who, when, which field, before and after (null = absent). */
export interface DraftChange {
  /** The version the change produced. */
  version: number;
  at: string;
  /** An editor id, or "digest" for the machine (proposal rebuilt, sent, deadline fallback). */
  by: string;
  /** `subject`, `preheader`, `intro`, `top`, `more`, `stories[<id>].teaser`, `stories[<id>].keyPoints[<i>]`, `state`, `proposal`. */
  field: string;
  before: string | null;
  after: string | null;
}

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
