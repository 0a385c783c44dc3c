import { join, resolve } from "node:path";
import type { Edition, RenderedEdition } from "../types.js";
import type { EditionArchive } from "./edition-archive.js";
import type { LeaseStore } from "./lease-store.js";
import type { SuppressionStore } from "./suppression-store.js";

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
 * The delivery ledger: the storage interface shared by `digest send`, `digest schedule`,
 * `digest status`, `digest suppress` and `digest web`, and the source of truth for "who already
 * got this edition". It names no storage engine: `createLedger` (create-ledger.ts) implements it
 * on one SQLite file; a second backend (e.g. PostgreSQL, for senders on several machines)
 * implements this interface and the sub-store interfaces, and nothing else changes. What such a
 * backend must keep is written in docs/deployment.md ("Storage").
 *
 * Methods are synchronous (better-sqlite3 is): a network backend needs an async variant, which
 * is a change of this interface and its callers, not of their logic.
 */
export interface Ledger {
  /** Where the ledger lives, for messages (a file path; `:memory:` for an in-memory ledger). */
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
  /** Runs `fn` inside one write transaction (for callers that batch their own writes). */
  transaction<T>(fn: () => T): T;
  /** Named, expiring leases: who is sending an edition (the schedule's `createLease` uses it). */
  readonly leases: LeaseStore;
  /** Addresses that must not be mailed again, and the hard-bounce counter. */
  readonly suppressions: SuppressionStore;
  /** Sent editions, read-only, for the web archive and feed. */
  readonly archive: EditionArchive;
  /** Closes the ledger; the sub-stores are unusable afterwards. */
  close(): void;
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
