import type { Config } from "../config/index.js";

/** What a per-reader token looks like in the header, so the check sees realistic URL lengths. */
const SAMPLE_TOKEN = "sample-reader-token";

/**
 * The List-Unsubscribe headers the configuration yields, shaped as `digest send` writes them
 * (https URL with a reader token, then the mailto; List-Unsubscribe-Post when there is an https
 * URL). `digest check --sending` checks these; `digest send` hands the gate its real message.
 *
 * @example
 * deriveUnsubscribeHeaders(config);
 * // { "List-Unsubscribe": "<https://…/abmelden?token=sample-reader-token>, <mailto:abmelden@…>",
 * //   "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
 */
export function deriveUnsubscribeHeaders(config: Config): Record<string, string> {
  const targets: string[] = [];
  const { unsubscribe, unsubscribeMailto } = config.links;
  if (unsubscribe) {
    const url = new URL(unsubscribe);
    url.searchParams.set("token", SAMPLE_TOKEN);
    targets.push(`<${url.href}>`);
  }
  if (unsubscribeMailto) targets.push(`<mailto:${unsubscribeMailto}?subject=unsubscribe%20${SAMPLE_TOKEN}>`);
  const headers: Record<string, string> = {};
  if (targets.length > 0) headers["List-Unsubscribe"] = targets.join(", ");
  if (unsubscribe) headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  return headers;
}
