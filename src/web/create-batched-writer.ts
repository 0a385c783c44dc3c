/**
 * Group commit: calls made while a batch is being collected are written together by one
 * `writeAll` (one transaction, one fsync) on the next turn of the event loop, and each caller's
 * promise resolves with its own result only after that write returned - so a 200 still means
 * "durably recorded", but a burst of a thousand one-click POSTs costs a handful of fsyncs
 * instead of a thousand.
 *
 * @example
 * const writer = createBatchedWriter((entries: NewSuppression[]) => entries.map((e) => store.add(e)));
 * await writer.write(entry); // true when the entry was new
 */
export function createBatchedWriter<T, R>(writeAll: (items: T[]) => R[]): { write(item: T): Promise<R> } {
  let pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    try {
      const results = writeAll(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => {
        entry.resolve(results[index] as R);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  };
  return {
    write(item) {
      return new Promise<R>((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ item, resolve, reject });
      });
    },
  };
}
