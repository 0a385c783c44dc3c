import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

/** Below this the inbox fills the preview line with the email's first text (date line, "Guten Morgen"). */
export const MIN_PREHEADER_CHARS = 40;
/** Inbox previews show at most about 140 characters; more is never read. */
export const MAX_PREHEADER_CHARS = 140;

/**
 * `preheader/present`, `preheader/length`: a preheader of 40–140 characters that the HTML
 * actually carries (the hidden preview text at the top of the body).
 *
 * @example
 * checkPreheader(context); // [] for the seed edition
 */
export function checkPreheader(context: RuleContext): Finding[] {
  const preheader = collapse(context.email.preheader);
  if (preheader === "") {
    return [
      createFinding(
        "preheader/present",
        "preheader",
        "the preheader is empty",
        "check the top story's teaser in the inputs; the preheader is derived from it",
      ),
    ];
  }
  const findings: Finding[] = [];
  const bodyText = collapse(context.document.body?.textContent ?? "");
  if (!bodyText.includes(preheader)) {
    findings.push(
      createFinding(
        "preheader/present",
        "HTML part",
        "the HTML does not carry the preheader text",
        "put the preheader in the template (<mj-preview>{{preheader}}</mj-preview>)",
      ),
    );
  }
  const chars = [...preheader].length;
  if (chars < MIN_PREHEADER_CHARS || chars > MAX_PREHEADER_CHARS) {
    findings.push(
      createFinding(
        "preheader/length",
        "preheader",
        `the preheader has ${chars} characters (expected ${MIN_PREHEADER_CHARS}–${MAX_PREHEADER_CHARS}): "${preheader}"`,
        chars < MIN_PREHEADER_CHARS
          ? "lengthen the preheader: the top story's teaser is too short - check the article's lead"
          : "shorten the preheader derivation in src/render",
      ),
    );
  }
  return findings;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
