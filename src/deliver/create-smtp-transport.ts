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
 * TLS follows the URL: `smtps:` is TLS from the first byte; `smtp:` upgrades with STARTTLS when
 * offered. A connection whose message was refused (4xx/5xx) is reset and reused; one that failed
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
  const connectionOptions = {
    ...parsed,
    socketTimeout: options.socketTimeoutMs ?? SMTP_SOCKET_TIMEOUT_MS,
    connectionTimeout: options.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeout: options.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
  } as ConstructorParameters<typeof SMTPConnection>[0];
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
    connection.on("error", (error: unknown) => answer(error));
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
        answer(error);
        return;
      }
      if (auth && connection.allowsAuth) {
        connection.login(auth, (loginError) => answer(loginError));
      } else {
        answer(null);
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
        lane.connection?.close();
        lane.connection = null;
        settle(lane, job, error);
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
