import type { Config } from "../config/index.js";
import type { RenderedEdition } from "../types.js";
import { compileMimeTemplate, concatMimeMessage, fillMimeTemplate } from "./compile-mime-template.js";
import { editionKeyOf } from "./ledger.js";

/**
 * A reader with a long-ish name and umlauts, so header encoding and folding are exercised as for
 * a real one. The address is the sender's own: a sample never goes anywhere.
 */
export const SAMPLE_READER_NAME = "Anna-Lena Müller-Lüdenscheidt";
/** Signs the sample's unsubscribe token when no real secret is at hand; the token's shape is the same. */
const SAMPLE_SECRET = "digest-sample-message-not-a-secret";

/**
 * The message `digest send` would write for one sample reader, encoded by the deliver stage's own
 * MIME encoder: headers (From, To, Subject, List-Id, List-Unsubscribe, List-Unsubscribe-Post …)
 * and body exactly as sent. The studio shows its headers; `digest check --sending` gates it.
 *
 * @example
 * const mime = composeSampleMessage(rendered, config, { now: new Date() });
 * mime.toString("utf8").includes("List-Unsubscribe-Post: List-Unsubscribe=One-Click"); // true with links.unsubscribe
 */
export function composeSampleMessage(
  rendered: RenderedEdition,
  config: Config,
  options: { now: Date; secret?: string | undefined },
): Buffer {
  const list = "sample";
  const template = compileMimeTemplate({
    rendered,
    config,
    editionKey: editionKeyOf({ date: rendered.date, section: config.section, list }),
    list,
    date: options.now,
    secret: options.secret ?? SAMPLE_SECRET,
  });
  return concatMimeMessage(
    fillMimeTemplate(template, { email: config.sender.address, name: SAMPLE_READER_NAME }),
  );
}
