import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Clock } from "../clock.js";
import type { LeaseStore } from "../deliver/index.js";

/** A named, expiring lock kept in the ledger (its lease store). */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  /** Takes the lease when it is free, expired or already ours; true when we hold it now. */
  acquire(): boolean;
  /** Extends our lease; false when it was lost (expired and taken by someone else). */
  renew(): boolean;
  /** Gives the lease up (only if we still hold it). */
  release(): void;
  /** The current holder and expiry, or null when nobody holds it. */
  read(): { holder: string; expiresAt: Date } | null;
}

export interface LeaseOptions {
  name: string;
  /** How long a lease lasts without renewal: a crashed holder loses it after this. */
  ttlMs: number;
  clock: Clock;
  /** Identifies this process in the table and in logs (default: host:pid:random). */
  holder?: string;
}

/**
 * A lease in the ledger's lease store: two schedulers on one ledger cannot both send, and a
 * holder that crashed (SIGKILL, power loss) loses the lease after `ttlMs` instead of leaving a pid
 * file behind. Taking the lease is one atomic operation of the store, so two processes racing for
 * it cannot both win.
 *
 * @example
 * const lease = createLease(ledger.leases, { name: "edition:2027-03-28/politik/subscribers", ttlMs: 120_000, clock });
 * if (lease.acquire()) { try { … } finally { lease.release(); } }
 */
export function createLease(store: LeaseStore, options: LeaseOptions): Lease {
  const holder = options.holder ?? defaultHolder();
  const { name, ttlMs, clock } = options;
  return {
    name,
    holder,
    acquire() {
      const now = clock.now().getTime();
      if (store.take(name, holder, now, now + ttlMs)) return true;
      // A holder on this machine whose process is gone (SIGKILL, OOM kill) is not waited for until
      // its lease runs out: `digest send --resume` right after a crash starts at once.
      const current = store.read(name);
      if (!current || !isDeadLocalHolder(current.holder)) return false;
      return store.takeFrom(name, current.holder, holder, clock.now().getTime() + ttlMs);
    },
    renew() {
      const now = clock.now().getTime();
      return store.extend(name, holder, now, now + ttlMs);
    },
    release: () => store.release(name, holder),
    read() {
      const row = store.read(name);
      if (!row || row.expiresAt <= clock.now().getTime()) return null;
      return { holder: row.holder, expiresAt: new Date(row.expiresAt) };
    },
  };
}

/** A lease being renewed in the background; see {@link keepRenewed}. */
export interface Renewal {
  /** Aborts when a renewal failed: this process stalled past the lease and another one took it. */
  readonly lost: AbortSignal;
  /** Stops renewing (the lease itself is kept until released). */
  stop(): Promise<void>;
}

/**
 * Renews `lease` every third of `ttlMs` until stopped; a failed renewal aborts `lost`.
 *
 * @example
 * const renewal = keepRenewed(lease, clock, 120_000);
 * try { await send(renewal.lost); } finally { await renewal.stop(); lease.release(); }
 */
export function keepRenewed(lease: Lease, clock: Clock, ttlMs: number): Renewal {
  const lost = new AbortController();
  const finished = new AbortController();
  const renewing = (async () => {
    while (!finished.signal.aborted) {
      await clock.sleep(ttlMs / 3, finished.signal);
      if (finished.signal.aborted) return;
      if (!lease.renew()) {
        lost.abort("lost the lease");
        return;
      }
    }
  })();
  return {
    lost: lost.signal,
    async stop() {
      finished.abort();
      await renewing;
    },
  };
}

/**
 * True when `holder` names a process of this host (`host:pid:…`, as defaultHolder writes it) that
 * no longer exists. Errs on the side of "alive": a reused pid, another host, a foreign holder name
 * or a process we may not signal all count as alive, and the lease then simply runs out.
 */
export function isDeadLocalHolder(holder: string): boolean {
  const match = /^(.*):(\d+):[0-9a-f]+$/.exec(holder);
  if (!match || match[1] !== hostname()) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function defaultHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}
