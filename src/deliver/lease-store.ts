/**
 * Named, expiring leases as the storage sees them: rows of (name, holder, expiry). The meaning -
 * who may take a lease, renewal, a dead holder on this machine - lives in
 * `src/schedule/lease.ts`, which calls these operations with the time from its Clock. Times are
 * epoch milliseconds. Each operation is one atomic statement, so two processes racing for a
 * lease cannot both win.
 */
export interface LeaseStore {
  /**
   * Takes `name` for `holder` until `expiresAt` when nobody holds it, its lease ran out at or
   * before `now`, or `holder` already holds it. True when `holder` holds it now.
   */
  take(name: string, holder: string, now: number, expiresAt: number): boolean;
  /** Takes `name` from `previousHolder` (known to be gone), only if it still holds it. */
  takeFrom(name: string, previousHolder: string, holder: string, expiresAt: number): boolean;
  /** Moves the expiry of `holder`'s lease to `expiresAt`; false when it ran out at `now` or is not held by `holder`. */
  extend(name: string, holder: string, now: number, expiresAt: number): boolean;
  /** Drops the lease if `holder` holds it. */
  release(name: string, holder: string): void;
  /** The stored holder and expiry, expired or not; null when there is no row. */
  read(name: string): { holder: string; expiresAt: number } | null;
  /** The holders of the leases that have not run out at `now`, by lease name. */
  listLive(now: number): Map<string, string>;
}
