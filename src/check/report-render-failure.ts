import { isDigestError } from "../errors.js";
import type { CheckReport } from "./finding.js";
import { toMjmlFinding } from "./rules/check-mjml.js";
import { capFindings } from "./rules.js";
import { validateMjml } from "./validate-mjml.js";

/**
 * The gate's report for an edition whose MJML did not compile: the renderer compiles strictly
 * and throws on the first problem; this names every issue as a `mjml/valid` finding, so
 * `digest check` and the studio can show the rule instead of an exception. Null when `error` is
 * not an MJML failure (a template or I/O error stays an error).
 *
 * @example
 * const report = await reportRenderFailure(error, mjml);
 * if (report === null) throw error;
 */
export async function reportRenderFailure(error: unknown, mjml: string): Promise<CheckReport | null> {
  const issues = isDigestError(error, "E_RENDER") ? await validateMjml(mjml) : [];
  if (issues.length === 0) return null;
  return { ok: false, findings: capFindings(issues.map(toMjmlFinding)) };
}
