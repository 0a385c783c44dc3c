import { classifyUrl, type UrlVerdict } from "../classify-url.js";
import type { Finding } from "../finding.js";
import { describeElement } from "../parse-email-html.js";
import type { RuleContext } from "../rule-context.js";
import { capFindings, createFinding, type RuleId } from "../rules.js";

/** URLs in running plain text; trailing sentence punctuation is cut off afterwards. */
const TEXT_URL = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]»“"']+$/;

/**
 * `links/absolute`, `links/malformed`, `links/placeholder`, `links/https`: every link target and
 * image source in the HTML, and every URL in the text part, is a real absolute http(s) address. A
 * relative link is dead in an inbox; a placeholder host means a template default slipped through.
 *
 * @example
 * checkLinks(context); // [{ rule: "links/placeholder", where: '<a href="https://example.com/">', … }]
 */
export function checkLinks(context: RuleContext): Finding[] {
  const byRule = new Map<RuleId, Finding[]>();
  const add = (finding: Finding | null) => {
    if (finding === null) return;
    const list = byRule.get(finding.rule as RuleId) ?? [];
    list.push(finding);
    byRule.set(finding.rule as RuleId, list);
  };
  for (const link of context.document.querySelectorAll("a[href], area[href]")) {
    add(
      toFinding(
        classifyUrl(link.getAttribute("href") ?? "", { allowMailto: true }),
        describeElement(link),
        "link",
      ),
    );
  }
  for (const link of context.document.querySelectorAll("a:not([href])")) {
    add(toFinding({ kind: "relative", reason: "the link has no href" }, describeElement(link), "link"));
  }
  for (const image of context.document.querySelectorAll("img")) {
    add(toFinding(classifyUrl(image.getAttribute("src") ?? ""), describeElement(image), "image source"));
  }
  for (const match of context.email.text.matchAll(TEXT_URL)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    add(toFinding(classifyUrl(url), `text part "${url}"`, "URL"));
  }
  return [...byRule.values()].flatMap(capFindings);
}

function toFinding(verdict: UrlVerdict, where: string, what: string): Finding | null {
  switch (verdict.kind) {
    case "ok":
      return null;
    case "relative":
      return createFinding(
        "links/absolute",
        where,
        `the ${what} is not an absolute http(s) URL: ${verdict.reason}`,
        "use a full https:// URL - relative links are dead in an inbox; check the template and the links.* config",
      );
    case "malformed":
      return createFinding(
        "links/malformed",
        where,
        `the ${what} is malformed: ${verdict.reason}`,
        "correct the URL in the article's url field or in the links.* config (percent-encode spaces)",
      );
    case "placeholder":
      return createFinding(
        "links/placeholder",
        where,
        `the ${what} points at the placeholder host ${verdict.host}`,
        "set the newsroom's real URLs in digest.config.json (links.website, links.imprint, links.privacy, links.unsubscribe) and in the inputs",
      );
    case "insecure":
      return createFinding(
        "links/https",
        where,
        `the ${what} uses plain http: ${verdict.url.href}`,
        "use https:// - some clients warn about insecure links",
      );
  }
}
