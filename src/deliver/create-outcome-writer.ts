import type { ClaimedDelivery, DeliveryOutcome, Ledger } from "./ledger.js";

/**
 * Outcomes are committed when this many are waiting … Small on purpose: a batch that lives long
 * gets promoted to V8's old space, and at a million recipients that garbage is what grows RSS.
 */
export const OUTCOME_BATCH_ROWS = 100;
/** … or when the oldest has waited this long: bounds what a crash can make us send twice. */
export const OUTCOME_FLUSH_MS = 250;

/** Writes a send's outcomes into the ledger, committing them in batches. */
export interface OutcomeWriter {
  /** One attempt's outcome for the delivery. */
  attempted(
    delivery: ClaimedDelivery,
    messageId: string | null,
    status: "sent" | "failed" | "sending" | "pending",
    response: string,
    at: string,
  ): void;
  /** A claimed delivery that was never tried (or waits for a retry) goes back to pending. */
  handBack(delivery: ClaimedDelivery, at: string): void;
  /** Commits the open batch, if any. */
  flush(): void;
  /** Commits the open batch when its oldest outcome has waited OUTCOME_FLUSH_MS. */
  flushIfDue(): void;
}

/**
 * The outcome writer of one edition's send. Each outcome is written at once into an open
 * transaction (so no array of outcomes lives on the heap); the commit - the fsync - is batched:
 * OUTCOME_BATCH_ROWS outcomes or OUTCOME_FLUSH_MS, whichever comes first.
 *
 * @example
 * const outcomes = createOutcomeWriter(ledger, "2026-11-26/politik/subscribers");
 * outcomes.attempted(delivery, "<id@x>", "sent", "250 OK", new Date().toISOString());
 * outcomes.flush();
 */
export function createOutcomeWriter(ledger: Ledger, editionKey: string): OutcomeWriter {
  let batchRows = 0;
  let oldestOutcomeMs = 0;
  const flush = () => {
    if (batchRows === 0) return;
    ledger.commitBatch();
    batchRows = 0;
  };
  const record = (outcome: DeliveryOutcome) => {
    if (batchRows === 0) {
      ledger.beginBatch();
      oldestOutcomeMs = Date.now();
    }
    ledger.writeOutcome(outcome);
    batchRows += 1;
    if (batchRows >= OUTCOME_BATCH_ROWS || Date.now() - oldestOutcomeMs >= OUTCOME_FLUSH_MS) flush();
  };
  return {
    // A plain literal per call, no spread and no closure per message (see ledger.writeOutcome).
    attempted: (delivery, messageId, status, response, at) =>
      record({
        rowid: delivery.rowid,
        editionKey,
        email: delivery.email,
        status,
        attempted: true,
        response,
        messageId,
        at,
      }),
    handBack: (delivery, at) =>
      record({
        rowid: delivery.rowid,
        editionKey,
        email: delivery.email,
        status: "pending",
        attempted: false,
        response: null,
        messageId: null,
        at,
      }),
    flush,
    flushIfDue() {
      if (Date.now() - oldestOutcomeMs >= OUTCOME_FLUSH_MS) flush();
    },
  };
}
