import type { Clock } from "../clock.js";
import type { Config } from "../config/index.js";
import type { DeliveryLogger, Ledger } from "../deliver/index.js";
import { DigestError } from "../errors.js";
import type { EditionSource } from "../pipeline.js";
import { describeIgnoredDraft, type ReviewedContent, resolveReviewedContent } from "../review/index.js";
import type { FireJob } from "./run-schedule.js";

/** How often a fire waiting for the desk looks at the draft again (required review). */
export const REVIEW_POLL_MS = 30_000;

/** What the desk lets a fire send: a source for runEdition (none: build from the inputs), or a skip. */
export type FireReview = { kind: "send"; source: EditionSource | null } | { kind: "skip"; reason: string };

/**
 * The desk's say over one fire. `review.mode` auto: the inputs (a warning when an editor's draft
 * is ignored). `required`: the approved frozen rendering, the proposal by the deadline fallback,
 * or a skip (held, or the fallback `skip`); until then it waits on the clock, looking every
 * REVIEW_POLL_MS. A resumed fire is not asked: it continues with what it first sent.
 *
 * @throws DigestError E_STOPPED when stopped while waiting; E_REVIEW for a tampered approval.
 * @example
 * const review = await reviewFire({ config, ledger, clock, logger }, job);
 * if (review.kind === "skip") return { kind: "skipped", reason: review.reason };
 */
export async function reviewFire(
  options: { config: Config; ledger: Ledger; clock: Clock; logger: DeliveryLogger },
  job: FireJob,
): Promise<FireReview> {
  const { config, ledger, logger } = options;
  if (config.review.mode !== "required") {
    const ignored = describeIgnoredDraft(ledger.drafts, config, job.date);
    if (ignored) logger.warn(ignored);
    return { kind: "send", source: null };
  }
  const reviewed = await awaitReview(options, job);
  switch (reviewed.kind) {
    case "not-sent":
      return { kind: "skip", reason: reviewed.reason };
    case "approved":
      logger.info(`sending the edition of ${job.date} as approved by ${reviewed.approvedBy}`);
      return {
        kind: "send",
        source: { from: "saved", edition: reviewed.edition, rendered: reviewed.rendered },
      };
    case "proposal":
      logger.warn(`deadline fallback for ${job.date}: ${reviewed.reason} - sending the machine's proposal`);
      return {
        kind: "send",
        source: reviewed.edition === null ? null : { from: "edition", edition: reviewed.edition },
      };
  }
}

async function awaitReview(
  options: { config: Config; ledger: Ledger; clock: Clock; logger: DeliveryLogger },
  job: FireJob,
): Promise<Exclude<ReviewedContent, { kind: "wait" }>> {
  let logged = false;
  for (;;) {
    const now = options.clock.now();
    const reviewed = resolveReviewedContent({
      store: options.ledger.drafts,
      config: options.config,
      date: job.date,
      now,
    });
    if (reviewed.kind !== "wait") return reviewed;
    if (!logged) options.logger.info(reviewed.reason);
    logged = true;
    await options.clock.sleep(Math.min(REVIEW_POLL_MS, reviewed.until.getTime() - now.getTime()), job.signal);
    if (job.signal.aborted) {
      throw new DigestError(
        "E_STOPPED",
        `stopped while waiting for the desk to approve the edition of ${job.date}`,
      );
    }
  }
}
