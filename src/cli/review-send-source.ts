import type { Config } from "../config/index.js";
import type { Ledger } from "../deliver/index.js";
import { DigestError } from "../errors.js";
import type { EditionSource } from "../pipeline.js";
import { describeIgnoredDraft, resolveReviewedContent } from "../review/index.js";
import type { Logger } from "./logger.js";

/**
 * What `digest send` may send for `date` as the desk sees it (config `review.mode`). auto: the
 * inputs (warning when an editor's draft is ignored). required: the approved frozen rendering, or
 * at the deadline the fallback's proposal; held, not yet approved, or the fallback `skip` refuse
 * with E_UNAPPROVED (exit 3), the skip recorded in the ledger as the scheduler records it.
 *
 * @throws DigestError E_UNAPPROVED, or E_REVIEW for an approval whose frozen rendering changed.
 * @example
 * const { source } = reviewSendSource({ ledger, config, date, key, list, logger, now: new Date() });
 */
export function reviewSendSource(input: {
  ledger: Ledger;
  config: Config;
  date: string;
  key: string;
  list: string;
  logger: Logger;
  now: Date;
}): { source: EditionSource | null } {
  const { ledger, config, date, now } = input;
  if (config.review.mode !== "required") {
    const ignored = describeIgnoredDraft(ledger.drafts, config, date);
    if (ignored) input.logger.warn(ignored);
    return { source: null };
  }
  const reviewed = resolveReviewedContent({ store: ledger.drafts, config, date, now });
  switch (reviewed.kind) {
    case "approved":
      input.logger.info(`sending the edition of ${date} as approved by ${reviewed.approvedBy}`);
      return {
        source: { from: "saved", edition: reviewed.edition, rendered: reviewed.rendered },
      };
    case "proposal":
      input.logger.warn(`deadline fallback for ${date}: ${reviewed.reason} - sending the machine's proposal`);
      return {
        source: reviewed.edition === null ? null : { from: "edition", edition: reviewed.edition },
      };
    case "not-sent":
      if (!reviewed.held) {
        ledger.recordEditionState(input.key, {
          date,
          section: config.section,
          list: input.list,
          state: "skipped",
          reason: reviewed.reason,
          finishedAt: now.toISOString(),
        });
      }
      throw new DigestError("E_UNAPPROVED", `not sending the edition of ${date} - ${reviewed.reason}`, {
        where: input.key,
      });
    case "wait":
      throw new DigestError(
        "E_UNAPPROVED",
        `not sending the edition of ${date} - it is not approved yet (${reviewed.reason}). Approve it with 'digest review approve --date ${date} --by NAME'`,
        { where: input.key },
      );
  }
}
