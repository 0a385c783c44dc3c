import type Database from "better-sqlite3";
import type { ArchivedEdition, EditionArchive } from "./edition-archive.js";
import type { EditionContent } from "./ledger.js";

/**
 * The archive on the ledger's SQLite connection; `createLedger` builds it as `ledger.archive`.
 * `getContent` is the ledger's own reader of saved edition contents.
 *
 * @example
 * const archive = createSqliteEditionArchive(db, (key) => ledger.getEditionContent(key));
 * archive.listEditions("politik")[0]?.date; // "2026-11-26"
 */
export function createSqliteEditionArchive(
  db: Database.Database,
  getContent: (editionKey: string) => EditionContent | null,
): EditionArchive {
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
    getContent,
    getPreheader: (editionKey) => preheader.get(editionKey) ?? null,
  };
}
