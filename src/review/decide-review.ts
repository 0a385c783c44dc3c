import type { DraftState, FallbackRecord, Hold } from "./draft.js";

/** What required review means for a send right now. */
export type ReviewDecision =
  /** Send the frozen rendering that was approved (state approved, or sent to another list). */
  | { action: "send-approved" }
  /** An editor held the edition: never sent. */
  | { action: "held"; hold: Hold }
  /** Not approved (nor held) yet, and the deadline has not come: wait for the desk until `until`. */
  | { action: "wait"; until: Date; state: DraftState | null }
  /** The deadline passed without approval: the configured fallback applies. */
  | { action: "fallback"; fallback: FallbackRecord["action"]; reason: string };

/**
 * The desk's say over a send in `required` mode (pure):
 * approved (or already sent) → send the frozen rendering; held → never; otherwise wait for the
 * desk until the deadline, and at it apply `review.fallback` (skip, or send the machine's
 * proposal). A fallback once applied stays applied.
 *
 * @example
 * decideReview({ state: "edited", held: null, fallback: null, now, deadline, onDeadline: "skip", deadlineLabel: "07:15" });
 * // { action: "wait", until: deadline, state: "edited" } before 07:15
 */
export function decideReview(input: {
  state: DraftState | null;
  held: Hold | null;
  fallback: FallbackRecord | null;
  now: Date;
  deadline: Date;
  onDeadline: FallbackRecord["action"];
  /** The deadline as the config writes it, for the reason text (e.g. "07:15"). */
  deadlineLabel: string;
}): ReviewDecision {
  const { state } = input;
  if (state === "approved" || (state === "sent" && input.fallback === null))
    return { action: "send-approved" };
  if (state === "held" && input.held) return { action: "held", hold: input.held };
  if (input.fallback !== null) {
    return { action: "fallback", fallback: input.fallback.action, reason: fallbackReason(input) };
  }
  if (input.now.getTime() < input.deadline.getTime()) {
    return { action: "wait", until: input.deadline, state };
  }
  return { action: "fallback", fallback: input.onDeadline, reason: fallbackReason(input) };
}

function fallbackReason(input: {
  state: DraftState | null;
  deadlineLabel: string;
  onDeadline: string;
}): string {
  const stood = input.state === null ? "no draft was opened" : `the draft was ${input.state}`;
  return `review required and nothing approved by the deadline ${input.deadlineLabel} (${stood}) - review.fallback ${input.onDeadline}`;
}
