import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { capFindings, createFinding } from "../rules.js";
import type { MjmlIssue } from "../validate-mjml.js";

/**
 * `mjml/valid`: the MJML the HTML was compiled from has no validation errors. Skipped when no
 * MJML source was handed to the gate.
 *
 * @example
 * checkMjml({ ...context, mjmlIssues: [{ line: 3, tagName: "mj-text", message: "Attribute foo is illegal" }] });
 */
export function checkMjml(context: RuleContext): Finding[] {
  if (context.mjmlIssues === null) return [];
  return capFindings(context.mjmlIssues.map(toMjmlFinding));
}

/**
 * One MJML validation issue as a `mjml/valid` finding.
 *
 * @example
 * toMjmlFinding({ line: 3, tagName: "mj-text", message: "Attribute foo is illegal" }).where; // "MJML line 3 <mj-text>"
 */
export function toMjmlFinding(issue: MjmlIssue): Finding {
  return createFinding(
    "mjml/valid",
    `MJML${issue.line === null ? "" : ` line ${issue.line}`}${issue.tagName ? ` <${issue.tagName}>` : ""}`,
    issue.message,
    "fix the element in templates/ (only attributes and children mjml allows for that tag); see https://documentation.mjml.io/",
  );
}
