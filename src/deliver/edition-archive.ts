import type { EditionContent } from "./ledger.js";

/** A sent edition as the web archive lists it. */
export interface ArchivedEdition {
  editionKey: string;
  date: string;
  section: string;
  list: string;
  subject: string | null;
  /** When the send finished (or started, while it still runs), ISO. */
  sentAt: string;
}

/**
 * The ledger's sent editions, read-only, for `digest web` (`ledger.archive`). An edition counts as
 * sent once it is complete, or while it is being sent as soon as one message went out. The same
 * section and date sent to two lists is one archive entry (the first one started).
 */
export interface EditionArchive {
  /** Sent editions of one section (matched case-insensitively), newest first, one per date. */
  listEditions(section: string): ArchivedEdition[];
  /** The section names that have sent editions, as first written. */
  listSections(): string[];
  /** Every list name the ledger has sent an edition to (the lists whose tokens are out there). */
  listLists(): string[];
  /** The content the edition was sent with (no personal parts), or null. */
  getContent(editionKey: string): EditionContent | null;
  /** Just the edition's preheader (read inside SQLite, without loading the whole content). */
  getPreheader(editionKey: string): string | null;
}
