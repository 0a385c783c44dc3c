import type { CheckReport } from "./finding.js";

/**
 * The report as lines for a terminal or a log: one block per finding, errors first, then a
 * summary line naming the rules that failed.
 *
 * @example
 * formatCheckReport({ ok: false, findings: [{ rule: "size/max", severity: "error", where: "encoded MIME message",
 *   message: "the encoded message is 120.3 KB …", fix: "shorten …" }] });
 * // "error   size/max  encoded MIME message\n        the encoded message is 120.3 KB …\n        fix: shorten …\n\ncheck failed: 1 error (size/max), 0 warnings\n"
 */
export function formatCheckReport(report: CheckReport): string {
  const ordered = [...report.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const blocks = ordered.map(
    (finding) =>
      `${finding.severity.padEnd(7)} ${finding.rule}  ${finding.where}\n        ${finding.message}\n        fix: ${finding.fix}\n`,
  );
  const errors = report.findings.filter((finding) => finding.severity === "error");
  const warnings = report.findings.length - errors.length;
  const failed = [...new Set(errors.map((finding) => finding.rule))];
  const summary = report.ok
    ? `check passed: 0 errors, ${plural(warnings, "warning")}`
    : `check failed: ${plural(errors.length, "error")} (${failed.join(", ")}), ${plural(warnings, "warning")}`;
  const sizes = report.measures
    ? `size: ${formatKb(report.measures.mimeBytes)} encoded (HTML ${formatKb(report.measures.htmlBytes)}, text ${formatKb(report.measures.textBytes)})\n`
    : "";
  return `${blocks.join("\n")}${blocks.length > 0 ? "\n" : ""}${sizes}${summary}\n`;
}

function severityRank(severity: string): number {
  return severity === "error" ? 0 : 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
