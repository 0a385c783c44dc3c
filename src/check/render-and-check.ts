import type { Config } from "../config/index.js";
import { isDigestError } from "../errors.js";
import type { Renderer } from "../render/index.js";
import type { Edition, RenderedEdition, RenderedEmail } from "../types.js";
import { checkEdition } from "./check-edition.js";
import type { CheckReport } from "./finding.js";
import { toMjmlFinding } from "./rules/check-mjml.js";
import { capFindings } from "./rules.js";
import { validateMjml } from "./validate-mjml.js";

/** An edition rendered as the reader gets it, and the gate's verdict on it. */
export interface CheckedEdition {
  /** The MJML source the HTML was compiled from. */
  mjml: string;
  /** The anonymous preview email, or null when the MJML did not validate and so did not compile. */
  email: RenderedEmail | null;
  /** The encoded message the gate measured, when `message` was given and the HTML compiled. */
  mime: Buffer | null;
  report: CheckReport;
}

/**
 * Renders the edition's preview with `renderer` and runs the pre-send gate on it. The renderer
 * compiles MJML strictly and throws on invalid MJML; that case becomes `mjml/valid` findings
 * (every issue, not just the first) instead of an exception, so `digest check` and the studio
 * can name the rule. With `message`, the gate measures that encoded message and reads its headers
 * (the way `digest send` builds it) instead of composing a generic one.
 *
 * @example
 * const { report } = await renderAndCheckEdition({ edition, config, renderer: createRenderer(), sending: false });
 */
export async function renderAndCheckEdition(input: {
  edition: Edition;
  config: Config;
  renderer: Renderer;
  sending: boolean;
  headers?: Record<string, string> | undefined;
  message?: ((rendered: RenderedEdition) => Buffer) | undefined;
}): Promise<CheckedEdition> {
  const { edition, config, renderer } = input;
  const mjml = renderer.renderMjml(edition, config);
  let email: RenderedEmail;
  let mime: Buffer | null = null;
  try {
    email = await renderer.renderPreview(edition, config);
    if (input.message) mime = input.message(await renderer.renderEdition(edition, config));
  } catch (error) {
    const issues = isDigestError(error, "E_RENDER") ? await validateMjml(mjml) : [];
    if (issues.length === 0) throw error;
    const findings = capFindings(issues.map(toMjmlFinding));
    return { mjml, email: null, mime: null, report: { ok: false, findings } };
  }
  const report = await checkEdition({
    edition,
    email,
    mjml,
    config,
    sending: input.sending,
    headers: input.headers,
    mime: mime ?? undefined,
  });
  return { mjml, email, mime, report };
}
