import { randomBytes } from "node:crypto";
import type { Config } from "../config/index.js";
import { DigestError } from "../errors.js";
import { escapeHtml, formatGreeting, resolveWebViewUrl } from "../render/index.js";
import type { PersonalSlot, RenderedEdition, SlotTemplate } from "../types.js";
import { hasControlOrBidi, quoteLogValue } from "../unsafe-chars.js";
import { deriveMessageId, domainOf } from "./derive-message-id.js";
import {
  encodeHeaderWords,
  encodeQuotedPrintable,
  foldHeader,
  formatAddress,
  formatMimeDate,
  QP_LINE_CHARS,
} from "./mime-encoding.js";
import { signUnsubscribeToken } from "./unsubscribe-token.js";

/**
 * Why this exists: nodemailer builds every message from scratch (MIME tree, header encoding,
 * quoted-printable of the whole 40–60 KB HTML), and at bulk volume that dominates the send. An
 * edition's messages differ only in a few header values and the personal slots, so the message
 * is encoded ONCE per edition as byte chunks, and per reader only the small personal values are
 * encoded and spliced in.
 *
 * Splicing quoted-printable safely: each static chunk and each personal value is encoded on its
 * own and ends with a soft line break (`=\r\n`), which decoders drop. So no encoded line ever
 * straddles a splice, every line stays within 76 characters, and the decoded text is exactly
 * chunk + value + chunk. (Base64 of the whole body could not be spliced at all.)
 *
 * The encoding itself (quoted-printable, encoded-words, folding) is mime-encoding.ts.
 */

const SOFT_BREAK = "=\r\n";
const CRLF = "\r\n";

/** An edition's message, encoded once, with holes for the per-reader values. */
export interface MimeTemplate {
  editionKey: string;
  list: string;
  /** Envelope sender (bare address). */
  from: string;
  messageDomain: string;
  /** Headers before the per-reader ones (From, Subject, Date, List-Id, …). */
  headTop: Buffer;
  /** Headers after the per-reader ones. */
  headBottom: Buffer;
  /** The blank line ending the header, the first boundary and the text part's MIME header. */
  bodyHead: Buffer;
  text: EncodedSlots;
  /** Between the text and HTML parts: boundary and the HTML part's MIME header. */
  between: Buffer;
  html: EncodedSlots;
  /** Closing boundary. */
  tail: Buffer;
  /** Base URL of one-click unsubscribe (a token is appended), or null when none is configured. */
  unsubscribeBase: string | null;
  unsubscribeMailto: string | null;
  /** Web-view URL: the same for every reader of the edition. */
  webViewUrl: string | null;
  greeting: string;
  secret: string;
  /** Headers a DKIM signature covers, in this order, when present. */
  signedHeaderNames: readonly string[];
}

interface EncodedSlots {
  chunks: Buffer[];
  slots: PersonalSlot[];
}

/** One reader's message: byte pieces that, concatenated, are the RFC 5322 message. */
export interface MimeMessage {
  from: string;
  to: string;
  messageId: string;
  /** Header lines, each ending in CRLF (the blank line that ends the header starts `body`). */
  head: Buffer[];
  /** Body pieces, after the header/body separator. */
  body: Buffer[];
  byteLength: number;
}

/** The reader a message is for. */
export interface MimeRecipient {
  email: string;
  name: string | null;
}

export interface CompileMimeOptions {
  rendered: RenderedEdition;
  config: Config;
  editionKey: string;
  list: string;
  /** Date header of every message of this run. */
  date: Date;
  /** Unsubscribe signing secret (see resolveUnsubscribeSecret). */
  secret: string;
}

/**
 * Encodes an edition's message once: multipart/alternative (text, then HTML), quoted-printable,
 * RFC 2047 subject and display names, List-Id, List-Unsubscribe-Post; per-reader values left as
 * holes for `fillMimeTemplate`.
 *
 * @example
 * const template = compileMimeTemplate({ rendered, config, editionKey, list: "subscribers", date: new Date(), secret });
 * const message = fillMimeTemplate(template, { email: "anna@example.de", name: "Anna" });
 */
export function compileMimeTemplate(options: CompileMimeOptions): MimeTemplate {
  const { rendered, config } = options;
  const sender = config.sender;
  const messageDomain = domainOf(sender.address);
  const boundary = `----=_digest_${randomBytes(12).toString("hex")}`;
  const listId = sender.listId ?? `${toDotAtom(options.list)}.${messageDomain}`;
  // Second line of defence after the config schema: no header value may carry CR/LF.
  assertHeaderSafe("From", sender.name, "sender.name");
  assertHeaderSafe("From", sender.address, "sender.address");
  if (sender.replyTo) assertHeaderSafe("Reply-To", sender.replyTo, "sender.replyTo");
  assertHeaderSafe("Subject", rendered.subject, "the subject");
  assertHeaderSafe("List-Id", listId, "sender.listId");
  if (config.links.unsubscribe)
    assertHeaderSafe("List-Unsubscribe", config.links.unsubscribe, "links.unsubscribe");
  if (config.links.unsubscribeMailto)
    assertHeaderSafe("List-Unsubscribe", config.links.unsubscribeMailto, "links.unsubscribeMailto");
  const top = [
    foldHeader("From", formatAddress(sender.name, sender.address)),
    ...(sender.replyTo ? [foldHeader("Reply-To", sender.replyTo)] : []),
    foldHeader("Subject", encodeHeaderWords(rendered.subject)),
    `Date: ${formatMimeDate(options.date)}`,
    foldHeader("List-Id", `${encodeHeaderWords(sender.name)} <${listId}>`),
  ];
  const hasOneClick = config.links.unsubscribe !== null;
  const bottom = [
    ...(hasOneClick ? ["List-Unsubscribe-Post: List-Unsubscribe=One-Click"] : []),
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`,
  ];
  const partHeader = (type: string) =>
    `--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}`;
  return {
    editionKey: options.editionKey,
    list: options.list,
    from: sender.address,
    messageDomain,
    headTop: Buffer.from(top.join(CRLF) + CRLF, "utf8"),
    headBottom: Buffer.from(bottom.join(CRLF) + CRLF, "utf8"),
    bodyHead: Buffer.from(`${CRLF}${partHeader("text/plain")}`, "ascii"),
    text: encodeSlotTemplate(rendered.text),
    between: Buffer.from(`${CRLF}${partHeader("text/html")}`, "ascii"),
    html: encodeSlotTemplate(rendered.html),
    tail: Buffer.from(`${CRLF}--${boundary}--${CRLF}`, "ascii"),
    unsubscribeBase: config.links.unsubscribe,
    unsubscribeMailto: config.links.unsubscribeMailto,
    webViewUrl: resolveWebViewUrl(config, rendered.date),
    greeting: config.brand.greeting,
    secret: options.secret,
    signedHeaderNames: [
      "from",
      "reply-to",
      "subject",
      "date",
      "to",
      "message-id",
      "list-id",
      "list-unsubscribe",
      "list-unsubscribe-post",
      "mime-version",
      "content-type",
    ],
  };
}

/**
 * One reader's message from the edition's template: To, Message-ID and List-Unsubscribe headers
 * plus the personal slots (greeting, unsubscribe URL with the reader's signed token, web view),
 * each encoded on its own and spliced between the pre-encoded chunks.
 *
 * @example
 * const message = fillMimeTemplate(template, { email: "anna@example.de", name: "Anna Schulz" });
 * Buffer.concat([...message.head, ...message.body]).toString().includes("List-Unsubscribe:"); // true
 */
export function fillMimeTemplate(template: MimeTemplate, recipient: MimeRecipient): MimeMessage {
  assertHeaderSafe("To", recipient.email, "the recipient's address");
  if (recipient.name) assertHeaderSafe("To", recipient.name, "the recipient's name");
  const messageId = deriveMessageId(template.editionKey, recipient.email, template.messageDomain);
  const token =
    template.unsubscribeBase !== null || template.unsubscribeMailto !== null
      ? signUnsubscribeToken(template.secret, template.list, recipient.email)
      : null;
  const unsubscribeUrl =
    template.unsubscribeBase !== null && token !== null
      ? appendQuery(template.unsubscribeBase, "token", token)
      : null;
  const listUnsubscribe: string[] = [];
  if (unsubscribeUrl) listUnsubscribe.push(`<${unsubscribeUrl}>`);
  if (template.unsubscribeMailto && token) {
    listUnsubscribe.push(`<mailto:${template.unsubscribeMailto}?subject=unsubscribe%20${token}>`);
  }
  let personal = `${foldHeader("To", formatAddress(recipient.name, recipient.email))}${CRLF}Message-ID: ${messageId}${CRLF}`;
  if (listUnsubscribe.length > 0) personal += `List-Unsubscribe: ${listUnsubscribe.join(`,${CRLF} `)}${CRLF}`;
  const greeting = formatGreeting(template.greeting, recipient.name);
  const values: Record<PersonalSlot, string> = {
    greeting,
    unsubscribeUrl: unsubscribeUrl ?? "",
    webViewUrl: template.webViewUrl ?? "",
  };
  const head = [template.headTop, Buffer.from(personal, "utf8"), template.headBottom];
  const body: Buffer[] = [template.bodyHead];
  spliceSlots(body, template.text, values, false);
  body.push(template.between);
  spliceSlots(body, template.html, values, true);
  body.push(template.tail);
  let byteLength = 0;
  for (const piece of head) byteLength += piece.length;
  for (const piece of body) byteLength += piece.length;
  return { from: template.from, to: recipient.email, messageId, head, body, byteLength };
}

/**
 * The whole message as one buffer (what an SMTP DATA command or an .eml file holds).
 *
 * @example
 * await writeFile("anna.eml", concatMimeMessage(fillMimeTemplate(template, { email: "anna@example.de", name: null })));
 */
export function concatMimeMessage(message: MimeMessage): Buffer {
  return Buffer.concat([...message.head, ...message.body], message.byteLength);
}

function spliceSlots(
  out: Buffer[],
  encoded: EncodedSlots,
  values: Record<PersonalSlot, string>,
  html: boolean,
): void {
  const { chunks, slots } = encoded;
  out.push(chunks[0] as Buffer);
  for (let i = 0; i < slots.length; i++) {
    const value = values[slots[i] as PersonalSlot];
    if (value !== "") out.push(Buffer.from(encodePiece(html ? escapeHtml(value) : value, true), "ascii"));
    out.push(chunks[i + 1] as Buffer);
  }
}

/** Pre-encodes a slot template's static chunks (once per edition). */
function encodeSlotTemplate(template: SlotTemplate): EncodedSlots {
  const last = template.chunks.length - 1;
  return {
    chunks: template.chunks.map((chunk, index) => Buffer.from(encodePiece(chunk, index < last), "ascii")),
    slots: [...template.slots],
  };
}

/** QP-encodes one piece; a piece followed by a splice ends with a soft line break. */
function encodePiece(text: string, softBreakAfter: boolean): string {
  if (text === "") return "";
  const encoded = encodeQuotedPrintable(text, QP_LINE_CHARS);
  return softBreakAfter && !encoded.endsWith(CRLF) ? encoded + SOFT_BREAK : encoded;
}

/**
 * Refuses a header value with a control character (CR/LF would end the header and start another,
 * e.g. a Bcc:) or a bidi control. Raw values are checked: `encodeHeaderWords` passes plain
 * ASCII, CR/LF included, through unchanged.
 */
function assertHeaderSafe(header: string, value: string, source: string): void {
  if (!hasControlOrBidi(value)) return;
  throw new DigestError(
    "E_CONFIG",
    `refusing to write the ${header} header - ${source} ${quoteLogValue(value)} holds a line break, control or bidi character`,
    { where: source },
  );
}

function appendQuery(url: string, key: string, value: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(value)}`;
}

/** A list name as a List-Id label: lower-case letters, digits and dashes. */
function toDotAtom(list: string): string {
  return (
    list
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "list"
  );
}
