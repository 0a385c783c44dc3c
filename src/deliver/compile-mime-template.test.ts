import { generateKeyPairSync } from "node:crypto";
import { dkimVerify } from "mailauth";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/index.js";
import { personalize } from "../render/index.js";
import type { RenderedEdition } from "../types.js";
import { compileMimeTemplate, concatMimeMessage, fillMimeTemplate } from "./compile-mime-template.js";
import { signDkim } from "./sign-dkim.js";
import { verifyUnsubscribeToken } from "./unsubscribe-token.js";

const SECRET = "test-secret-0123456789abcdef";
const config = parseConfig({
  brand: { name: "Morgenlage", greeting: "Guten Morgen" },
  links: {
    unsubscribe: "https://news.example.de/abmelden",
    unsubscribeMailto: "abmelden@news.example.de",
    webView: "https://news.example.de/web/{date}",
  },
  sender: { name: "Morgenlage Politik – Redaktion", address: "politik@news.example.de" },
});

// Long lines, "=" signs, umlauts, a trailing space before a slot: everything QP splicing must survive.
const longLine = `Außenpolitik: ${"Zölle, Grenzen und Gespräche über Öl = Macht. ".repeat(6)}`;
const rendered: RenderedEdition = {
  date: "2026-11-26",
  subject: "Entwicklung militärischer Beziehung: China will Putin den Rücken stärken",
  preheader: "Vorschau",
  html: {
    chunks: [
      `<html lang="de"><body><p style="margin:0">`,
      `</p><p>${longLine}</p><a href="`,
      `">Abmelden</a> <a href="`,
      `">Im Browser</a></body></html>`,
    ],
    slots: ["greeting", "unsubscribeUrl", "webViewUrl"],
  },
  text: {
    chunks: ["Morgenlage \n\n", `\n\n${longLine}\n\nAbmelden: `, "\nIm Browser: ", "\n"],
    slots: ["greeting", "unsubscribeUrl", "webViewUrl"],
  },
};
const editionKey = "2026-11-26/politik/subscribers";

function compile() {
  return compileMimeTemplate({
    rendered,
    config,
    editionKey,
    list: "subscribers",
    date: new Date("2026-11-26T06:30:00Z"),
    secret: SECRET,
  });
}

describe("compileMimeTemplate + fillMimeTemplate", () => {
  it("builds a message whose decoded parts equal personalize() for the same reader", async () => {
    const template = compile();
    const message = fillMimeTemplate(template, { email: "juergen@example.de", name: "Jürgen Groß <CEO>" });
    const raw = concatMimeMessage(message);
    expect(raw.byteLength).toBe(message.byteLength);
    const parsed = await simpleParser(raw);
    const unsubscribeUrl = /<(https:[^>]+)>/.exec(
      String(parsed.headers.get("list-unsubscribe") ?? raw.toString()),
    )?.[1];
    const expected = personalize(
      rendered,
      { name: "Jürgen Groß <CEO>", unsubscribeUrl: unsubscribeUrl ?? null, webViewUrl: null },
      config,
    );
    expect(parsed.subject).toBe(rendered.subject);
    expect(parsed.to && "value" in parsed.to ? parsed.to.value[0] : null).toEqual({
      address: "juergen@example.de",
      name: "Jürgen Groß <CEO>",
    });
    expect(parsed.from?.value[0]).toEqual({
      address: "politik@news.example.de",
      name: "Morgenlage Politik – Redaktion",
    });
    expect(String(parsed.html).replace(/\r\n/g, "\n")).toBe(expected.html);
    expect(String(parsed.text).replace(/\r\n/g, "\n").trimEnd()).toBe(expected.text.trimEnd());
    expect(parsed.html).toContain("Guten Morgen, Jürgen Groß &lt;CEO&gt;!");
  });

  it("carries one-click unsubscribe headers with the reader's signed token, List-Id and a stable Message-ID", () => {
    const template = compile();
    const head = (email: string) =>
      Buffer.concat(fillMimeTemplate(template, { email, name: null }).head).toString();
    const anna = head("anna@example.de");
    const token = /abmelden\?token=([^>]+)>/.exec(anna)?.[1];
    expect(token && verifyUnsubscribeToken(SECRET, "subscribers", decodeURIComponent(token))).toBe(
      "anna@example.de",
    );
    expect(token && verifyUnsubscribeToken(SECRET, "other-list", decodeURIComponent(token))).toBeNull();
    expect(anna).toMatch(
      /^List-Unsubscribe: <https:\/\/news\.example\.de\/abmelden\?token=[^>]+>,\r\n <mailto:abmelden@news\.example\.de\?subject=unsubscribe%20[^>]+>\r\n/m,
    );
    expect(anna).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/m);
    expect(anna.replace(/\r\n /g, " ")).toMatch(/^List-Id: .*<subscribers\.news\.example\.de>\r\n/m);
    expect(anna).toMatch(/^Subject: .*=\?UTF-8\?Q\?/m);
    const id = /^Message-ID: (<[0-9a-f]{32}@news\.example\.de>)/m.exec(anna)?.[1];
    expect(id).toBeDefined();
    expect(compile() && head("anna@example.de")).toContain(`Message-ID: ${id}`);
    expect(head("bob@example.de")).not.toContain(`Message-ID: ${id}`);
  });

  it("keeps body lines within 76 characters (QP) and header lines within 998, all CRLF", () => {
    const message = fillMimeTemplate(compile(), { email: "a@example.de", name: "Anna" });
    const head = Buffer.concat(message.head).toString();
    const body = Buffer.concat(message.body).toString();
    expect(body.split("\r\n").filter((line) => line.length > 76)).toEqual([]);
    expect(head.split("\r\n").filter((line) => line.length > 998)).toEqual([]);
    const raw = head + body;
    expect(raw).not.toMatch(/[^\r]\n/);
  });

  it("signs with DKIM so that mailauth verifies the signature", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const key = { domainName: "news.example.de", keySelector: "digest", privateKey };
    const template = compile();
    const message = signDkim(
      fillMimeTemplate(template, { email: "anna@example.de", name: "Anna Schulz" }),
      key,
      template.signedHeaderNames,
      new Date(),
    );
    const dnsKey = publicKey.export({ type: "spki", format: "der" }).toString("base64");
    const result = await dkimVerify(concatMimeMessage(message), {
      resolver: async (name: string, type: string) => {
        if (name === "digest._domainkey.news.example.de" && type === "TXT")
          return [[`v=DKIM1; k=rsa; p=${dnsKey}`]];
        throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
      },
    });
    expect(result.results[0]?.status.result).toBe("pass");
    expect(result.results[0]?.signingDomain).toBe("news.example.de");
    expect(concatMimeMessage(message).toString()).toMatch(
      /^DKIM-Signature: .*\r\n .*h=[^;]*list-unsubscribe:list-unsubscribe-post/m,
    );
  });

  // Issue 12, item 2: the MIME layer refuses CR/LF in header values even when the schema is bypassed
  // (a library caller building a Config by hand); nodemailer's encodeWords passes ASCII CR/LF through.
  it.each([
    [
      "sender.name",
      { ...config, sender: { ...config.sender, name: "Morgenlage\r\nBcc: x@evil.test" } },
      rendered,
    ],
    [
      "sender.listId",
      { ...config, sender: { ...config.sender, listId: "a.de>\r\nBcc: x@evil.test" } },
      rendered,
    ],
    ["the subject", config, { ...rendered, subject: "Hallo\r\nBcc: x@evil.test" }],
    [
      "links.unsubscribe",
      { ...config, links: { ...config.links, unsubscribe: "https://a.de/x\r\nBcc: x@evil.test" } },
      rendered,
    ],
  ])("refuses a header value with CR/LF from %s", (source, badConfig, badRendered) => {
    expect(() =>
      compileMimeTemplate({
        rendered: badRendered,
        config: badConfig,
        editionKey,
        list: "subscribers",
        date: new Date("2026-11-26T06:30:00Z"),
        secret: SECRET,
      }),
    ).toThrow(new RegExp(`${source.replace(".", "\\.")} ".*\\\\r\\\\nBcc`));
  });

  it("refuses a recipient address or name with CR/LF", () => {
    const template = compile();
    expect(() =>
      fillMimeTemplate(template, { email: "a@example.de\r\nBcc: x@evil.test", name: null }),
    ).toThrow(/To header/);
    expect(() =>
      fillMimeTemplate(template, { email: "a@example.de", name: "Anna\nBcc: x@evil.test" }),
    ).toThrow(/recipient's name/);
  });
});
