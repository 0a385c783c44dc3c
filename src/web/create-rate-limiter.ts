/** A client's requests in the current window. */
interface Window {
  startMs: number;
  count: number;
}

/** Per-client fixed-window counter. */
export interface RateLimiter {
  /** Counts one request; returns 0 when allowed, else the seconds until the client may retry. */
  take(client: string, nowMs: number): number;
  /** Clients tracked right now (bounded by `maxClients`). */
  readonly size: number;
}

/**
 * A fixed-window rate limit per client key (an IP address): at most `limit` requests per
 * `windowMs`. Memory stays bounded: windows that ended are swept, and past `maxClients` the
 * oldest windows go first (a flood of spoofed sources cannot grow the map without end).
 *
 * @example
 * const limiter = createRateLimiter({ limit: 300, windowMs: 60_000 });
 * limiter.take("203.0.113.9", Date.now()); // 0: allowed
 */
export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxClients?: number;
}): RateLimiter {
  const windows = new Map<string, Window>();
  const maxClients = options.maxClients ?? 50_000;
  let lastSweepMs = 0;
  const sweep = (nowMs: number) => {
    lastSweepMs = nowMs;
    for (const [client, window] of windows) {
      if (nowMs - window.startMs >= options.windowMs) windows.delete(client);
    }
  };
  return {
    take(client, nowMs) {
      if (nowMs - lastSweepMs >= options.windowMs) sweep(nowMs);
      let window = windows.get(client);
      if (window === undefined || nowMs - window.startMs >= options.windowMs) {
        if (window === undefined && windows.size >= maxClients) {
          // Maps iterate in insertion order: the first key is the oldest window.
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
        windows.delete(client);
        window = { startMs: nowMs, count: 0 };
        windows.set(client, window);
      }
      window.count += 1;
      if (window.count <= options.limit) return 0;
      return Math.max(1, Math.ceil((window.startMs + options.windowMs - nowMs) / 1000));
    },
    get size() {
      return windows.size;
    },
  };
}
