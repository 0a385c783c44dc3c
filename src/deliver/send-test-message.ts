import type { Config } from "../config/index.js";
import { DigestError } from "../errors.js";
import type { Edition, RenderedEdition } from "../types.js";
import { classifySendError } from "./classify-send-error.js";
import { compileMimeTemplate, fillMimeTemplate, type MimeMessage } from "./compile-mime-template.js";
import { editionKeyOf } from "./ledger.js";
import { type DkimKey, signDkim } from "./sign-dkim.js";
import type { Transport } from "./transport.js";
import type { UnsubscribeSecret } from "./unsubscribe-token.js";

/**
 * Sends one test copy of the edition to one address (`digest send --to`); the pre-send gate runs
 * before, in the pipeline. Not recorded in the ledger; the Message-ID is derived from a "test" list so it never
 * collides with the real send. With `transport: null` the copy is built and measured only.
 *
 * @example
 * await sendTestMessage({ config, edition, rendered, to: "editor@example.de", transport, secret });
 */
export async function sendTestMessage(options: {
  config: Config;
  edition: Edition;
  rendered: RenderedEdition;
  to: string;
  name?: string | null;
  transport: Transport | null;
  secret: UnsubscribeSecret | string;
  dkim?: DkimKey | null;
  now?: () => Date;
}): Promise<{ messageId: string; response: string; bytes: number }> {
  const now = options.now ?? (() => new Date());
  const secret = typeof options.secret === "string" ? options.secret : options.secret.value;
  const editionKey = editionKeyOf({
    date: options.rendered.date,
    section: options.edition.section,
    list: "test",
  });
  const template = compileMimeTemplate({
    rendered: options.rendered,
    config: options.config,
    editionKey,
    list: "test",
    date: now(),
    secret,
  });
  const build = (recipient: { email: string; name: string | null }): MimeMessage => {
    const message = fillMimeTemplate(template, recipient);
    return options.dkim ? signDkim(message, options.dkim, template.signedHeaderNames, now()) : message;
  };
  const message = build({ email: options.to.trim().toLowerCase(), name: options.name ?? null });
  if (!options.transport)
    return { messageId: message.messageId, response: "dry run: not sent", bytes: message.byteLength };
  let response: string;
  try {
    ({ response } = await options.transport.send({ ...message, editionKey }));
  } catch (error) {
    // A refused login, a missing AUTH or TLS: one clear line and exit 1, not an "internal error".
    throw new DigestError(
      "E_DELIVER",
      `could not send the test copy to ${message.to} via ${options.transport.target} - ${classifySendError(error).response}`,
      { where: options.transport.target, cause: error },
    );
  }
  return { messageId: message.messageId, response, bytes: message.byteLength };
}
