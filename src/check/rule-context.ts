import type { Config } from "../config/index.js";
import type { Edition, RenderedEmail } from "../types.js";
import type { Finding } from "./finding.js";
import type { EmailDocument } from "./parse-email-html.js";
import type { MjmlIssue } from "./validate-mjml.js";

/** Everything a rule reads: the inputs plus what the gate measured and parsed once for all rules. */
export interface RuleContext {
  edition: Edition;
  email: RenderedEmail;
  config: Config;
  sending: boolean;
  /** The HTML part, parsed. */
  document: EmailDocument;
  /** Size of the encoded MIME message in bytes. */
  mimeBytes: number;
  /** MJML validation issues, or null when no MJML source was given. */
  mjmlIssues: MjmlIssue[] | null;
  /** Message headers (lower-cased names), or null when neither headers nor a MIME message were given. */
  headers: Map<string, string> | null;
}

/** A rule: pure, reads the context, returns its findings (none when the edition passes). */
export type Rule = (context: RuleContext) => Finding[];
