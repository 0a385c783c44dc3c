/**
 * Holding a lease for the length of a job: wait until it is free, renew it while the job runs,
 * and tell the job when it was lost. `digest send` uses it so that a send started by cron or a
 * systemd timer and the scheduler's own send of the same edition never run side by side.
 */
import type { LeaseStore } from "../deliver/index.js";
import { createLease, keepRenewed, type LeaseOptions } from "./lease.js";
import { MAX_STANDBY_POLL_MS } from "./run-schedule.js";

export interface HeldLease {
  readonly holder: string;
  /** Aborts when a renewal failed: this process stalled past the lease and another one took it. */
  readonly lost: AbortSignal;
  /** Stops renewing and gives the lease up. */
  release(): Promise<void>;
}

export interface HoldLeaseOptions extends LeaseOptions {
  /** Stops the waiting; holdLease then resolves with null. */
  signal: AbortSignal;
  /** Called once when the lease is held by someone else and this process starts waiting. */
  onWait?: (holder: string, until: Date) => void;
}

/**
 * Takes the lease, waiting while another live process holds it (a crashed holder loses it after
 * `ttlMs`), then renews it every third of its lifetime until `release()`.
 *
 * @example
 * const held = await holdLease(ledger.leases, { name: `edition:${key}`, ttlMs: 120_000, clock, signal,
 *   onWait: (holder) => log.info(`waiting for ${holder}`) });
 * if (held) try { await send(AbortSignal.any([signal, held.lost])); } finally { await held.release(); }
 */
export async function holdLease(store: LeaseStore, options: HoldLeaseOptions): Promise<HeldLease | null> {
  const { clock, signal, ttlMs } = options;
  const lease = createLease(store, options);
  let told = false;
  while (!lease.acquire()) {
    if (signal.aborted) return null;
    const current = lease.read();
    if (!told && current) {
      options.onWait?.(current.holder, current.expiresAt);
      told = true;
    }
    await clock.sleep(Math.min(ttlMs / 4, MAX_STANDBY_POLL_MS), signal);
  }
  if (signal.aborted) {
    lease.release();
    return null;
  }
  const renewal = keepRenewed(lease, clock, ttlMs);
  return {
    holder: lease.holder,
    lost: renewal.lost,
    async release() {
      await renewal.stop();
      lease.release();
    },
  };
}
