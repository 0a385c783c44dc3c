import { toSafeHttpUrl } from "../../render/index.js";
import { quoteLogValue } from "../../unsafe-chars.js";
import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

/**
 * `links/dropped`: a story URL or image URL that the renderer left out because it is not an
 * absolute http(s) URL (`javascript:`, `data:`, relative, with credentials). Dropping it is
 * right - it must never become a link - but silently the story loses its "Weiterlesen" link or
 * its picture, so the editor hears which story and which URL.
 *
 * @example
 * checkDroppedLinks(context); // [{ rule: "links/dropped", where: 'story 2 "Koalition einigt sich"', … }]
 */
export function checkDroppedLinks(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  context.edition.stories.forEach((story, index) => {
    const where = `story ${index + 1} ${quoteLogValue(story.headline)}`;
    if (story.url && toSafeHttpUrl(story.url) === null) {
      findings.push(
        createFinding(
          "links/dropped",
          where,
          `the story URL ${quoteLogValue(story.url)} is not an absolute http(s) URL and was left out - the story has no "Weiterlesen" link`,
          "give the article its https:// URL in the input (url field, canonical link or feed link)",
        ),
      );
    }
    const image = story.image?.url;
    if (image && toSafeHttpUrl(image) === null) {
      findings.push(
        createFinding(
          "links/dropped",
          where,
          `the image URL ${quoteLogValue(image)} is not an absolute http(s) URL and was left out - the story shows no picture`,
          "give the image an https:// URL in the input, or remove it",
        ),
      );
    }
  });
  return findings;
}
