/**
 * The pre-send gate: `checkEdition` judges a rendered edition against every rule in CHECK_RULES.
 * `digest check` prints its report; before a send the pipeline applies `enforceGate`.
 */
export { checkEdition } from "./check-edition.js";
export { classifyUrl, isPlaceholderHost, type UrlVerdict } from "./classify-url.js";
export { composeMime } from "./compose-mime.js";
export { enforceGate } from "./enforce-gate.js";
export type { CheckInput, CheckMeasures, CheckReport, Finding, Severity } from "./finding.js";
export { formatCheckReport } from "./format-check-report.js";
export { readEditionFile } from "./read-edition-file.js";
export { reportRenderFailure } from "./report-render-failure.js";
export { MAX_PREHEADER_CHARS, MIN_PREHEADER_CHARS } from "./rules/check-preheader.js";
export { MAX_MIME_BYTES } from "./rules/check-size.js";
export { MAX_SUBJECT_CHARS } from "./rules/check-subject.js";
export { CHECK_RULES, type RuleId } from "./rules.js";
export { type MjmlIssue, validateMjml } from "./validate-mjml.js";
