import type { Config } from "../config/index.js";
import { personalize } from "../render/index.js";
import type { RenderedEdition, RenderedEmail } from "../types.js";
import { compileMimeTemplate, concatMimeMessage, fillMimeTemplate } from "./compile-mime-template.js";
import { editionKeyOf } from "./ledger.js";
import { type DkimKey, signDkim } from "./sign-dkim.js";

/**
 * A reader with a long-ish name and umlauts, so header encoding and folding are exercised as for
 * a real one. The address is the sender's own: a sample never goes anywhere.
 */
export const SAMPLE_READER_NAME = "Anna-Lena Müller-Lüdenscheidt";
/** Signs the sample's unsubscribe token when no real secret is at hand; the token's shape is the same. */
const SAMPLE_SECRET = "digest-sample-message-not-a-secret";

/** The message for one sample reader: encoded as sent, and the email as personalised for them. */
export interface SampleMessage {
  /** The whole message (headers and body), DKIM-signed when a key is given. */
  mime: Buffer;
  /** The HTML and text the sample reader gets (their greeting, their unsubscribe link). */
  email: RenderedEmail;
}

export interface SampleMessageOptions {
  now: Date;
  /** Unsubscribe signing secret; default: a fixed sample secret (same token shape). */
  secret?: string | undefined;
  /** List name for the edition key, List-Id and token; default "sample". */
  list?: string | undefined;
  dkim?: DkimKey | null | undefined;
}

/**
 * The message `digest send` would write for one sample reader, encoded by the same MIME template
 * the send fills per recipient: headers (From, To, Subject, List-Id, List-Unsubscribe,
 * List-Unsubscribe-Post …) and body exactly as sent. The pre-send gate measures it and reads its
 * headers; the studio shows them.
 *
 * @example
 * const { mime } = composeSampleMessage(rendered, config, { now: new Date() });
 * mime.toString("utf8").includes("List-Unsubscribe-Post: List-Unsubscribe=One-Click"); // true with links.unsubscribe
 */
export function composeSampleMessage(
  rendered: RenderedEdition,
  config: Config,
  options: SampleMessageOptions,
): SampleMessage {
  const list = options.list ?? "sample";
  const template = compileMimeTemplate({
    rendered,
    config,
    editionKey: editionKeyOf({ date: rendered.date, section: config.section, list }),
    list,
    date: options.now,
    secret: options.secret ?? SAMPLE_SECRET,
  });
  const sample = { email: config.sender.address.toLowerCase(), name: SAMPLE_READER_NAME };
  const filled = fillMimeTemplate(template, sample);
  const message = options.dkim
    ? signDkim(filled, options.dkim, template.signedHeaderNames, options.now)
    : filled;
  const token =
    Buffer.concat(message.head)
      .toString("utf8")
      .match(/token=([^>\s]+)/)?.[1] ?? "sample";
  const unsubscribeUrl = template.unsubscribeBase ? `${template.unsubscribeBase}?token=${token}` : null;
  const email = personalize(rendered, { name: sample.name, unsubscribeUrl, webViewUrl: null }, config);
  return { mime: concatMimeMessage(message), email };
}
