import type { Config } from "../../config/index.js";
import { LEGAL_LINKS, type LegalLink } from "../data/legal-links.js";
import type { Finding } from "../finding.js";
import { describeElement, type EmailElement, visibleText } from "../parse-email-html.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

/**
 * `footer/legal`: the Abmelden, Impressum and Datenschutz links are configured and both parts
 * show them. A newsletter without them breaks German law (§ 5 DDG, Art. 13 GDPR, § 7 UWG) and the
 * mailbox providers' bulk-sender rules. The unsubscribe link may carry a per-reader token after
 * the configured URL, so it is matched on the configured URL as a prefix.
 *
 * @example
 * checkLegalFooter(context); // [] when links.unsubscribe/imprint/privacy are set and rendered
 */
export function checkLegalFooter(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const anchors = [...context.document.querySelectorAll("a[href]")];
  for (const link of LEGAL_LINKS) {
    const target = configuredTarget(link, context.config);
    const label = link.labels[0];
    if (target === null) {
      findings.push(
        createFinding(
          "footer/legal",
          `config ${link.configKey}`,
          `no ${label} link is configured`,
          `set ${link.configKey} in digest.config.json to the newsroom's ${label} page (https://…)`,
        ),
      );
      continue;
    }
    const pointing = anchors.filter((anchor) => matchesTarget(anchor.getAttribute("href") ?? "", target));
    if (pointing.length === 0) {
      const labelled = anchors.find((anchor) => hasLabel(anchor, link));
      findings.push(
        createFinding(
          "footer/legal",
          labelled ? `HTML part ${describeElement(labelled)}` : "HTML part footer",
          labelled
            ? `the ${label} link does not point at ${target} (${link.configKey})`
            : `the footer has no ${label} link to ${target}`,
          `render the ${label} link from ${link.configKey} in the footer partial (templates/)`,
        ),
      );
    } else if (!pointing.some((anchor) => hasLabel(anchor, link))) {
      findings.push(
        createFinding(
          "footer/legal",
          `HTML part ${describeElement(pointing[0]!)}`,
          `the link to ${target} is not labelled "${label}"`,
          `label the link "${label}" in the footer partial (templates/) - readers look for that word`,
        ),
      );
    }
    if (!context.email.text.includes(target.replace(/^mailto:/, ""))) {
      findings.push(
        createFinding(
          "footer/legal",
          "text part footer",
          `the plain-text part lacks the ${label} link ${target}`,
          `write "${label}: <url>" from ${link.configKey} in the text template's footer (templates/*.txt.hbs)`,
        ),
      );
    }
  }
  return findings;
}

function configuredTarget(link: LegalLink, config: Config): string | null {
  if (link.key === "unsubscribe") {
    if (config.links.unsubscribe) return config.links.unsubscribe;
    return config.links.unsubscribeMailto ? `mailto:${config.links.unsubscribeMailto}` : null;
  }
  return config.links[link.key];
}

function matchesTarget(href: string, target: string): boolean {
  const value = href.trim();
  if (value === target) return true;
  // A per-reader token is appended to the configured URL: as a query, a fragment or a path segment.
  const base = target.replace(/[?#].*$/, "").replace(/\/$/, "");
  return value.startsWith(base) && /^(?:$|[/?#&])/.test(value.slice(base.length));
}

function hasLabel(anchor: EmailElement, link: LegalLink): boolean {
  const text = visibleText(anchor)
    .replace(/\u00ad/g, "")
    .toLowerCase();
  return link.labels.some((label) => text.includes(label.toLowerCase()));
}
