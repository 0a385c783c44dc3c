/**
 * digest encodes its messages itself (mime-encoding.ts) for speed; nodemailer's MailComposer is the
 * reference (its stream transport, which builds with MailComposer). The same content built both ways must parse identically with mailparser: headers,
 * text, HTML and (no) attachments. A bug in our encoder, or a nodemailer change in what a correct
 * message is, fails here instead of in readers' inboxes.
 */
import { type ParsedMail, simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { describe, expect, it } from "vitest";
import { composeMime } from "../check/compose-mime.js";
import { parseConfig } from "../config/index.js";
import { personalize } from "../render/index.js";
import type { RenderedEdition } from "../types.js";
import { compileMimeTemplate, concatMimeMessage, fillMimeTemplate } from "./compile-mime-template.js";
import {
  encodeHeaderWords,
  encodeQuotedPrintable,
  foldHeader,
  HEADER_LINE_CHARS,
  QP_LINE_CHARS,
} from "./mime-encoding.js";
import { signUnsubscribeToken } from "./unsubscribe-token.js";

const SECRET = "test-secret-0123456789abcdef";
const DATE = new Date("2026-11-26T06:30:00Z");
const config = parseConfig({
  brand: { name: "Morgenlage", greeting: "Guten Morgen" },
  links: {
    unsubscribe: "https://news.example.de/abmelden",
    unsubscribeMailto: "abmelden@news.example.de",
    webView: "https://news.example.de/web/{date}",
  },
  sender: {
    name: "Morgenlage Politik – Redaktion „Berlin“",
    address: "politik@news.example.de",
    replyTo: "leserbriefe@news.example.de",
  },
});

// What QP and header encoding must survive: long lines, "=", umlauts, emoji (4-byte UTF-8),
// a tab, trailing spaces before a line break, a line of dots, CRLF and LF, a long German subject.
const longLine = `Außenpolitik: ${"Zölle, Grenzen und Gespräche über Öl = Macht 💶. ".repeat(7)}`;
const tricky = `Erste Zeile mit Leerzeichen am Ende   \n.\n..Punkt am Anfang\r\n\tTab ${longLine}\n\n=3D bleibt =3D\n`;
const rendered: RenderedEdition = {
  date: "2026-11-26",
  subject: `Entwicklung militärischer Beziehung: China will Putin den Rücken stärken – „Schulterschluss“ gegen den Westen 🇨🇳🇷🇺`,
  preheader: "Vorschau",
  html: {
    chunks: [
      `<html lang="de"><body><p style="margin:0">`,
      `</p><p>${longLine}</p><pre>${tricky}</pre><a href="`,
      `">Abmelden</a> <a href="`,
      `">Im Browser</a></body></html>`,
    ],
    slots: ["greeting", "unsubscribeUrl", "webViewUrl"],
  },
  text: {
    chunks: ["Morgenlage \n\n", `\n\n${tricky}\nAbmelden: `, "\nIm Browser: ", "\n"],
    slots: ["greeting", "unsubscribeUrl", "webViewUrl"],
  },
};

const READERS = [
  { email: "juergen@example.de", name: 'Jürgen Groß-Überschär <CEO>, "der Chef"' },
  { email: "anna@example.de", name: "Anna" },
  { email: "nobody@example.de", name: null },
  { email: "long@example.de", name: `Maximilian-Alexander ${"Müller-Lüdenscheidt ".repeat(5).trim()}` },
];

/** nodemailer's own build (its stream transport runs MailComposer and the `list` headers), sending nothing. */
async function build(mail: Mail.Options): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" });
  return (await transport.sendMail(mail)).message as Buffer;
}

/**
 * mailparser leaves the List-Id's display name RFC 2047-encoded; two correct encoders may cut
 * the encoded-words differently, so the name is compared decoded (UTF-8 "Q" words only).
 */
function decodeQWords(value: string): string {
  return value.replace(/(=\?UTF-8\?Q\?[^?]*\?=)(\s+(?==\?UTF-8\?Q\?))?/gi, (word) => {
    const payload = /=\?UTF-8\?Q\?([^?]*)\?=/i.exec(word)?.[1] ?? "";
    const bytes = payload
      .replace(/_/g, " ")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  });
}

/** What a reader's client sees: every header (boundary aside), the parts, the attachments. */
function view(parsed: ParsedMail) {
  const headers = Object.fromEntries(
    [...parsed.headers].map(([key, value]) => {
      if (key === "content-type") {
        const type = value as { value: string; params: Record<string, string> };
        return [key, { value: type.value, params: { ...type.params, boundary: "(any)" } }];
      }
      if (key === "list") {
        const list = value as { id?: { id: string; name?: string } };
        if (list.id?.name) return [key, { ...list, id: { ...list.id, name: decodeQWords(list.id.name) } }];
      }
      return [key, value];
    }),
  );
  return {
    headers,
    subject: parsed.subject,
    from: parsed.from?.value,
    to: Array.isArray(parsed.to) ? parsed.to.map((to) => to.value) : parsed.to?.value,
    replyTo: parsed.replyTo?.value,
    date: parsed.date?.toISOString(),
    messageId: parsed.messageId,
    text: parsed.text,
    html: parsed.html,
    attachments: parsed.attachments.length,
  };
}

describe("one MIME encoder: our messages parse as nodemailer's own build of the same content", () => {
  it.each(READERS)("the per-reader message for $email", async (reader) => {
    const template = compileMimeTemplate({
      rendered,
      config,
      editionKey: "2026-11-26/politik/subscribers",
      list: "subscribers",
      date: DATE,
      secret: SECRET,
    });
    const message = fillMimeTemplate(template, reader);
    const ours = await simpleParser(concatMimeMessage(message));

    const token = signUnsubscribeToken(SECRET, "subscribers", reader.email);
    const unsubscribeUrl = `https://news.example.de/abmelden?token=${encodeURIComponent(token)}`;
    const email = personalize(
      rendered,
      { name: reader.name, unsubscribeUrl, webViewUrl: "https://news.example.de/web/2026-11-26" },
      config,
    );
    const reference = await build({
      from: { name: config.sender.name, address: config.sender.address },
      replyTo: config.sender.replyTo ?? undefined,
      to: reader.name ? { name: reader.name, address: reader.email } : reader.email,
      subject: email.subject,
      date: DATE,
      messageId: message.messageId,
      text: email.text,
      html: email.html,
      textEncoding: "quoted-printable",
      // nodemailer's own List-Id formatting: a plain "List-Id" header would be encoded whole, id included.
      list: { id: { url: "subscribers.news.example.de", comment: config.sender.name } },
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:abmelden@news.example.de?subject=unsubscribe%20${token}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    expect(view(ours)).toEqual(view(await simpleParser(reference)));
  });

  it("the gate's generic message (check/compose-mime)", async () => {
    const email = personalize(rendered, { name: null, unsubscribeUrl: null, webViewUrl: null }, config);
    const headers = { "List-Unsubscribe": "<https://news.example.de/abmelden?token=x>" };
    const ours = await simpleParser(await composeMime(email, config, headers));
    const reference = await simpleParser(
      await build({
        from: { name: config.sender.name, address: config.sender.address },
        to: config.sender.replyTo ?? config.sender.address,
        replyTo: config.sender.replyTo ?? undefined,
        subject: email.subject,
        text: email.text,
        html: email.html,
        textEncoding: "quoted-printable",
        headers,
      }),
    );
    const { date: _ourDate, messageId: _ourId, headers: ourHeaders, ...ourParts } = view(ours);
    const { date: _refDate, messageId: _refId, headers: refHeaders, ...refParts } = view(reference);
    expect(ourParts).toEqual(refParts);
    const withoutIds = (h: Record<string, unknown>) => {
      const { date: _d, "message-id": _m, ...rest } = h;
      return rest;
    };
    expect(withoutIds(ourHeaders)).toEqual(withoutIds(refHeaders));
  });
});

describe("encodeQuotedPrintable", () => {
  it("keeps every line within 76 characters and never splits an =XX triplet", () => {
    const encoded = encodeQuotedPrintable(
      `${tricky}${"ü".repeat(200)}${"=".repeat(90)}\n${"x".repeat(300)}\n${"💶a".repeat(40)}`,
    );
    for (const line of encoded.split("\r\n")) {
      expect(line.length).toBeLessThanOrEqual(QP_LINE_CHARS);
      // A line may end in a soft break "=", never in a cut triplet "=X".
      expect(line).not.toMatch(/=[0-9A-F]$/);
    }
  });

  it.each([
    ["Grüße = Gruß", "Gr=C3=BC=C3=9Fe =3D Gru=C3=9F"],
    ["Leerzeichen am Ende  \nnächste", "Leerzeichen am Ende =20\r\nn=C3=A4chste"],
    ["Tab am Ende\t", "Tab am Ende=09"],
    ["💶", "=F0=9F=92=B6"],
    ["lone \ud800 surrogate", "lone =EF=BF=BD surrogate"],
    [`https://x.de/${"a".repeat(80)}`, `https://x.de/${"a".repeat(62)}=\r\n${"a".repeat(18)}`],
  ])("%j → %j", (text, expected) => {
    expect(encodeQuotedPrintable(text)).toBe(expected);
  });
});

describe("encodeHeaderWords and foldHeader", () => {
  it("leaves plain ASCII alone and encodes the rest without splitting a character", () => {
    expect(encodeHeaderWords("Morgenlage")).toBe("Morgenlage");
    expect(encodeHeaderWords("Grüße")).toBe("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=");
    for (const word of encodeHeaderWords("🇩🇪".repeat(20)).split(" ")) {
      expect(word).toMatch(/^=\?UTF-8\?Q\?(=F0=9F=87=(A9|AA))+\?=$/);
    }
  });

  it("folds at spaces within 76 characters, and unfolding restores the value", () => {
    const value = encodeHeaderWords(rendered.subject);
    const folded = foldHeader("Subject", value);
    for (const line of folded.split("\r\n")) expect(line.length).toBeLessThanOrEqual(HEADER_LINE_CHARS);
    expect(folded.replace(/\r\n/g, "")).toBe(`Subject: ${value}`);
  });
});
