import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { capFindings, createFinding } from "../rules.js";

/**
 * `mjml/valid`: the MJML the HTML was compiled from has no validation errors. Skipped when no
 * MJML source was handed to the gate.
 *
 * @example
 * checkMjml({ ...context, mjmlIssues: [{ line: 3, tagName: "mj-text", message: "Attribute foo is illegal" }] });
 */
export function checkMjml(context: RuleContext): Finding[] {
  if (context.mjmlIssues === null) return [];
  return capFindings(
    context.mjmlIssues.map((issue) =>
      createFinding(
        "mjml/valid",
        `MJML${issue.line === null ? "" : ` line ${issue.line}`}${issue.tagName ? ` <${issue.tagName}>` : ""}`,
        issue.message,
        "fix the element in templates/ (only attributes and children mjml allows for that tag); see https://documentation.mjml.io/",
      ),
    ),
  );
}
