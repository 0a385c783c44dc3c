import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

/**
 * Gmail clips a message whose raw source exceeds about 102 KB, hiding the footer (and with it the
 * unsubscribe and legal links) behind "[Message clipped]". 100 KB leaves room for the headers a
 * relay adds (Received, DKIM-Signature, ARC…).
 */
export const MAX_MIME_BYTES = 100 * 1024;
/** From here on the size is reported as a warning, before it becomes a problem. */
export const NEAR_MIME_BYTES = 90 * 1024;

const FIX =
  "shorten the edition (fewer further headlines via limits.furtherHeadlines, shorter teasers via " +
  "limits.teaserChars) or slim the template's markup and CSS in templates/";

/**
 * `size/max`, `size/near`: the encoded MIME message stays clear of Gmail's clipping limit.
 *
 * @example
 * checkSize({ ...context, mimeBytes: 120_000 }); // [{ rule: "size/max", severity: "error", … }]
 */
export function checkSize(context: RuleContext): Finding[] {
  const { mimeBytes } = context;
  const measured = `${formatKb(mimeBytes)} (${mimeBytes} bytes, HTML part ${formatKb(Buffer.byteLength(context.email.html))})`;
  if (mimeBytes >= MAX_MIME_BYTES) {
    return [
      createFinding(
        "size/max",
        "encoded MIME message",
        `the encoded message is ${measured}; the limit is ${formatKb(MAX_MIME_BYTES)} - Gmail clips it and hides the footer`,
        FIX,
      ),
    ];
  }
  if (mimeBytes >= NEAR_MIME_BYTES) {
    return [
      createFinding(
        "size/near",
        "encoded MIME message",
        `the encoded message is ${measured}, close to the ${formatKb(MAX_MIME_BYTES)} limit`,
        FIX,
      ),
    ];
  }
  return [];
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
