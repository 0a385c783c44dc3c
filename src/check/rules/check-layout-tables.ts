import type { Finding } from "../finding.js";
import { describeElement } from "../parse-email-html.js";
import type { RuleContext } from "../rule-context.js";
import { capFindings, createFinding } from "../rules.js";

/**
 * `html/presentation`: every table carries `role="presentation"`. Email layout is built from
 * tables; without the role, screen readers announce "table, 3 rows, 1 column" around every block.
 *
 * @example
 * checkLayoutTables(context); // one finding per <table> without role="presentation"
 */
export function checkLayoutTables(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const table of context.document.querySelectorAll("table")) {
    if ((table.getAttribute("role") ?? "").trim().toLowerCase() === "presentation") continue;
    findings.push(
      createFinding(
        "html/presentation",
        describeElement(table),
        'a layout table has no role="presentation"',
        'add role="presentation" to the <table> (mj-raw blocks in templates/ are not given it by mjml)',
      ),
    );
  }
  return capFindings(findings);
}
