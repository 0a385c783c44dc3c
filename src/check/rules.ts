import type { Finding, Severity } from "./finding.js";

/**
 * Every rule of the pre-send gate, with its severity and what it guards against. The severity is
 * a property of the rule, not of the finding: an `error` rule always blocks, a `warning` never does.
 */
export const CHECK_RULES = {
  "size/max": {
    severity: "error",
    summary: "encoded message under 100 KB (Gmail clips at ~102 KB of raw source)",
  },
  "size/near": { severity: "warning", summary: "encoded message within 10 KB of the 100 KB limit" },
  "mjml/valid": { severity: "error", summary: "the MJML source validates cleanly (mjml strict validation)" },
  "html/lang-dir": { severity: "error", summary: "lang on <html>; lang and dir on the content wrapper" },
  "html/presentation": { severity: "error", summary: 'role="presentation" on every layout table' },
  "html/headlines": { severity: "error", summary: "the HTML part holds every story's headline" },
  "images/alt": { severity: "error", summary: "alt attribute on every image" },
  "links/absolute": {
    severity: "error",
    summary: "every link and image source is an absolute http(s) URL (mailto: for links)",
  },
  "links/malformed": {
    severity: "error",
    summary: "every URL is well-formed: parsable, no spaces, a real host name",
  },
  "links/placeholder": {
    severity: "error",
    summary: "no placeholder hosts (example.com/.org/.net, *.example, *.invalid, *.test, localhost)",
  },
  "links/dropped": {
    severity: "warning",
    summary: "no story or image URL left out for not being http(s) (javascript:, data:, relative)",
  },
  "links/https": { severity: "warning", summary: "links use https rather than plain http" },
  "subject/present": { severity: "error", summary: "a subject line" },
  "subject/length": { severity: "error", summary: "subject at most 90 characters" },
  "preheader/present": { severity: "error", summary: "a preheader, present in the HTML" },
  "preheader/length": { severity: "error", summary: "preheader between 40 and 140 characters" },
  "chars/control": {
    severity: "error",
    summary: "no control characters in subject, preheader, HTML or text",
  },
  "chars/bidi": {
    severity: "error",
    summary: "no invisible bidi controls (U+202E …) in subject, preheader, HTML or text",
  },
  "chars/replacement": {
    severity: "warning",
    summary: "no U+FFFD replacement characters (a sign of a wrongly decoded input)",
  },
  "template/unrendered": { severity: "error", summary: "no unrendered {{ template tags in any part" },
  "template/literal": { severity: "warning", summary: "{{ that comes from article text, shown literally" },
  "text/present": { severity: "error", summary: "a plain-text part" },
  "text/headlines": { severity: "error", summary: "the plain-text part holds every story's headline" },
  "footer/legal": {
    severity: "error",
    summary: "Abmelden, Impressum and Datenschutz links configured and present in both parts",
  },
  "story/date": {
    severity: "warning",
    summary: "the top story carries a date within limits.freshnessHours of the edition time",
  },
  "headers/unsubscribe": {
    severity: "error",
    summary: "List-Unsubscribe (and List-Unsubscribe-Post for one-click) headers when sending",
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type RuleId = keyof typeof CHECK_RULES;

/**
 * Builds a finding with the rule's registered severity.
 *
 * @example
 * createFinding("subject/length", "subject", "the subject has 97 characters (max 90)", "shorten it");
 */
export function createFinding(rule: RuleId, where: string, message: string, fix: string): Finding {
  return { rule, severity: CHECK_RULES[rule].severity, where, message, fix };
}

/** More findings of one rule than this are folded into a single "and N more" finding. */
export const MAX_FINDINGS_PER_RULE = 10;

/**
 * Caps a rule's findings at MAX_FINDINGS_PER_RULE, adding one finding that counts the rest.
 *
 * @example
 * capFindings(manyAltFindings).length; // 11 at most
 */
export function capFindings(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings;
  const kept = findings.slice(0, MAX_FINDINGS_PER_RULE);
  const first = findings[0]!;
  const rest = findings.length - MAX_FINDINGS_PER_RULE;
  kept.push({
    ...first,
    where: `${rest} more place${rest === 1 ? "" : "s"}`,
    message: `and ${rest} more like the above`,
  });
  return kept;
}
