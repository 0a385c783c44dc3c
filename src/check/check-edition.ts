/**
 * The pre-send gate. One pass over a rendered edition, in these steps:
 *
 *   1. measure   compose the MIME message (unless given) and take its encoded size
 *   2. validate  run mjml's validator over the MJML source (when given)
 *   3. parse     the HTML part into a DOM (linkedom), the headers into a map
 *   4. rules     every rule reads that context and returns its findings
 *   5. verdict   ok = no finding of severity "error"
 *
 * `digest check` prints the report; `digest send` refuses to send when it is not ok.
 */

import { composeMime } from "./compose-mime.js";
import type { CheckInput, CheckReport, Finding } from "./finding.js";
import { parseEmailHtml } from "./parse-email-html.js";
import { normalizeHeaders, parseMimeHeaders } from "./parse-mime-headers.js";
import type { Rule, RuleContext } from "./rule-context.js";
import { checkCharacters } from "./rules/check-characters.js";
import { checkDroppedLinks } from "./rules/check-dropped-links.js";
import { checkImageAlt } from "./rules/check-image-alt.js";
import { checkLangDir } from "./rules/check-lang-dir.js";
import { checkLayoutTables } from "./rules/check-layout-tables.js";
import { checkLegalFooter } from "./rules/check-legal-footer.js";
import { checkLinks } from "./rules/check-links.js";
import { checkMjml } from "./rules/check-mjml.js";
import { checkPreheader } from "./rules/check-preheader.js";
import { checkSize } from "./rules/check-size.js";
import { checkStoryDate } from "./rules/check-story-date.js";
import { checkSubject } from "./rules/check-subject.js";
import { checkTextPart } from "./rules/check-text-part.js";
import { checkUnrendered } from "./rules/check-unrendered.js";
import { checkUnsubscribeHeaders } from "./rules/check-unsubscribe-headers.js";
import { validateMjml } from "./validate-mjml.js";

/** The rules in the order their findings are reported. */
const RULES: readonly Rule[] = [
  checkSize,
  checkMjml,
  checkSubject,
  checkPreheader,
  checkLangDir,
  checkLayoutTables,
  checkImageAlt,
  checkLinks,
  checkDroppedLinks,
  checkLegalFooter,
  checkTextPart,
  checkCharacters,
  checkUnrendered,
  checkUnsubscribeHeaders,
  checkStoryDate,
];

/**
 * Runs every rule of the pre-send gate over one rendered edition and reports all findings at once.
 * Errors block a send; warnings do not. Async only because composing the MIME message and
 * compiling MJML are; it sends nothing and touches no files.
 *
 * @example
 * const report = await checkEdition({ edition, email, mjml, config, sending: false });
 * if (!report.ok) for (const f of report.findings) console.error(`${f.rule} ${f.where}: ${f.message}`);
 */
export async function checkEdition(input: CheckInput): Promise<CheckReport> {
  const headers = input.headers ?? {};
  const mime = input.mime ?? (await composeMime(input.email, input.config, headers));
  const context: RuleContext = {
    edition: input.edition,
    email: input.email,
    config: input.config,
    sending: input.sending,
    document: parseEmailHtml(input.email.html),
    mimeBytes: typeof mime === "string" ? Buffer.byteLength(mime) : mime.byteLength,
    mjmlIssues: input.mjml === undefined ? null : await validateMjml(input.mjml),
    headers: input.headers
      ? normalizeHeaders(input.headers)
      : input.mime !== undefined
        ? parseMimeHeaders(input.mime)
        : null,
  };
  const findings = dedupe(RULES.flatMap((rule) => rule(context)));
  return {
    ok: !findings.some((finding) => finding.severity === "error"),
    findings,
    measures: {
      mimeBytes: context.mimeBytes,
      htmlBytes: Buffer.byteLength(input.email.html),
      textBytes: Buffer.byteLength(input.email.text),
    },
  };
}

/** The same problem found twice in one place (a headline shown twice, say) is reported once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}\u0000${finding.where}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
