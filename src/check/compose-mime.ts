import type { Config } from "../config/index.js";
import { encodeHeaderWords, encodeQuotedPrintable, foldHeader, formatAddress } from "../deliver/index.js";
import { DigestError } from "../errors.js";
import type { RenderedEmail } from "../types.js";
import { hasControlOrBidi, quoteLogValue } from "../unsafe-chars.js";

const CRLF = "\r\n";
/**
 * The boundary of the generic message. Fixed, so the measured size does not vary from run to
 * run; it cannot occur in a part because quoted-printable encodes every "=".
 */
const BOUNDARY = "----=_digest_check_000000000000";
/** Stands in for the Date and Message-ID headers: the gate reads no clock, only their length matters. */
const SAMPLE_DATE = "Thu, 01 Jan 2026 06:30:00 +0000";

/**
 * Encodes the email as a generic message that could go out (multipart/alternative, text and
 * HTML, quoted-printable), with digest's one MIME encoder (src/deliver/mime-encoding.ts). The
 * size rule measures it when no real message is at hand, because Gmail clips on the encoded
 * size, which is larger than the HTML string (QP escapes every "=" and non-ASCII byte).
 *
 * @throws DigestError E_CONFIG when a header value holds a line break or control character.
 * @example
 * const mime = await composeMime(email, config, { "List-Unsubscribe": "<https://…>" });
 * mime.byteLength; // e.g. 38_512
 */
export async function composeMime(
  email: RenderedEmail,
  config: Config,
  headers: Record<string, string> = {},
): Promise<Buffer> {
  const sender = config.sender;
  const domain = sender.address.split("@").pop() ?? "localhost";
  for (const [name, value] of Object.entries(headers)) {
    if (hasControlOrBidi(name) || hasControlOrBidi(value)) {
      throw new DigestError(
        "E_CONFIG",
        `refusing to write the ${quoteLogValue(name)} header - its value ${quoteLogValue(value)} holds a line break, control or bidi character`,
        { where: name },
      );
    }
  }
  const head = [
    foldHeader("From", formatAddress(sender.name, sender.address)),
    // One recipient of typical length: the size differs per reader only by their address.
    foldHeader("To", sender.replyTo ?? sender.address),
    ...(sender.replyTo ? [foldHeader("Reply-To", sender.replyTo)] : []),
    foldHeader("Subject", encodeHeaderWords(email.subject)),
    ...Object.entries(headers).map(([name, value]) => foldHeader(name, value)),
    `Message-ID: <00000000-0000-0000-0000-000000000000@${domain}>`,
    `Date: ${SAMPLE_DATE}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative;${CRLF} boundary="${BOUNDARY}"`,
  ];
  const part = (type: string, content: string) =>
    `--${BOUNDARY}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${encodeQuotedPrintable(content)}${CRLF}`;
  const message = `${head.join(CRLF)}${CRLF}${CRLF}${part("text/plain", email.text)}${part("text/html", email.html)}--${BOUNDARY}--${CRLF}`;
  return Buffer.from(message, "utf8");
}
