/**
 * The one in-process SMTP server for tests: a real `smtp-server` on 127.0.0.1 (port 0) that keeps
 * every accepted message, raw and parsed with `mailparser`, so tests assert on what a mail client
 * would see. Faults are injected per recipient to drive the sender's retry and resume paths:
 * reject (550), defer (451 the first N times), drop the connection mid-DATA, stall DATA, delay
 * every reply. AUTH is off unless credentials are given; then it is required.
 *
 * (The send bench uses `test/bench/smtp-sink.ts` instead: a separate process, so the sink's work
 * does not share the event loop with the sender being measured.)
 *
 * @example
 * const sink = await startSmtpSink({ reject: ["gone@example.de"], delayMs: 30 });
 * // … send to sink.url …
 * await sink.waitFor(3);
 * expect(sink.messages.map((m) => m.to)).toContain("anna@example.de");
 * await sink.close();
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpFaults {
  /** Always rejected at RCPT TO with 550. */
  reject?: Iterable<string>;
  /** Deferred with 451 at RCPT TO this many times, then accepted. */
  defer?: Map<string, number>;
  /** The connection is cut in the middle of DATA this many times (keyed by the first recipient). */
  drop?: Map<string, number>;
  /** DATA is never answered this many times, so the client must time out (first recipient). */
  stall?: Map<string, number>;
  /** Wait this long before accepting each message (a slow server; lets a test stop a sender mid-send). */
  delayMs?: number;
  /** Require AUTH PLAIN/LOGIN with these credentials (over plain TCP: loopback only). */
  auth?: { user: string; pass: string };
}

/** One accepted message as one recipient got it (a message to two recipients is kept twice). */
export interface ReceivedMessage {
  /** The envelope recipient (RCPT TO), lower-cased. */
  to: string;
  messageId: string;
  subject: string;
  text: string;
  /** The full parse, for headers, HTML and addresses. */
  mail: ParsedMail;
  /** The message exactly as it came over the wire (headers as the sender folded them). */
  raw: Buffer;
}

export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>`, without credentials. */
  url: string;
  /** Accepted messages in the order they were accepted. */
  messages: ReceivedMessage[];
  /** RCPT TO attempts per recipient, including rejected and deferred ones. */
  attempts: Map<string, number>;
  /** Resolves once `count` messages arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Cuts open connections (a stalled client would otherwise keep the server open) and stops. */
  close(): Promise<void>;
}

/** Big enough for any digest with inline images; smtp-server's default is unlimited. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const DEFAULT_WAIT_MS = 20_000;

/** smtp-server keeps its connections in a private set; cutting one is how a dropped link is simulated. */
type ServerConnections = { connections: Set<{ id: string; _socket: { destroy(): void } }> };

export async function startSmtpSink(faults: SmtpFaults = {}): Promise<SmtpSink> {
  const reject = new Set(faults.reject ?? []);
  const defer = new Map(faults.defer ?? []);
  const drop = new Map(faults.drop ?? []);
  const stall = new Map(faults.stall ?? []);
  const messages: ReceivedMessage[] = [];
  const attempts = new Map<string, number>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const takeOne = (map: Map<string, number>, key: string): boolean => {
    const left = map.get(key) ?? 0;
    if (left <= 0) return false;
    map.set(key, left - 1);
    return true;
  };
  const smtpError = (message: string, responseCode: number) =>
    Object.assign(new Error(message), { responseCode });
  const accept = (recipients: string[], raw: Buffer, mail: ParsedMail) => {
    for (const to of recipients) {
      messages.push({
        to,
        messageId: mail.messageId ?? "",
        subject: mail.subject ?? "",
        text: mail.text ?? "",
        mail,
        raw,
      });
    }
    for (const waiter of [...waiters]) {
      if (messages.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const server: SMTPServer = new SMTPServer({
    authOptional: faults.auth === undefined,
    allowInsecureAuth: true,
    disabledCommands: faults.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    onAuth(auth, _session, callback) {
      if (faults.auth && auth.username === faults.auth.user && auth.password === faults.auth.pass) {
        return callback(null, { user: auth.username });
      }
      callback(smtpError("5.7.8 invalid credentials", 535));
    },
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      attempts.set(to, (attempts.get(to) ?? 0) + 1);
      if (reject.has(to)) return callback(smtpError("5.1.1 mailbox unavailable", 550));
      if (takeOne(defer, to)) return callback(smtpError("4.7.1 try again later", 451));
      callback();
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
      const first = recipients[0] ?? "";
      if (takeOne(drop, first)) {
        stream.once("data", () => {
          for (const connection of (server as unknown as ServerConnections).connections) {
            if (connection.id === session.id) connection._socket.destroy();
          }
        });
        stream.resume();
        return;
      }
      const stalled = takeOne(stall, first);
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stalled) return;
        const raw = Buffer.concat(chunks);
        const delay = faults.delayMs
          ? new Promise((resolve) => setTimeout(resolve, faults.delayMs))
          : undefined;
        Promise.all([simpleParser(raw), delay])
          .then(([mail]) => {
            accept(recipients, raw, mail);
            callback(null, `2.0.0 Ok: queued as ${messages.length}`);
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  // A client killed mid-send resets its connections: that is the scenario under test, not a failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts,
    waitFor(count, timeoutMs = DEFAULT_WAIT_MS) {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${messages.length} of ${count} messages arrived in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of (server as unknown as ServerConnections).connections)
          connection._socket.destroy();
        server.close(() => resolve());
      }),
  };
}
