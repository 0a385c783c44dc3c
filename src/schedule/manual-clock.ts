import type { Clock } from "../clock.js";

/** A clock that only moves when told to: for tests of the scheduler across whole days. */
export interface ManualClock extends Clock {
  /** Moves the time forward to `instant`, waking every sleeper that is due by then, in order. */
  advanceTo(instant: Date | string): Promise<void>;
  /**
   * Sets the time to `instant` first and then wakes every sleeper that is due: a machine that was
   * suspended and resumes late, so its timers fire after their time.
   */
  jumpTo(instant: Date | string): Promise<void>;
}

interface Sleeper {
  due: number;
  wake: () => void;
}

/**
 * Creates a manual clock standing at `start`. `sleep` never resolves by itself; `advanceTo` moves
 * the time and wakes sleepers whose time has come, letting each react before the next is woken.
 *
 * @example
 * const clock = createManualClock("2027-03-28T07:00:00+02:00");
 * const done = clock.sleep(60_000);
 * await clock.advanceTo("2027-03-28T07:01:00+02:00"); // `done` resolves
 */
export function createManualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime();
  const sleepers = new Set<Sleeper>();

  async function advanceTo(instant: Date | string): Promise<void> {
    const target = new Date(instant).getTime();
    for (;;) {
      const next = [...sleepers].filter((s) => s.due <= target).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      current = Math.max(current, next.due);
      next.wake();
      // Let the woken code run up to its next await on I/O or sleep before waking the next one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    current = Math.max(current, target);
  }

  return {
    now: () => new Date(current),
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const sleeper: Sleeper = {
          due: current + Math.max(0, ms),
          wake: () => {
            sleepers.delete(sleeper);
            signal?.removeEventListener("abort", sleeper.wake);
            resolve();
          },
        };
        sleepers.add(sleeper);
        signal?.addEventListener("abort", sleeper.wake, { once: true });
      });
    },
    advanceTo,
    async jumpTo(instant) {
      current = Math.max(current, new Date(instant).getTime());
      await advanceTo(instant);
    },
  };
}
