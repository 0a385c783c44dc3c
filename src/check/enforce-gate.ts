import { DigestError } from "../errors.js";
import type { CheckReport } from "./finding.js";
import { formatCheckReport } from "./format-check-report.js";

/**
 * The gate's verdict before a send: warnings are logged, errors refuse the send (E_CHECK, exit 2)
 * unless `force`, in which case they are logged and the send goes ahead.
 *
 * @throws DigestError E_CHECK when the report has errors and `force` is false.
 * @example
 * enforceGate(report, { force: false, warn: (message) => logger.warn(message) });
 */
export function enforceGate(
  report: CheckReport,
  options: { force: boolean; warn: (message: string) => void },
): void {
  if (report.findings.length === 0) return;
  const text = formatCheckReport(report).trimEnd();
  if (report.ok) {
    options.warn(`pre-send gate:\n${text}`);
    return;
  }
  if (options.force) {
    options.warn(`pre-send gate failed, sending anyway (--force):\n${text}`);
    return;
  }
  const rules = [...new Set(report.findings.filter((f) => f.severity === "error").map((f) => f.rule))];
  options.warn(text);
  throw new DigestError(
    "E_CHECK",
    `refusing to send - the edition fails the pre-send gate (${rules.join(", ")}). Fix the findings above (see 'digest check') or send anyway with --force`,
    { where: "pre-send gate" },
  );
}
