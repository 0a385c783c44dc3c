import type { Edition } from "../../types.js";
import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { capFindings, createFinding } from "../rules.js";

const OPENING = "{{";
/** How far a tag is read after its opening braces, to name it in the finding. */
const MAX_TAG_CHARS = 60;

/**
 * `template/unrendered`, `template/literal`: no `{{` left in the subject, preheader, HTML or
 * text. A tag that also stands in the edition's own text came from an article (which is shown as
 * text, never evaluated) and is only a warning; any other one is a template that did not render.
 *
 * @example
 * checkUnrendered({ ...context, email: { ...email, text: "Hallo {{name}}" } }); // [{ rule: "template/unrendered", … }]
 */
export function checkUnrendered(context: RuleContext): Finding[] {
  const { email, document } = context;
  const content = editionTexts(context.edition);
  const attributes: string[] = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.value.includes(OPENING)) attributes.push(attribute.value);
    }
  }
  const parts: [string, string][] = [
    ["subject", email.subject],
    ["preheader", email.preheader],
    ["HTML part", document.documentElement.textContent ?? ""],
    ["HTML attributes", attributes.join(" ")],
    ["text part", email.text],
  ];
  const unrendered: Finding[] = [];
  const literal: Finding[] = [];
  for (const [where, text] of parts) {
    for (const tag of findTags(text)) {
      if (content.some((value) => value.includes(tag))) {
        literal.push(
          createFinding(
            "template/literal",
            `${where} "${tag}"`,
            `article text contains "${tag}"; it is shown literally, not evaluated`,
            "nothing to do unless the braces are an artefact of the source; then correct the article",
          ),
        );
      } else {
        unrendered.push(
          createFinding(
            "template/unrendered",
            `${where} "${tag}"`,
            `the ${where} contains the unrendered template tag "${tag}"`,
            "fix the tag in templates/ (a misspelt helper or partial, or triple braces that leaked) and render again",
          ),
        );
      }
    }
  }
  return [...capFindings(unrendered), ...capFindings(literal)];
}

function findTags(text: string): string[] {
  const tags: string[] = [];
  let index = text.indexOf(OPENING);
  while (index !== -1) {
    const close = text.indexOf("}}", index + OPENING.length);
    const end = close === -1 || close - index > MAX_TAG_CHARS ? Math.min(text.length, index + 20) : close + 2;
    tags.push(text.slice(index, end));
    index = text.indexOf(OPENING, end);
  }
  return tags;
}

function editionTexts(edition: Edition): string[] {
  const texts = [edition.subject, edition.preheader];
  for (const story of edition.stories) {
    texts.push(story.headline, story.teaser, ...story.authors, ...story.keyPoints.map((point) => point.text));
    for (const value of [
      story.kicker,
      story.dateline,
      story.section,
      story.url,
      story.image?.caption,
      story.image?.credit,
    ]) {
      if (value) texts.push(value);
    }
    if (story.image?.alt) texts.push(story.image.alt);
  }
  return texts;
}
