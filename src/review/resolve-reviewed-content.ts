import { formatZoned, zonedTime } from "../clock.js";
import type { Config } from "../config/index.js";
import type { DraftStore } from "../deliver/index.js";
import { DigestError } from "../errors.js";
import type { Edition, RenderedEdition } from "../types.js";
import { hashRendering } from "./create-desk.js";
import { decideReview } from "./decide-review.js";
import { type DraftChange, draftKeyOf, MACHINE, type StoredDraft } from "./draft.js";

/** What a send in `required` mode may send now. */
export type ReviewedContent =
  /** The approved, frozen rendering (its hash verified) and the edition it was rendered from. */
  | { kind: "approved"; edition: Edition; rendered: RenderedEdition; approvedBy: string }
  /** The deadline fallback `send-proposal`: the machine's proposal (null: no draft, build it). */
  | { kind: "proposal"; edition: Edition | null; reason: string }
  /** Not sent: held at the desk, or the deadline fallback `skip`. */
  | { kind: "not-sent"; reason: string; held: boolean }
  /** Nothing approved yet and the deadline still ahead. */
  | { kind: "wait"; until: Date; reason: string };

/**
 * Decides what `digest send` and the scheduler send for `date` when `review.mode` is
 * `required` (see decideReview), reading the draft from `store`. Applying the deadline fallback
 * is recorded on the draft (and in its log) the first time.
 *
 * @throws DigestError E_REVIEW when the approved rendering no longer matches its hash.
 * @example
 * const content = resolveReviewedContent({ store: ledger.drafts, config, date: "2027-03-28", now: new Date() });
 * if (content.kind === "approved") await sendEdition({ …, edition: content.edition, rendered: content.rendered });
 */
export function resolveReviewedContent(input: {
  store: DraftStore;
  config: Config;
  date: string;
  now: Date;
}): ReviewedContent {
  const { store, config, date, now } = input;
  const { deadline: label, fallback: onDeadline } = config.review;
  const draft = store.get(draftKeyOf({ date, section: config.section }));
  const deadline = zonedTime(date, label, config.timeZone);
  const decision = decideReview({
    state: draft?.state ?? null,
    held: draft?.held ?? null,
    fallback: draft?.fallback ?? null,
    now,
    deadline,
    onDeadline,
    deadlineLabel: label,
  });
  switch (decision.action) {
    case "send-approved":
      return approvedContent(draft as StoredDraft);
    case "held": {
      const { by, at, reason } = decision.hold;
      return {
        kind: "not-sent",
        held: true,
        reason: `held at the desk by ${by} at ${formatZoned(new Date(at), config.timeZone)}: ${reason}`,
      };
    }
    case "wait":
      return {
        kind: "wait",
        until: decision.until,
        reason: `review required: the draft of ${date} is ${decision.state ?? "not opened"} - waiting for an editor's approval until the deadline ${formatZoned(decision.until, config.timeZone)}`,
      };
    case "fallback": {
      if (draft && draft.fallback === null) recordFallback(store, draft, decision.fallback, now);
      return decision.fallback === "skip"
        ? { kind: "not-sent", held: false, reason: decision.reason }
        : { kind: "proposal", edition: draft?.proposal ?? null, reason: decision.reason };
    }
  }
}

/**
 * Marks the draft of `date` sent (state `sent`, logged by "digest"); a draft already sent or never
 * opened is left alone.
 *
 * @example
 * markDraftSent(ledger.drafts, config, { date, editionKey, at: new Date() });
 */
export function markDraftSent(
  store: DraftStore,
  config: Config,
  sent: { date: string; editionKey: string; at: Date },
): void {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const draft = store.get(draftKeyOf({ date: sent.date, section: config.section }));
    if (!draft || draft.state === "sent") return;
    const at = sent.at.toISOString();
    const version = draft.version + 1;
    const next: StoredDraft = {
      ...draft,
      version,
      state: "sent",
      sent: { at, editionKey: sent.editionKey },
      updatedBy: MACHINE,
      updatedAt: at,
    };
    const change: DraftChange = {
      version,
      at,
      by: MACHINE,
      field: "state",
      before: draft.state,
      after: "sent",
    };
    if (store.update(next, draft.version, [change])) return;
  }
}

function approvedContent(draft: StoredDraft): ReviewedContent {
  const { approved, frozen } = draft;
  // The rendering is sent as it was approved: a changed byte (or a lost approval) refuses the send.
  if (approved === null || frozen === null || hashRendering(frozen) !== approved.hash) {
    throw new DigestError(
      "E_REVIEW",
      `refusing to send the edition of ${draft.date} - its frozen rendering does not match the approved hash${approved ? ` ${approved.hash.slice(0, 12)}…` : ""}. Approve it again ('digest review approve --date ${draft.date} --by NAME')`,
      { where: draft.key },
    );
  }
  return {
    kind: "approved",
    edition: draft.edition,
    rendered: JSON.parse(frozen) as RenderedEdition,
    approvedBy: approved.by,
  };
}

function recordFallback(store: DraftStore, draft: StoredDraft, action: "skip" | "send-proposal", now: Date) {
  const at = now.toISOString();
  const version = draft.version + 1;
  const next: StoredDraft = {
    ...draft,
    version,
    fallback: { action, at },
    updatedBy: MACHINE,
    updatedAt: at,
  };
  const change: DraftChange = { version, at, by: MACHINE, field: "fallback", before: null, after: action };
  // Lost to a concurrent write (an editor saved at the deadline): the next look decides afresh.
  store.update(next, draft.version, [change]);
}

/**
 * Auto mode sends the machine's edition; when an editor has worked on the draft of `date`, the
 * line to log so nobody believes their edit or hold counts. Null when there is nothing to say.
 *
 * @example
 * describeIgnoredDraft(store, config, "2027-03-28");
 * // "review.mode is auto: the draft of 2027-03-28 (held by anna) is not consulted - …"
 */
export function describeIgnoredDraft(store: DraftStore, config: Config, date: string): string | null {
  if (config.review.mode !== "auto") return null;
  const draft = store.get(draftKeyOf({ date, section: config.section }));
  if (!draft || draft.state === "proposed" || draft.state === "sent") return null;
  const who = draft.held
    ? `held by ${draft.held.by}`
    : draft.approved
      ? `approved by ${draft.approved.by}`
      : `edited by ${draft.updatedBy}`;
  return `review.mode is auto: the draft of ${date} (${who}) is not consulted - the machine's edition is sent; set review.mode to "required" to send only what the desk approved`;
}
