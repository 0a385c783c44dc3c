import { classifyUrl } from "../classify-url.js";
import type { Finding } from "../finding.js";
import type { RuleContext } from "../rule-context.js";
import { createFinding } from "../rules.js";

/** RFC 8058: the only value List-Unsubscribe-Post may carry. */
const ONE_CLICK = "List-Unsubscribe=One-Click";

/**
 * `headers/unsubscribe`: when sending, `List-Unsubscribe` holds an https URL (and may add a
 * mailto), and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` is set (RFC 2369, RFC 8058).
 * Gmail and Yahoo require one-click unsubscribe from bulk senders since February 2024. Checked
 * whenever headers are given, required only when `sending`.
 *
 * @example
 * checkUnsubscribeHeaders({ ...context, sending: true, headers: new Map() }); // [{ rule: "headers/unsubscribe", … }]
 */
export function checkUnsubscribeHeaders(context: RuleContext): Finding[] {
  const { headers, sending } = context;
  if (headers === null) {
    return sending
      ? [
          createFinding(
            "headers/unsubscribe",
            "message headers",
            "the gate was given no message headers to check",
            "pass the headers (or the encoded message) of the message about to be sent",
          ),
        ]
      : [];
  }
  const value = headers.get("list-unsubscribe");
  if (value === undefined || value.trim() === "") {
    return sending ? [missing("List-Unsubscribe")] : [];
  }
  const findings: Finding[] = [];
  const targets = [...value.matchAll(/<([^>]*)>/g)].map((match) => (match[1] ?? "").trim());
  if (targets.length === 0) {
    findings.push(
      createFinding(
        "headers/unsubscribe",
        "List-Unsubscribe",
        `"${value}" holds no <URL> entries`,
        "write it as <https://…>, optionally followed by , <mailto:…>",
      ),
    );
  }
  let https = false;
  for (const target of targets) {
    const verdict = classifyUrl(target, { allowMailto: true });
    if (verdict.kind === "ok" && verdict.url.protocol === "https:") https = true;
    if (verdict.kind !== "ok") {
      findings.push(
        createFinding(
          "headers/unsubscribe",
          `List-Unsubscribe <${target}>`,
          `the unsubscribe target is not usable (${verdict.kind === "relative" || verdict.kind === "malformed" ? verdict.reason : verdict.kind === "placeholder" ? `placeholder host ${verdict.host}` : "plain http"})`,
          "set links.unsubscribe (https) and links.unsubscribeMailto in digest.config.json",
        ),
      );
    }
  }
  if (targets.length > 0 && !https) {
    findings.push(
      createFinding(
        "headers/unsubscribe",
        "List-Unsubscribe",
        "no https unsubscribe URL: one-click unsubscribe needs one",
        "set links.unsubscribe in digest.config.json to an https page that accepts POST",
      ),
    );
  }
  if (https && headers.get("list-unsubscribe-post")?.trim() !== ONE_CLICK) {
    findings.push(missing("List-Unsubscribe-Post", `must be "${ONE_CLICK}"`));
  }
  return findings;
}

function missing(name: string, detail = "is missing"): Finding {
  return createFinding(
    "headers/unsubscribe",
    `${name} header`,
    `the ${name} header ${detail}`,
    `send with ${name === "List-Unsubscribe" ? "List-Unsubscribe: <https://…>, <mailto:…>" : `List-Unsubscribe-Post: ${ONE_CLICK}`} (src/deliver builds it from links.unsubscribe)`,
  );
}
