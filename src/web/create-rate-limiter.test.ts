import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./create-rate-limiter.js";

describe("createRateLimiter", () => {
  it("allows `limit` requests per window and client, then says how long to wait", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1, 2].map(() => limiter.take("a", 1_000))).toEqual([0, 0, 0]);
    expect(limiter.take("a", 31_000)).toBe(30);
    expect(limiter.take("b", 31_000)).toBe(0);
    expect(limiter.take("a", 61_000)).toBe(0);
  });

  it("keeps its memory bounded", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxClients: 100 });
    for (let i = 0; i < 1_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 5_000);
    expect(limiter.size).toBe(100);
    limiter.take("x", 70_000);
    expect(limiter.size).toBe(1);
  });
});
