import { describe, expect, it } from "vitest";
import { createBatchedWriter } from "./create-batched-writer.js";

describe("createBatchedWriter", () => {
  it("writes the calls of one turn together and hands each caller its own result", async () => {
    const batches: number[][] = [];
    const writer = createBatchedWriter((items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    const first = await Promise.all([1, 2, 3].map((n) => writer.write(n)));
    const second = await writer.write(4);
    expect(first).toEqual([10, 20, 30]);
    expect(second).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("rejects every caller of a failed batch, and the next batch works again", async () => {
    let fail = true;
    const writer = createBatchedWriter((items: number[]) => {
      if (fail) throw new Error("disk full");
      return items;
    });
    const results = await Promise.allSettled([writer.write(1), writer.write(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await writer.write(3)).toBe(3);
  });
});
