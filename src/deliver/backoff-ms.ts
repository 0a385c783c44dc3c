/** First retry delay; doubles per attempt, with ±50 % jitter. */
export const RETRY_BASE_MS = 1_000;
/** Longest wait between two attempts. */
export const RETRY_MAX_MS = 60_000;

/**
 * Exponential backoff with ±50 % jitter (so a pool of retries does not hit a recovering server
 * in lockstep), capped at RETRY_MAX_MS.
 *
 * @example
 * backoffMs(3, 1_000); // 2000–6000: 4 s ± 50 %
 */
export function backoffMs(tries: number, baseMs: number): number {
  const exponential = Math.min(RETRY_MAX_MS, baseMs * 2 ** (tries - 1));
  return Math.round(exponential * (0.5 + Math.random()));
}
