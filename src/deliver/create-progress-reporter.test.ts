import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgressReporter, formatDuration, formatProgressLine } from "./create-progress-reporter.js";

describe("progress", () => {
  it("formats one line with counts, rate and ETA", () => {
    expect(formatProgressLine({ total: 1000, sent: 250, failed: 2, retrying: 1, elapsedMs: 5000 })).toBe(
      "send: 252/1000 (25%) sent 250, failed 2, retrying 1 - 50.4 msg/s, ETA 15s",
    );
  });

  it.each([
    [42_000, "42s"],
    [185_000, "3m 05s"],
    [3_720_000, "1h 02m"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("writes plain lines at most once per interval when not on a terminal", () => {
    const stream = new PassThrough();
    let clock = 0;
    const reporter = createProgressReporter({ stream, isTTY: false, intervalMs: 10_000, now: () => clock });
    const progress = { total: 10, sent: 1, failed: 0, retrying: 0, elapsedMs: 1000 };
    reporter.update(progress);
    clock = 5_000;
    reporter.update({ ...progress, sent: 2 });
    clock = 10_000;
    reporter.update({ ...progress, sent: 3 });
    reporter.finish(progress);
    const lines = String(stream.read()).trim().split("\n");
    expect(lines.map((line) => line.slice(0, 16))).toEqual(["send: 1/10 (10%)", "send: 3/10 (30%)"]);
  });

  it("redraws a bar in place on a terminal", () => {
    const stream = new PassThrough();
    const reporter = createProgressReporter({ stream, isTTY: true, now: () => 0 });
    reporter.update({ total: 4, sent: 2, failed: 0, retrying: 0, elapsedMs: 1000 });
    reporter.finish({ total: 4, sent: 4, failed: 0, retrying: 0, elapsedMs: 2000 });
    const text = String(stream.read());
    expect(text).toContain("\r\x1b[2K[############------------] 2/4");
    expect(text.endsWith("\n")).toBe(true);
  });
});
