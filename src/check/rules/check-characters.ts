import { findBidiControl, quoteLogValue } from "../../unsafe-chars.js";
import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const REPLACEMENT = "\ufffd";

/**
 * `chars/control`, `chars/bidi`, `chars/replacement`: no control characters anywhere, no bidi
 * controls (they reorder what a reader sees: a subject or a link text that reads as something it
 * is not), and no U+FFFD, which marks bytes that were decoded with the wrong charset somewhere
 * upstream. Tab and line breaks are fine in the bodies but not in the subject or preheader, which
 * are single lines. Ingest strips bidi controls, so one here came from an edition file, the
 * config or a template.
 *
 * @example
 * checkCharacters({ ...context, email: { ...email, subject: "A\u0007B" } }); // [{ rule: "chars/control", … }]
 */
export function checkCharacters(context: RuleContext): Finding[] {
  const { email } = context;
  const parts: [string, string, boolean][] = [
    ["subject", email.subject, false],
    ["preheader", email.preheader, false],
    ["HTML part", email.html, true],
    ["text part", email.text, true],
  ];
  const findings: Finding[] = [];
  for (const [where, text, multiline] of parts) {
    const index = findControl(text, multiline);
    if (index !== -1) {
      const code = text.codePointAt(index)!.toString(16).toUpperCase().padStart(4, "0");
      findings.push(
        createFinding(
          "chars/control",
          `${where} at character ${index}: "${excerpt(text, index)}"`,
          `the ${where} contains the control character U+${code}`,
          "remove it from the input article (ingest strips C0/C1 controls from text files; check JSON inputs and templates/)",
        ),
      );
    }
    const bidi = findBidiControl(text);
    if (bidi !== -1) findings.push(bidiFinding(where, text, bidi));
    const replacement = text.indexOf(REPLACEMENT);
    if (replacement !== -1) {
      findings.push(
        createFinding(
          "chars/replacement",
          `${where} at character ${replacement}: "${excerpt(text, replacement)}"`,
          `the ${where} contains U+FFFD (a character lost to a wrong charset)`,
          "re-export the input article as UTF-8 or declare its charset",
        ),
      );
    }
  }
  return findings;
}

function bidiFinding(where: string, text: string, index: number): Finding {
  const code = text.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0");
  return createFinding(
    "chars/bidi",
    `${where} at character ${index}: ${quoteLogValue(text.slice(Math.max(0, index - 20), index + 20))}`,
    `the ${where} contains the invisible bidi control U+${code}, which changes the order in which the text around it is shown`,
    "remove it from the input article, edition file, config (brand.*, sender.*) or templates/ - ingest strips bidi controls from articles",
  );
}

/** C0 controls, DEL and C1 controls; tab, line feed and carriage return only when `multiline`. */
function isControl(code: number, multiline: boolean): boolean {
  if (multiline && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

function findControl(text: string, multiline: boolean): number {
  for (let index = 0; index < text.length; index += 1) {
    if (isControl(text.charCodeAt(index), multiline)) return index;
  }
  return -1;
}

function excerpt(text: string, index: number): string {
  return [...text.slice(Math.max(0, index - 20), index + 20)]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return isControl(code, false) ? `\\u${code.toString(16).padStart(4, "0")}` : char;
    })
    .join("");
}
