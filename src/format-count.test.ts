import { describe, expect, it } from "vitest";
import { formatCount } from "./format-count.js";

describe("formatCount", () => {
  // Issue 10: the send log said "to 1 recipients".
  it.each([
    [0, "recipient", undefined, "0 recipients"],
    [1, "recipient", undefined, "1 recipient"],
    [2, "invalid row", undefined, "2 invalid rows"],
    [1, "story", "stories", "1 story"],
    [5, "story", "stories", "5 stories"],
  ])("%i %s", (count, singular, plural, expected) => {
    expect(formatCount(count, singular, plural)).toBe(expected);
  });
});
