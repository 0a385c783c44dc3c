import type { EditionContent, Ledger } from "./ledger.js";

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

/** The ledger's sent editions, read-only, for `digest web`. */
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

/**
 * The archive view of a ledger: an edition counts as sent once it is complete, or while it is
 * being sent as soon as one message went out. The same section and date sent to two lists is
 * one archive entry (the first one started).
 *
 * @example
 * const archive = createEditionArchive(ledger);
 * archive.listEditions("politik")[0]?.date; // "2026-11-26"
 */
export function createEditionArchive(ledger: Ledger): EditionArchive {
  const { db } = ledger;
  const sent = db.prepare<
    [],
    {
      edition_key: string;
      date: string;
      section: string;
      list: string;
      subject: string | null;
      started_at: string | null;
      finished_at: string | null;
    }
  >(
    `SELECT e.edition_key, e.date, e.section, e.list, e.subject, e.started_at, e.finished_at FROM editions e
     WHERE EXISTS (SELECT 1 FROM edition_contents c WHERE c.edition_key = e.edition_key)
       AND (e.state = 'complete' OR (e.state = 'sending'
         AND EXISTS (SELECT 1 FROM deliveries d WHERE d.edition_key = e.edition_key AND d.status = 'sent')))
     ORDER BY e.date DESC, e.started_at, e.edition_key`,
  );
  const preheader = db
    .prepare<[string], string | null>(
      "SELECT json_extract(rendered, '$.preheader') FROM edition_contents WHERE edition_key = ?",
    )
    .pluck();
  const lists = db.prepare<[], string>("SELECT DISTINCT list FROM editions ORDER BY list").pluck();
  const all = (): ArchivedEdition[] => {
    const seen = new Set<string>();
    const out: ArchivedEdition[] = [];
    for (const row of sent.all()) {
      const key = `${row.date}/${row.section.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        editionKey: row.edition_key,
        date: row.date,
        section: row.section,
        list: row.list,
        subject: row.subject,
        sentAt: row.finished_at ?? row.started_at ?? `${row.date}T00:00:00.000Z`,
      });
    }
    return out;
  };
  return {
    listEditions: (section) => all().filter((e) => e.section.toLowerCase() === section.toLowerCase()),
    listSections: () => [...new Set(all().map((e) => e.section))],
    listLists: () => lists.all(),
    getContent: (editionKey) => ledger.getEditionContent(editionKey),
    getPreheader: (editionKey) => preheader.get(editionKey) ?? null,
  };
}
