/**
 * Issue 12, item 6: SMTP credentials and TLS against a real smtp-server on 127.0.0.1. With
 * credentials in DIGEST_SMTP_URL and a server that offers no AUTH, mail went out unauthenticated
 * without a word; now every message stops with a clear message. A host that must use TLS and gets
 * no STARTTLS offer is refused.
 */
import { afterEach, describe, expect, it } from "vitest";
import { classifySendError } from "../../src/deliver/classify-send-error.js";
import { createSmtpTransport } from "../../src/deliver/index.js";
import type { OutgoingMessage } from "../../src/deliver/transport.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((sink) => sink.close()));
});

function message(to: string): OutgoingMessage {
  const raw = Buffer.from(
    `From: a@example.de\r\nTo: ${to}\r\nSubject: Test\r\nMessage-ID: <1@example.de>\r\n\r\nHallo\r\n`,
  );
  return {
    from: "a@example.de",
    to,
    messageId: "<1@example.de>",
    head: [],
    body: [raw],
    byteLength: raw.length,
    editionKey: "2026-11-26/politik/test",
  };
}

async function sink(auth?: { user: string; pass: string }): Promise<SmtpSink> {
  const started = await startSmtpSink(auth ? { auth } : {});
  sinks.push(started);
  return started;
}

describe("SMTP credentials", () => {
  it("stops (fatal, nothing sent) when the URL has credentials but the server offers no AUTH", async () => {
    const server = await sink();
    const transport = createSmtpTransport({
      url: `smtp://user:pass@127.0.0.1:${server.port}`,
      maxConnections: 1,
    });
    const error = await transport.send(message("anna@example.de")).catch((e: unknown) => e);
    await transport.close();
    expect(classifySendError(error)).toEqual({
      kind: "fatal",
      response: expect.stringMatching(/offers no AUTH, but DIGEST_SMTP_URL carries a user and password/),
    });
    expect(String((error as Error).message)).not.toContain("pass@");
    expect(server.messages).toHaveLength(0);
  });

  it("logs in and sends when the server offers AUTH", async () => {
    const server = await sink({ user: "user", pass: "pass" });
    const transport = createSmtpTransport({
      url: `smtp://user:pass@127.0.0.1:${server.port}`,
      maxConnections: 1,
    });
    await transport.send(message("anna@example.de"));
    await transport.close();
    expect(server.messages.map((m) => m.to)).toEqual(["anna@example.de"]);
  });

  it("sends without credentials to a server without AUTH (a local relay)", async () => {
    const server = await sink();
    const transport = createSmtpTransport({ url: server.url, maxConnections: 1 });
    await transport.send(message("anna@example.de"));
    await transport.close();
    expect(server.messages).toHaveLength(1);
  });
});

describe("SMTP TLS", () => {
  // Loopback is exempt by default, so `requireTls: "always"` stands in for a remote host here: TLS
  // is required and the server offers no STARTTLS.
  it("refuses to send to a host that must use TLS when the server offers no STARTTLS", async () => {
    const server = await sink();
    const transport = createSmtpTransport({ url: server.url, maxConnections: 1, requireTls: "always" });
    const error = await transport.send(message("anna@example.de")).catch((e: unknown) => e);
    await transport.close();
    expect(classifySendError(error)).toEqual({
      kind: "fatal",
      response: expect.stringMatching(/did not upgrade to TLS .*delivery\.requireTls is on/),
    });
    expect(server.messages).toHaveLength(0);
  });

  it("sends in the clear to loopback by default, without a warning", async () => {
    const server = await sink();
    const warnings: string[] = [];
    const transport = createSmtpTransport({
      url: server.url,
      maxConnections: 1,
      onWarning: (warning) => warnings.push(warning),
    });
    await transport.send(message("anna@example.de"));
    await transport.close();
    expect(server.messages).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});
