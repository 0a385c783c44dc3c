/**
 * What the pre-send gate reports. A finding names the rule it breaks, how bad it is, where the
 * problem sits and what to do about it; errors block a send, warnings are shown and let it pass.
 */
import type { Config } from "../config/index.js";
import type { Edition, RenderedEmail } from "../types.js";

/** `error` blocks the send (exit 2); `warning` is reported and lets it pass. */
export type Severity = "error" | "warning";

/** One problem found in an edition. */
export interface Finding {
  /** Rule id, `area/name`, e.g. `size/max`, `links/absolute`, `footer/legal`. */
  rule: string;
  severity: Severity;
  /** Where the problem is: `subject`, `html <img src="…">`, `text part`, `config links.imprint` … */
  where: string;
  /** What is wrong, with the measured value when there is one. */
  message: string;
  /** What to do about it, naming the file, template or config key. */
  fix: string;
}

/** The gate's verdict: `ok` is false when at least one finding is an error. */
export interface CheckReport {
  ok: boolean;
  findings: Finding[];
  /** What the gate measured (absent when rendering stopped at invalid MJML). */
  measures?: CheckMeasures;
}

/** Sizes the gate measured, in bytes. */
export interface CheckMeasures {
  /** The encoded MIME message: what Gmail's clipping limit applies to. */
  mimeBytes: number;
  /** The HTML part as UTF-8, before transfer encoding. */
  htmlBytes: number;
  /** The text part as UTF-8, before transfer encoding. */
  textBytes: number;
}

/** What the gate looks at. Only `edition`, `email`, `config` and `sending` are required. */
export interface CheckInput {
  edition: Edition;
  /** The email as a reader gets it (the preview, or one personalised copy). */
  email: RenderedEmail;
  /** The MJML source the HTML was compiled from; when given, it is validated (`mjml/valid`). */
  mjml?: string | undefined;
  /** The encoded message; when absent, the gate composes one with nodemailer to measure it. */
  mime?: string | Uint8Array | undefined;
  /** Message headers (e.g. `List-Unsubscribe`); when absent, read from `mime` if given. */
  headers?: Record<string, string> | undefined;
  config: Config;
  /** True when the edition is about to go out: the unsubscribe headers become mandatory. */
  sending: boolean;
}
