import { isIPv4, isIPv6 } from "node:net";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import SMTPConnection from "nodemailer/lib/smtp-connection";
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
  /** Connections kept open at once. */
  maxConnections: number;
  /**
   * Refuse to send unencrypted (config `delivery.requireTls`, default true): an `smtp:` URL must
   * then upgrade with STARTTLS, or the send stops. Loopback hosts (127.0.0.0/8, ::1, localhost)
   * are exempt: the mail never leaves the machine. `"always"` requires TLS on loopback too (a
   * local relay that must speak TLS; tests).
   */
  requireTls?: boolean | "always";
  /** Hears a warning: TLS not required for a remote host. */
  onWarning?: (message: string) => void;
  socketTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

interface Job {
  message: OutgoingMessage;
  resolve: (handOver: HandOver) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  connection: SMTPConnection | null;
  job: Job | null;
  closing: boolean;
}

/**
 * Sends over SMTP with a small pool of nodemailer SMTP connections. Why not nodemailer's
 * `sendMail`: it builds a MIME tree and a stream pipeline for every message even when handed
 * `raw`; our messages are already encoded (see compile-mime-template.ts), so each one goes straight
 * to nodemailer's protocol layer (`SMTPConnection.send`: PIPELINING, dot-stuffing, STARTTLS, AUTH).
 * TLS follows the URL: `smtps:` is TLS from the first byte; `smtp:` upgrades with STARTTLS, which
 * a remote host must offer unless `requireTls` is off (see resolveSmtpSecurity). Credentials in the
 * URL and a server that offers no AUTH stop the send (ENOAUTH) rather than send unauthenticated. A connection whose message was refused (4xx/5xx) is reset and reused; one that failed
 * (timeout, drop) is closed and replaced for the next message. The URL's password never appears
 * in `target` or in errors.
 *
 * @throws DigestError E_CONFIG when the URL is not an smtp:/smtps: URL with a host.
 * @example
 * const transport = createSmtpTransport({ url: process.env.DIGEST_SMTP_URL!, maxConnections: 4 });
 * await transport.send(message);
 * await transport.close();
 */
export function createSmtpTransport(options: SmtpTransportOptions): Transport {
  const target = redactUrl(options.url);
  let protocol = "";
  try {
    protocol = new URL(options.url).protocol;
  } catch {}
  const { auth, ...parsed } = parseConnectionUrl(options.url);
  if ((protocol !== "smtp:" && protocol !== "smtps:") || !parsed.host) {
    throw new DigestError(
      "E_CONFIG",
      `${SMTP_URL_ENV} is not a usable SMTP URL (${target}) - expected smtp://user:pass@host:587 or smtps://user:pass@host:465`,
      { where: SMTP_URL_ENV },
    );
  }
  const security = resolveSmtpSecurity({
    host: String(parsed.host),
    secure: protocol === "smtps:",
    requireTls: options.requireTls ?? true,
  });
  if (security.warning) options.onWarning?.(security.warning);
  const connectionOptions = {
    ...parsed,
    requireTLS: security.requireTLS,
    socketTimeout: options.socketTimeoutMs ?? SMTP_SOCKET_TIMEOUT_MS,
    connectionTimeout: options.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeout: options.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
  } as ConstructorParameters<typeof SMTPConnection>[0];
  // nodemailer reports a refused STARTTLS with the server's bare reply ("500 command not recognized").
  const explainTlsRefusal = (error: unknown): unknown => {
    const e = error as { code?: unknown; message?: unknown } | null;
    if (!security.requireTLS || e?.code !== "ETLS") return error;
    return Object.assign(
      new Error(
        `the SMTP server ${target} did not upgrade to TLS (STARTTLS: ${oneLine(String(e.message))}) and delivery.requireTls is on - refusing to send unencrypted. Use smtps:// (port 465) or a server that offers STARTTLS, or set delivery.requireTls to false`,
      ),
      { code: "ETLS" },
    );
  };
  const lanes: Lane[] = [];
  const queue: Job[] = [];
  let closed = false;

  const connect = (lane: Lane, callback: (error: unknown) => void): void => {
    if (lane.connection && !lane.connection.destroyed) {
      callback(null);
      return;
    }
    const connection = new SMTPConnection(connectionOptions);
    lane.connection = connection;
    let answered = false;
    const answer = (error: unknown) => {
      if (answered) return;
      answered = true;
      callback(error);
    };
    // Always listened to: an idle connection the server closes must not crash the process. Once
    // connected, a failure reaches the send callback (or the "end" below) instead.
    connection.on("error", (error: unknown) => answer(explainTlsRefusal(error)));
    connection.once("end", () => {
      if (lane.connection === connection) lane.connection = null;
      answer(Object.assign(new Error("connection closed before it was ready"), { code: "ECONNECTION" }));
      // A send whose callback never came (the socket just ended) fails as a lost connection.
      const job = lane.job;
      if (job)
        settle(
          lane,
          job,
          Object.assign(new Error("connection closed unexpectedly"), { code: "ECONNECTION" }),
        );
    });
    connection.connect((error) => {
      if (error) {
        answer(explainTlsRefusal(error));
        return;
      }
      if (!auth) {
        answer(null);
      } else if (connection.allowsAuth) {
        connection.login(auth, (loginError) => answer(loginError));
      } else {
        // nodemailer would carry on unauthenticated: with credentials given, that is never meant
        // (an open relay or the wrong port), so every message stops here.
        answer(
          Object.assign(
            new Error(
              `the SMTP server ${target} offers no AUTH, but ${SMTP_URL_ENV} carries a user and password - refusing to send unauthenticated. Use the server's submission port (587 with STARTTLS, or smtps:// on 465), or remove the credentials from the URL if the server needs none`,
            ),
            { code: "ENOAUTH" },
          ),
        );
      }
    });
  };

  const settle = (lane: Lane, job: Job, error: unknown, handOver?: HandOver): void => {
    if (lane.job !== job) return;
    lane.job = null;
    if (error) job.reject(error);
    else job.resolve(handOver as HandOver);
    if (lane.closing) lane.connection?.quit();
    setImmediate(pump);
  };

  const run = (lane: Lane, job: Job): void => {
    lane.job = job;
    connect(lane, (error) => {
      if (error) {
        // Settled before the close: closing emits "end", which would otherwise settle the job
        // first as a lost connection (transient) and hide a refused login or TLS (fatal).
        const failed = lane.connection;
        lane.connection = null;
        settle(lane, job, error);
        failed?.close();
        return;
      }
      const connection = lane.connection as SMTPConnection;
      const { message } = job;
      const raw = Buffer.concat([...message.head, ...message.body], message.byteLength);
      connection.send({ from: message.from, to: [message.to] }, raw, (sendError, info) => {
        if (!sendError)
          return settle(lane, job, null, { response: String(info?.response ?? "250 accepted") });
        const refused =
          (sendError.code === "EENVELOPE" || sendError.code === "EMESSAGE") &&
          sendError.responseCode !== 421 &&
          !connection.destroyed;
        if (!refused) {
          connection.close();
          if (lane.connection === connection) lane.connection = null;
          settle(lane, job, sendError);
          return;
        }
        // The server refused this message; the session is fine once reset.
        connection.reset((resetError) => {
          if (resetError) {
            connection.close();
            if (lane.connection === connection) lane.connection = null;
          }
          settle(lane, job, sendError);
        });
      });
    });
  };

  function pump(): void {
    while (queue.length > 0 && !closed) {
      let lane = lanes.find((candidate) => candidate.job === null && !candidate.closing);
      if (!lane && lanes.length < options.maxConnections) {
        lane = { connection: null, job: null, closing: false };
        lanes.push(lane);
      }
      if (!lane) return;
      run(lane, queue.shift() as Job);
    }
  }

  return {
    kind: "smtp",
    target,
    send(message: OutgoingMessage): Promise<HandOver> {
      if (closed)
        return Promise.reject(Object.assign(new Error("the SMTP transport is closed"), { code: "EABORT" }));
      return new Promise<HandOver>((resolve, reject) => {
        queue.push({ message, resolve, reject });
        pump();
      });
    },
    async close(closeOptions = {}) {
      closed = true;
      for (const job of queue.splice(0)) {
        job.reject(Object.assign(new Error("the SMTP transport was closed"), { code: "EABORT" }));
      }
      for (const lane of lanes) {
        lane.closing = true;
        if (closeOptions.force) lane.connection?.close();
        else if (!lane.job) lane.connection?.quit();
      }
    },
  };
}

/**
 * Whether a connection must be encrypted: `smtps:` always is; `smtp:` to a remote host must
 * upgrade with STARTTLS unless `requireTls` is off, which earns a warning. Loopback hosts are
 * exempt (a local relay or a test server).
 *
 * @example
 * resolveSmtpSecurity({ host: "mail.example.org", secure: false, requireTls: true }); // { requireTLS: true, warning: null }
 * resolveSmtpSecurity({ host: "127.0.0.1", secure: false, requireTls: true });        // { requireTLS: false, warning: null }
 */
export function resolveSmtpSecurity(input: {
  host: string;
  secure: boolean;
  requireTls: boolean | "always";
}): {
  requireTLS: boolean;
  warning: string | null;
} {
  if (input.secure) return { requireTLS: false, warning: null };
  if (input.requireTls === "always") return { requireTLS: true, warning: null };
  if (isLoopbackHost(input.host)) return { requireTLS: false, warning: null };
  if (input.requireTls) return { requireTLS: true, warning: null };
  return {
    requireTLS: false,
    warning: `delivery.requireTls is off - mail to ${input.host} goes out unencrypted when the server offers no STARTTLS (passwords included)`,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * True for a host that is this machine: localhost (and *.localhost), 127.0.0.0/8, ::1.
 *
 * @example
 * isLoopbackHost("127.0.0.2"); // true
 * isLoopbackHost("mail.example.org"); // false
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (isIPv4(name)) return name.startsWith("127.");
  if (isIPv6(name))
    return name === "::1" || name === "0:0:0:0:0:0:0:1" || /^::ffff:(?:127\.|7f[0-9a-f]{2}:)/.test(name);
  return false;
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
