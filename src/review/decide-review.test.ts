import { describe, expect, it } from "vitest";
import { decideReview } from "./decide-review.js";

const deadline = new Date("2027-03-28T07:15:00+02:00");
const before = new Date("2027-03-28T07:00:00+02:00");
const after = new Date("2027-03-28T07:30:00+02:00");
const hold = { by: "anna", at: "2027-03-28T04:50:00.000Z", reason: "Faktencheck" };
const base = { held: null, fallback: null, deadline, onDeadline: "skip" as const, deadlineLabel: "07:15" };

describe("decideReview", () => {
  it.each([
    ["approved, before the deadline", { state: "approved" as const, now: before }, "send-approved"],
    ["approved, after the deadline", { state: "approved" as const, now: after }, "send-approved"],
    ["sent to another list", { state: "sent" as const, now: after }, "send-approved"],
    ["held before the deadline", { state: "held" as const, held: hold, now: before }, "held"],
    ["held after the deadline", { state: "held" as const, held: hold, now: after }, "held"],
    ["edited before the deadline", { state: "edited" as const, now: before }, "wait"],
    ["no draft before the deadline", { state: null, now: before }, "wait"],
    ["proposed at the deadline", { state: "proposed" as const, now: deadline }, "fallback"],
    ["no draft after the deadline", { state: null, now: after }, "fallback"],
  ])("%s", (_name, input, action) => {
    expect(decideReview({ ...base, ...input }).action).toBe(action);
  });

  it("names the state and the fallback in the reason", () => {
    expect(decideReview({ ...base, state: "edited", now: after, onDeadline: "send-proposal" })).toEqual({
      action: "fallback",
      fallback: "send-proposal",
      reason:
        "review required and nothing approved by the deadline 07:15 (the draft was edited) - review.fallback send-proposal",
    });
  });

  it("keeps a fallback once applied, even for a draft sent by it", () => {
    const fallback = { action: "send-proposal" as const, at: "2027-03-28T05:15:00.000Z" };
    expect(decideReview({ ...base, state: "sent", fallback, now: after })).toMatchObject({
      action: "fallback",
      fallback: "send-proposal",
    });
  });
});
