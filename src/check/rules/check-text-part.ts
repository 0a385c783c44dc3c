import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

/**
 * `text/present`, `text/headlines`, `html/headlines`: both parts exist and carry every story's
 * headline. The text part is what text-only clients, screen-reader setups and spam filters read;
 * one without the stories looks like a bait-and-switch to a filter.
 *
 * @example
 * checkTextPart({ ...context, email: { ...email, text: "" } }); // [{ rule: "text/present", … }]
 */
export function checkTextPart(context: RuleContext): Finding[] {
  const { edition, email } = context;
  const findings: Finding[] = [];
  const text = collapse(email.text);
  const html = collapse(context.document.body?.textContent ?? "");
  if (text === "") {
    findings.push(
      createFinding(
        "text/present",
        "text part",
        "the plain-text part is empty",
        "render the text part from its template (templates/*.txt.hbs) along with the HTML",
      ),
    );
  }
  edition.stories.forEach((story, index) => {
    const headline = collapse(story.headline);
    const where = `story ${index + 1} "${headline}"`;
    if (text !== "" && !text.includes(headline)) {
      findings.push(
        createFinding(
          "text/headlines",
          where,
          "the plain-text part lacks this headline",
          "list every story's headline in the text template (templates/*.txt.hbs)",
        ),
      );
    }
    if (!html.includes(headline)) {
      findings.push(
        createFinding(
          "html/headlines",
          where,
          "the HTML part lacks this headline",
          "show every story's headline in the MJML template (templates/)",
        ),
      );
    }
  });
  return findings;
}

function collapse(text: string): string {
  return text
    .replace(/\u00ad/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
