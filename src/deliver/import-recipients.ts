import { formatCount } from "../format-count.js";
import type { DeliveryLogger } from "./delivery-report.js";
import type { Ledger, LedgerRecipient } from "./ledger.js";
import { readRecipientBatches } from "./read-recipients.js";

/** Recipients are written to the ledger in transactions of at most this many rows … */
export const IMPORT_BATCH_ROWS = 1_000;
/** … and at most this many characters of address, name and extra fields (rows with big fields). */
export const IMPORT_BATCH_CHARS = 256 * 1024;
/** Bad rows are logged one by one up to this many; the rest only counted. */
export const MAX_LOGGED_PROBLEMS = 20;

/**
 * Streams the recipients file into the ledger as pending deliveries of `editionKey`, in batches
 * (the ledger's primary key collapses duplicates), leaving out suppressed addresses; bad rows are
 * logged (the first MAX_LOGGED_PROBLEMS one by one) and counted.
 *
 * @example
 * const counts = await importRecipients(ledger, key, "subscribers.csv", suppressed, logger);
 * counts.inserted; // 2
 */
export async function importRecipients(
  ledger: Ledger,
  editionKey: string,
  file: string,
  suppressedAddresses: ReadonlySet<string>,
  logger: DeliveryLogger,
): Promise<{ inserted: number; known: number; invalidRows: number; duplicates: number; suppressed: number }> {
  let invalidRows = 0;
  let suppressed = 0;
  let inserted = 0;
  let known = 0;
  let batch: LedgerRecipient[] = [];
  let batchChars = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const result = ledger.addRecipients(editionKey, batch);
    inserted += result.inserted;
    known += result.known;
    batch = [];
    batchChars = 0;
  };
  const batches = readRecipientBatches(file, {
    onWarning: (message) => logger.warn(message),
    onProblem(problem) {
      invalidRows += 1;
      if (invalidRows <= MAX_LOGGED_PROBLEMS)
        logger.warn(`${file}:${problem.line}: skipped - ${problem.problem}`);
    },
  });
  for await (const rows of batches) {
    for (const row of rows) {
      if (suppressedAddresses.has(row.email)) {
        suppressed += 1;
        continue;
      }
      // The row itself (a RecipientRow is a LedgerRecipient): no per-row copy.
      batch.push(row);
      batchChars += row.email.length + (row.name?.length ?? 0) + fieldChars(row.fields);
      if (batch.length >= IMPORT_BATCH_ROWS || batchChars >= IMPORT_BATCH_CHARS) flush();
    }
    // Each chunk's rows are in the ledger before the next chunk is read: no rows (and no 64 KB
    // chunk of text their strings point into) stay alive across the wait for the disk.
    flush();
  }
  if (invalidRows > MAX_LOGGED_PROBLEMS) {
    logger.warn(
      `${file}: ${invalidRows - MAX_LOGGED_PROBLEMS} more invalid rows skipped (${invalidRows} in all)`,
    );
  }
  // On a first import every "known" row is a duplicate inside the file.
  const duplicates = known;
  logger.info(
    `${file}: ${formatCount(inserted, "recipient")}${duplicates > 0 ? `, ${formatCount(duplicates, "duplicate")} collapsed` : ""}${invalidRows > 0 ? `, ${formatCount(invalidRows, "invalid row")} skipped` : ""}${suppressed > 0 ? `, ${formatCount(suppressed, "suppressed address", "suppressed addresses")} skipped` : ""}`,
  );
  return { inserted, known, invalidRows, duplicates, suppressed };
}

/** Characters of a row's extra fields (keys and values), for the import batch's size bound. */
function fieldChars(fields: Record<string, string>): number {
  let chars = 0;
  for (const key in fields) chars += key.length + (fields[key]?.length ?? 0);
  return chars;
}
