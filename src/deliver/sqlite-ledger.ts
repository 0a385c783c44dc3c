import type Database from "better-sqlite3";
import type { Edition, RenderedEdition } from "../types.js";
import type {
  ClaimedDelivery,
  DeliveryCounts,
  DeliveryOutcome,
  DeliveryStatus,
  EditionRecord,
  EditionState,
  Ledger,
  LedgerRecipient,
} from "./ledger.js";
import { createSqliteEditionArchive } from "./sqlite-edition-archive.js";
import { createSqliteLeaseStore } from "./sqlite-lease-store.js";
import { createSqliteSuppressionStore } from "./sqlite-suppression-store.js";

interface EditionRow {
  edition_key: string;
  date: string;
  section: string;
  list: string;
  state: EditionState;
  reason: string | null;
  subject: string | null;
  total: number | null;
  started_at: string | null;
  finished_at: string | null;
}

/**
 * The `Ledger` on an open, migrated SQLite connection (from `createLedger`): the editions and
 * deliveries queries here, the sub-stores in their own modules on the same connection.
 *
 * @example
 * const ledger = createSqliteLedger(db, "/srv/digest/state/ledger.sqlite");
 */
export function createSqliteLedger(db: Database.Database, path: string): Ledger {
  const getEdition = db.prepare<[string], EditionRow>("SELECT * FROM editions WHERE edition_key = ?");
  const listEditions = db.prepare<[number], EditionRow>(
    "SELECT * FROM editions ORDER BY date DESC, started_at DESC, edition_key LIMIT ?",
  );
  const upsertEdition = db.prepare(
    `INSERT INTO editions (edition_key, date, section, list, state, reason, subject, total, started_at, finished_at)
     VALUES (@key, @date, @section, @list, @state, @reason, @subject, @total, @startedAt, @finishedAt)
     ON CONFLICT (edition_key) DO UPDATE SET
       date = excluded.date, section = excluded.section, list = excluded.list, state = excluded.state,
       reason = CASE WHEN @hasReason THEN excluded.reason ELSE reason END,
       subject = CASE WHEN @hasSubject THEN excluded.subject ELSE subject END,
       total = CASE WHEN @hasTotal THEN excluded.total ELSE total END,
       started_at = CASE WHEN @hasStartedAt THEN excluded.started_at ELSE started_at END,
       finished_at = CASE WHEN @hasFinishedAt THEN excluded.finished_at ELSE finished_at END`,
  );
  const insertRecipient = db.prepare(
    "INSERT OR IGNORE INTO deliveries (edition_key, email, name, fields) VALUES (?, ?, ?, ?)",
  );
  const requeue = db.prepare(
    "UPDATE deliveries SET status = 'pending' WHERE edition_key = ? AND status = 'sending'",
  );
  // `+edition_key` keeps SQLite off the primary-key index here: walking the rowid range from the
  // cursor is O(batch); via the index it rescans the whole edition on every claim (O(n²) for a list).
  const selectPending = db.prepare<
    [number, string, number],
    {
      rowid: number;
      email: string;
      name: string | null;
      fields: string;
      attempts: number;
      message_id: string | null;
    }
  >(
    `SELECT rowid, email, name, fields, attempts, message_id FROM deliveries
     WHERE rowid > ? AND +edition_key = ? AND status = 'pending' ORDER BY rowid LIMIT ?`,
  );
  const markSending = db.prepare("UPDATE deliveries SET status = 'sending', updated_at = ? WHERE rowid = ?");
  const recordOutcome = db.prepare(
    `UPDATE deliveries SET status = @status, attempts = attempts + @attempted,
       last_response = COALESCE(@response, last_response), message_id = COALESCE(@messageId, message_id),
       updated_at = @at, sent_at = CASE WHEN @status = 'sent' THEN @at ELSE sent_at END
     WHERE edition_key = @editionKey AND email = @email AND status != 'sent'`,
  );
  const recordOutcomeByRowid = db.prepare(
    `UPDATE deliveries SET status = @status, attempts = attempts + @attempted,
       last_response = COALESCE(@response, last_response), message_id = COALESCE(@messageId, message_id),
       updated_at = @at, sent_at = CASE WHEN @status = 'sent' THEN @at ELSE sent_at END
     WHERE rowid = @rowid AND edition_key = @editionKey AND email = @email AND status != 'sent'`,
  );
  // One literal per call, no `{ ...params, rowid }`: this runs per message, and on Node 20 objects
  // made by object spread survive young-generation GCs (old-space garbage, RSS) though they die at once.
  const writeOutcome = (o: DeliveryOutcome): void => {
    const attempted = o.attempted ? 1 : 0;
    if (o.rowid === undefined) {
      recordOutcome.run({
        editionKey: o.editionKey,
        email: o.email,
        status: o.status,
        attempted,
        response: o.response,
        messageId: o.messageId,
        at: o.at,
      });
    } else {
      recordOutcomeByRowid.run({
        rowid: o.rowid,
        editionKey: o.editionKey,
        email: o.email,
        status: o.status,
        attempted,
        response: o.response,
        messageId: o.messageId,
        at: o.at,
      });
    }
  };
  const counts = db.prepare<[string], { status: DeliveryStatus; n: number }>(
    "SELECT status, count(*) AS n FROM deliveries WHERE edition_key = ? GROUP BY status",
  );
  const listByStatus = db.prepare<
    [string, string, number],
    { email: string; last_response: string | null; attempts: number; message_id: string | null }
  >(
    `SELECT email, last_response, attempts, message_id FROM deliveries
     WHERE edition_key = ? AND status = ? ORDER BY rowid LIMIT ?`,
  );

  // Every write transaction is IMMEDIATE: it takes the write lock before its first read. A
  // deferred one that reads first (claim: SELECT, then UPDATE) fails at once with SQLITE_BUSY when
  // another process commits in between - the busy timeout cannot help with that upgrade.
  const addRecipients = db.transaction((editionKey: string, recipients: readonly LedgerRecipient[]) => {
    let inserted = 0;
    for (const r of recipients) {
      inserted += insertRecipient.run(editionKey, r.email, r.name, JSON.stringify(r.fields)).changes;
    }
    return { inserted, known: recipients.length - inserted };
  }).immediate;
  const claim = db.transaction((editionKey: string, afterRowid: number, limit: number, at: string) => {
    const rows = selectPending.all(afterRowid, editionKey, limit);
    for (const row of rows) markSending.run(at, row.rowid);
    return rows.map(
      (row): ClaimedDelivery => ({
        rowid: row.rowid,
        email: row.email,
        name: row.name,
        fields: JSON.parse(row.fields) as Record<string, string>,
        attempts: row.attempts,
        messageId: row.message_id,
      }),
    );
  }).immediate;
  const recordOutcomes = db.transaction((outcomes: readonly DeliveryOutcome[]) => {
    for (const o of outcomes) writeOutcome(o);
  }).immediate;
  const saveContent = db.prepare(
    "INSERT OR IGNORE INTO edition_contents (edition_key, edition, rendered, saved_at) VALUES (?, ?, ?, ?)",
  );
  const getContent = db.prepare<[string], { edition: string; rendered: string }>(
    "SELECT edition, rendered FROM edition_contents WHERE edition_key = ?",
  );
  const countDeliveries = (editionKey: string): DeliveryCounts => {
    const result: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, total: 0 };
    for (const row of counts.all(editionKey)) {
      result[row.status] = row.n;
      result.total += row.n;
    }
    return result;
  };

  const getEditionContent = (editionKey: string) => {
    const row = getContent.get(editionKey);
    if (!row) return null;
    return {
      edition: JSON.parse(row.edition) as Edition,
      rendered: JSON.parse(row.rendered) as RenderedEdition,
    };
  };

  return {
    path,
    leases: createSqliteLeaseStore(db),
    suppressions: createSqliteSuppressionStore(db),
    archive: createSqliteEditionArchive(db, getEditionContent),
    getEdition(editionKey) {
      const row = getEdition.get(editionKey);
      return row ? toRecord(row) : null;
    },
    listEditions(limit) {
      return listEditions
        .all(limit)
        .map((row) => ({ ...toRecord(row), ...countDeliveries(row.edition_key) }));
    },
    recordEditionState(editionKey, update) {
      upsertEdition.run({
        key: editionKey,
        date: update.date,
        section: update.section,
        list: update.list,
        state: update.state,
        reason: update.reason ?? null,
        subject: update.subject ?? null,
        total: update.total ?? null,
        startedAt: update.startedAt ?? null,
        finishedAt: update.finishedAt ?? null,
        hasReason: update.reason === undefined ? 0 : 1,
        hasSubject: update.subject === undefined ? 0 : 1,
        hasTotal: update.total === undefined ? 0 : 1,
        hasStartedAt: update.startedAt === undefined ? 0 : 1,
        hasFinishedAt: update.finishedAt === undefined ? 0 : 1,
      });
    },
    addRecipients: (editionKey, recipients) => addRecipients(editionKey, recipients),
    requeueInFlight: (editionKey) => requeue.run(editionKey).changes,
    claimPending: (editionKey, afterRowid, limit, at) => claim(editionKey, afterRowid, limit, at),
    recordOutcomes: (outcomes) => {
      if (outcomes.length > 0) recordOutcomes(outcomes);
    },
    countDeliveries,
    writeOutcome,
    beginBatch() {
      if (!db.inTransaction) db.exec("BEGIN IMMEDIATE");
    },
    commitBatch() {
      if (db.inTransaction) db.exec("COMMIT");
    },
    listDeliveries(editionKey, status, limit) {
      return listByStatus.all(editionKey, status, limit).map((row) => ({
        email: row.email,
        response: row.last_response,
        attempts: row.attempts,
        messageId: row.message_id,
      }));
    },
    saveEditionContent(editionKey, content, at) {
      saveContent.run(editionKey, JSON.stringify(content.edition), JSON.stringify(content.rendered), at);
    },
    getEditionContent,
    transaction: (fn) => db.transaction(fn).immediate(),
    close() {
      if (db.open) db.close();
    },
  };
}

function toRecord(row: EditionRow): EditionRecord {
  return {
    editionKey: row.edition_key,
    date: row.date,
    section: row.section,
    list: row.list,
    state: row.state,
    reason: row.reason,
    subject: row.subject,
    total: row.total,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
