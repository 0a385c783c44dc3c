/**
 * The scheduler's only source of time. Everything in src/schedule/ reads "now" and waits through a
 * Clock passed in, so tests drive a whole morning (and a DST change) with a manual clock.
 */

/** Reads the time and waits; injected into the scheduler. */
export interface Clock {
  now(): Date;
  /**
   * Resolves after `ms` milliseconds of this clock's time, or early (without throwing) when
   * `signal` aborts: callers check `signal.aborted` afterwards.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The longest single timer: Node's setTimeout overflows above 2^31-1 ms (about 24.8 days) and then
 * fires at once, so longer waits are taken in steps.
 */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The wall clock of the machine.
 *
 * @example
 * const clock = createSystemClock();
 * await clock.sleep(1_000, controller.signal);
 */
export function createSystemClock(): Clock {
  return {
    now: () => new Date(),
    async sleep(ms, signal) {
      let remaining = Math.max(0, ms);
      do {
        const step = Math.min(remaining, MAX_TIMER_MS);
        await sleepOnce(step, signal);
        remaining -= step;
      } while (remaining > 0 && !signal?.aborted);
    },
  };
}

function sleepOnce(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
