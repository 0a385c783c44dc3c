import nodemailer from "nodemailer";
import type { Config } from "../config/index.js";
import type { RenderedEmail } from "../types.js";

/**
 * Encodes the email as the MIME message that would go out (multipart/alternative, text and HTML,
 * quoted-printable as nodemailer chooses), without sending it: nodemailer's stream transport
 * only builds the message. The size rule measures this, because Gmail clips on the encoded size,
 * which is larger than the HTML string (QP escapes every "=" and non-ASCII byte).
 *
 * @example
 * const mime = await composeMime(email, config, { "List-Unsubscribe": "<https://…>" });
 * mime.byteLength; // e.g. 38_512
 */
export async function composeMime(
  email: RenderedEmail,
  config: Config,
  headers: Record<string, string> = {},
): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" });
  const from = { name: config.sender.name, address: config.sender.address };
  const info = await transport.sendMail({
    from,
    // One recipient of typical length: the size differs per reader only by their address.
    to: config.sender.replyTo ?? config.sender.address,
    ...(config.sender.replyTo ? { replyTo: config.sender.replyTo } : {}),
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers,
  });
  return info.message as Buffer;
}
