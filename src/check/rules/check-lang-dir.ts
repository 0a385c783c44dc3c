import type { Finding } from "../finding.js";
import type { EmailElement } from "../parse-email-html.js";
import { describeElement } from "../parse-email-html.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

const LANG_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const DIRECTIONS = new Set(["ltr", "rtl", "auto"]);
const FIX = 'set lang and dir on the <mjml> root of the template (<mjml lang="de" dir="ltr">)';

/**
 * `html/lang-dir`: `lang` and `dir` on `<html>` and on the content wrapper. Webmail (Gmail,
 * Outlook.com) drops the `<html>` element, so screen readers only learn the language from the
 * wrapper div; mjml 5 renders it as `<div role="article" aria-roledescription="email" lang dir>`.
 *
 * @example
 * checkLangDir(context); // [] when <html lang="de" dir="ltr"> and the wrapper carry both
 */
export function checkLangDir(context: RuleContext): Finding[] {
  const { document } = context;
  const findings: Finding[] = [];
  findings.push(...checkElement(document.documentElement, "<html>", ["lang"]));
  const wrapper = findContentWrapper(context);
  if (wrapper === null) {
    findings.push(
      createFinding(
        "html/lang-dir",
        "<body>",
        "no content wrapper element inside <body> to carry lang and dir",
        FIX,
      ),
    );
  } else {
    findings.push(
      ...checkElement(wrapper, `content wrapper ${describeElement(wrapper, 80)}`, ["lang", "dir"]),
    );
  }
  return findings;
}

function checkElement(
  element: EmailElement,
  where: string,
  required: readonly ("lang" | "dir")[],
): Finding[] {
  const findings: Finding[] = [];
  for (const name of required) {
    const value = element.getAttribute(name)?.trim() ?? "";
    if (value === "") {
      findings.push(createFinding("html/lang-dir", where, `${name} is missing`, FIX));
    } else if (name === "lang" && (!LANG_PATTERN.test(value) || value === "und")) {
      findings.push(
        createFinding("html/lang-dir", where, `lang="${value}" is not a language tag such as "de"`, FIX),
      );
    } else if (name === "dir" && !DIRECTIONS.has(value)) {
      findings.push(createFinding("html/lang-dir", where, `dir="${value}" is not ltr, rtl or auto`, FIX));
    }
  }
  return findings;
}

function findContentWrapper(context: RuleContext): EmailElement | null {
  const { document } = context;
  const article = document.querySelector('body [role="article"]');
  if (article) return article;
  // Without mjml's marker: the first element child of <body> that is not the hidden preheader.
  for (const child of document.querySelectorAll("body > *")) {
    const style = (child.getAttribute("style") ?? "").replace(/\s+/g, "").toLowerCase();
    if (!style.includes("display:none")) return child;
  }
  return null;
}
