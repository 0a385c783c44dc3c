import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { DigestError } from "../errors.js";
import type { HandOver, OutgoingMessage, Transport } from "./transport.js";

/** Environment variable holding the SMTP URL (a secret: it may carry a password). */
export const SMTP_URL_ENV = "DIGEST_SMTP_URL";
/** An SMTP server that answers nothing for this long is treated as a lost connection (transient). */
export const SMTP_SOCKET_TIMEOUT_MS = 60_000;
export const SMTP_CONNECTION_TIMEOUT_MS = 30_000;

export interface SmtpTransportOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  url: string;
  /** Pooled connections kept open at once. */
  maxConnections: number;
  socketTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

/**
 * Sends over SMTP with nodemailer's connection pool. Messages are handed over already encoded
 * (`raw` + envelope): nodemailer only speaks SMTP, it builds no MIME (see compile-mime-template.ts
 * for why). TLS follows the URL: `smtps:` is TLS from the first byte; `smtp:` upgrades with
 * STARTTLS when the server offers it. The URL's password never appears in `target` or errors.
 *
 * @throws DigestError E_CONFIG when the URL is not an smtp:/smtps: URL with a host.
 * @example
 * const transport = createSmtpTransport({ url: process.env.DIGEST_SMTP_URL!, maxConnections: 4 });
 * await transport.send(message);
 * await transport.close();
 */
export function createSmtpTransport(options: SmtpTransportOptions): Transport {
  const target = redactUrl(options.url);
  let protocol: string;
  try {
    protocol = new URL(options.url).protocol;
  } catch {
    protocol = "";
  }
  const parsed = parseConnectionUrl(options.url);
  if ((protocol !== "smtp:" && protocol !== "smtps:") || !parsed.host) {
    throw new DigestError(
      "E_CONFIG",
      `${SMTP_URL_ENV} is not a usable SMTP URL (${target}) - expected smtp://user:pass@host:587 or smtps://user:pass@host:465`,
      { where: SMTP_URL_ENV },
    );
  }
  const transporter = nodemailer.createTransport({
    ...parsed,
    pool: true,
    maxConnections: options.maxConnections,
    maxMessages: Number.POSITIVE_INFINITY,
    socketTimeout: options.socketTimeoutMs ?? SMTP_SOCKET_TIMEOUT_MS,
    connectionTimeout: options.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeout: options.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
  });
  return {
    kind: "smtp",
    target,
    async send(message: OutgoingMessage): Promise<HandOver> {
      const raw = Buffer.concat([...message.head, ...message.body], message.byteLength);
      const info = await transporter.sendMail({ envelope: { from: message.from, to: [message.to] }, raw });
      return { response: String(info.response ?? "250 accepted") };
    },
    async close(closeOptions = {}) {
      transporter.close(closeOptions.force ? { force: true } : undefined);
    },
  };
}

/**
 * An SMTP URL with user and password removed, safe for logs and messages.
 *
 * @example
 * redactUrl("smtps://me:secret@mail.example.org:465"); // "smtps://***@mail.example.org:465"
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const auth = parsed.username || parsed.password ? "***@" : "";
    return `${parsed.protocol}//${auth}${parsed.host}`;
  } catch {
    return "(unparseable URL)";
  }
}
