import { quoteLogValue } from "../unsafe-chars.js";
import type { DraftConflict } from "./create-desk.js";

/** At most this many changes are spelled out in a conflict message; the rest are counted. */
export const MAX_CONFLICT_CHANGES_SHOWN = 3;

/**
 * One line saying why a save was refused and what the other editor changed (pure): for the CLI's
 * E_CONFLICT message and the desk's conflict banner.
 *
 * @example
 * describeConflict(conflict);
 * // "the draft of 2027-03-28 is at version 3, your edit started from version 2 - anna changed at 2027-03-28T05:02:00.000Z: stories[x].keyPoints[1] "Alt" → "Neu". Nothing of yours was saved: load version 3 and apply your change again"
 */
export function describeConflict(conflict: DraftConflict): string {
  const { draft, yourVersion, changes } = conflict;
  const shown = changes
    .slice(0, MAX_CONFLICT_CHANGES_SHOWN)
    .map(
      (c) =>
        `${c.by} changed at ${c.at}: ${c.field} ${c.before === null ? "(none)" : quoteLogValue(c.before)} → ${c.after === null ? "(none)" : quoteLogValue(c.after)}`,
    );
  const more =
    changes.length > MAX_CONFLICT_CHANGES_SHOWN
      ? `; and ${changes.length - MAX_CONFLICT_CHANGES_SHOWN} more (see 'digest review log --date ${draft.date}')`
      : "";
  const what = shown.length > 0 ? ` - ${shown.join("; ")}${more}` : "";
  return `the draft of ${draft.date} is at version ${draft.version}, your edit started from version ${yourVersion}${what}. Nothing of yours was saved: load version ${draft.version} and apply your change again`;
}
