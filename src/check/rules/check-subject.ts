import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

/** Longer subjects are cut off in most inbox lists (Gmail desktop shows about 70–90 characters). */
export const MAX_SUBJECT_CHARS = 90;

/**
 * `subject/present`, `subject/length`: a subject of at most MAX_SUBJECT_CHARS characters.
 *
 * @example
 * checkSubject({ ...context, email: { ...email, subject: "" } }); // [{ rule: "subject/present", … }]
 */
export function checkSubject(context: RuleContext): Finding[] {
  const subject = context.email.subject.trim();
  if (subject === "") {
    return [
      createFinding(
        "subject/present",
        "subject",
        "the subject line is empty",
        "check the top story's headline in the inputs; the subject is derived from it",
      ),
    ];
  }
  const chars = [...subject].length;
  if (chars > MAX_SUBJECT_CHARS) {
    return [
      createFinding(
        "subject/length",
        "subject",
        `the subject has ${chars} characters (max ${MAX_SUBJECT_CHARS}): "${subject}"`,
        "shorten the subject derivation in src/render or the top story's headline",
      ),
    ];
  }
  return [];
}
