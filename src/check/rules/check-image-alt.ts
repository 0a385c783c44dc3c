import type { Finding } from "../finding.js";
import { describeElement } from "../parse-email-html.js";
import type { RuleContext } from "../rule-context.js";
import { capFindings, createFinding } from "../rules.js";

/**
 * `images/alt`: every `<img>` has an `alt` attribute. Most clients block images by default, and
 * then the alt text is all the reader sees (an empty `alt=""` is right for decorative images).
 *
 * @example
 * checkImageAlt(context); // one finding per <img> without alt
 */
export function checkImageAlt(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const image of context.document.querySelectorAll("img")) {
    if (image.hasAttribute("alt")) continue;
    findings.push(
      createFinding(
        "images/alt",
        describeElement(image),
        "an image has no alt attribute",
        'give the image an alt text in templates/ (mj-image alt="…"; alt="" only for decoration)',
      ),
    );
  }
  return capFindings(findings);
}
