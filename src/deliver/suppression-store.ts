/**
 * The suppression list: addresses that must not be mailed again, per list or for every list.
 * A one-click or page unsubscribe, a desk entry, a hard bounce or a spam complaint puts an
 * address here; `digest send` and the scheduler drop suppressed addresses while reading the list.
 *
 * This module is the storage-neutral part: callers see `ledger.suppressions`, a `SuppressionStore`;
 * the SQL lives in `sqlite-suppression-store.ts` (tables from the ledger's migration 2), so a second
 * backend implements this interface and nothing else changes.
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
