/**
 * Issue 12: hostile input, tried as an attacker would. A table of hostile articles, recipients
 * lists, config files, command-line flags and URLs, each run through the built CLI
 * (dist/cli/main.js). Every case asserts
 *
 *   - the exit code (0 ok, 1 runtime, 2 usage/config/input),
 *   - one `digest: …` line for a failure, no stack trace, no "internal error", and no raw control,
 *     terminal-escape or bidi character anywhere on stdout or stderr,
 *   - that nothing hostile reaches what was written or sent: every .eml in the outbox, the preview
 *     files, and every message a real SMTP server on 127.0.0.1 accepted, parsed back with
 *     mailparser (no injected header, one To address, no bidi or control characters in Subject,
 *     From, To, HTML or text, no live script or javascript:/data: link in the HTML).
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runDigest } from "../support/run-digest.js";
import { type SmtpFaults, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const DATE = "2026-11-26";
const SECRET = "hostile-inputs-secret-0123456789abcdef";
const SEEDS = join(ROOT, "seeds");
const BASE_CONFIG = JSON.parse(
  await readFile(join(ROOT, "test/fixtures/deliver/digest.config.json"), "utf8"),
) as Record<string, unknown>;
const BASE_ARTICLE = JSON.parse(
  await readFile(join(ROOT, "test/fixtures/check/articles/umfrage.json"), "utf8"),
) as Record<string, unknown>;
const GOOD_LIST = "email,name\nleser@example.de,Leser\n";
/** A case spawns the CLI once (a few seconds; more while other cases run at the same time). */
const CASE_TIMEOUT_MS = 120_000;

/** `digest send` to the outbox of the case's folder, from the seeds plus the case's `in/` folder. */
const SEND = ["send", "--input", SEEDS, "--date", DATE, "--state", "st", "--outbox", "ob"];
const SEND_LIST = [...SEND, "--recipients", "list.csv", "--list", "politik"];
/** The same with the case's hostile article(s) in `in/` as well. */
const SEND_ARTICLE = [...SEND_LIST, "--input", "in"];

// Raw control characters and bidi controls: never printed, never in a header or a rendered part.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Every header a digest message may carry: an injected one (Bcc, X-Evil) is anything else. */
const ALLOWED_HEADERS = new Set([
  "from",
  "reply-to",
  "subject",
  "date",
  "list-id",
  "to",
  "message-id",
  "list-unsubscribe",
  "list-unsubscribe-post",
  "mime-version",
  "content-type",
  "dkim-signature",
]);

interface HostileCase {
  area: "flag" | "config" | "recipients" | "article" | "url";
  input: string;
  args: string[];
  /** Files written into the case's folder (paths relative to it). */
  files?: Record<string, string | Buffer>;
  /** Merged over the deliver fixture's config; a string is written as the file itself. */
  config?: Record<string, unknown> | string;
  /** Runs against a real SMTP server on 127.0.0.1 (`--transport smtp`, DIGEST_SMTP_URL). */
  smtp?: SmtpFaults & { url?: (sink: SmtpSink) => string };
  code: 0 | 1 | 2;
  /** The failure line (code ≠ 0) or, for code 0, something stderr must say. */
  says?: RegExp;
  /** Messages that must have been written to the outbox or accepted by the SMTP server. */
  delivered?: number;
  /** Text that must appear nowhere in what was written or sent (besides the shared checks). */
  absent?: string[];
  /** Text that must not be printed either (a password). */
  unprinted?: string[];
}

const article = (fields: Record<string, unknown>) => JSON.stringify({ ...BASE_ARTICLE, ...fields });
const withConfig = (patch: Record<string, Record<string, unknown>>) => {
  const out: Record<string, unknown> = { ...BASE_CONFIG };
  for (const [key, value] of Object.entries(patch)) {
    out[key] = { ...((BASE_CONFIG[key] as Record<string, unknown> | undefined) ?? {}), ...value };
  }
  return out;
};
const cp1252 = (text: string) => Buffer.from(text, "latin1");
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

const CASES: HostileCase[] = [
  // ── command-line flags ────────────────────────────────────────────────────────────────────────
  {
    area: "flag",
    input: "--to with CRLF and a Bcc header",
    args: [...SEND, "--to", "a@example.org\r\nBcc: x@evil.test"],
    code: 2,
    says: /--to "a@example\.org\\r\\nBcc: x@evil\.test" is not one valid email address/,
  },
  {
    area: "flag",
    input: "--to with two comma-separated addresses",
    args: [...SEND, "--to", "a@example.org,x@evil.test"],
    code: 2,
    says: /--to .* is not one valid email address/,
  },
  {
    area: "flag",
    input: "--to with a display name",
    args: [...SEND, "--to", "Anna <a@example.org>"],
    code: 2,
    says: /is not one valid email address/,
  },
  {
    area: "flag",
    input: "--to garbage",
    args: [...SEND, "--to", "garbage"],
    code: 2,
    says: /--to "garbage" is not one valid email address/,
  },
  {
    area: "flag",
    input: "--to with a terminal escape",
    args: [...SEND, "--to", "\u001b[2J\u001b]0;owned\u0007a@example.org"],
    code: 2,
    says: /--to "\\u001b\[2J\\u001b\]0;owned\\u0007a@example\.org"/,
  },
  {
    area: "flag",
    input: "--to with a right-to-left override",
    args: [...SEND, "--to", "gro.live@\u202Ea"],
    code: 2,
    says: /\\u202e/,
  },
  {
    area: "flag",
    input: "--to over SMTP with CRLF Bcc: nothing reaches the server",
    args: [...SEND, "--transport", "smtp", "--to", "a@example.org\r\nBcc: x@evil.test"],
    smtp: {},
    code: 2,
    delivered: 0,
  },
  {
    area: "flag",
    input: "--list with CRLF",
    args: [...SEND, "--recipients", "list.csv", "--list", "politik\r\nX-Evil: 1"],
    files: { "list.csv": GOOD_LIST },
    code: 2,
    says: /the list name "politik\\r\\nX-Evil: 1" may hold only letters/,
    delivered: 0,
  },
  {
    area: "flag",
    input: "--list with a path",
    args: [...SEND, "--recipients", "list.csv", "--list", "../../etc/passwd"],
    files: { "list.csv": GOOD_LIST },
    code: 2,
    says: /the list name "\.\.\/\.\.\/etc\/passwd" may hold only letters/,
  },
  {
    area: "flag",
    input: "--rate 1e999",
    args: [...SEND_LIST, "--rate", "1e999"],
    files: { "list.csv": GOOD_LIST },
    code: 2,
    says: /--rate 1e999 is not a rate/,
  },
  {
    area: "flag",
    input: "--concurrency with a shell command",
    args: [...SEND_LIST, "--concurrency", "4; rm -rf /"],
    files: { "list.csv": GOOD_LIST },
    code: 2,
    says: /--concurrency 4; rm -rf \/ must be a whole number/,
  },
  {
    area: "flag",
    input: "--transport with CRLF",
    args: [...SEND_LIST, "--transport", "smtp\r\nX-Evil: 1"],
    files: { "list.csv": GOOD_LIST },
    code: 2,
    says: /--transport smtp X-Evil: 1 is not a transport/,
  },
  {
    area: "flag",
    input: "--date with CRLF",
    args: ["build", "--input", SEEDS, "--date", "2026-11-26\r\nX-Evil: 1"],
    code: 2,
    says: /--date .* is not a valid date/,
  },
  {
    area: "flag",
    input: "an unknown command that is a terminal escape",
    args: ["\u001b]0;owned\u0007\u001b[2J"],
    code: 2,
    says: /unknown command '\\u001b\]0;owned\\u0007\\u001b\[2J'/,
  },
  // ── config ────────────────────────────────────────────────────────────────────────────────────
  {
    area: "config",
    input: "sender.name with CRLF Bcc",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ sender: { name: "Morgenlage\r\nBcc: x@evil.test" } }),
    code: 2,
    says: /sender\.name: must be one line without control or bidi characters/,
    delivered: 0,
  },
  {
    area: "config",
    input: "sender.name with CRLF Bcc, sending over SMTP",
    args: [...SEND_LIST, "--transport", "smtp"],
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ sender: { name: "Morgenlage\r\nBcc: x@evil.test" } }),
    smtp: {},
    code: 2,
    says: /sender\.name: must be one line/,
    delivered: 0,
  },
  {
    area: "config",
    input: "sender.listId with CRLF Bcc",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ sender: { listId: "politik.example.de>\r\nBcc: x@evil.test" } }),
    code: 2,
    says: /sender\.listId: expected a dot-separated List-Id/,
  },
  {
    area: "config",
    input: "sender.replyTo with CRLF Bcc",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ sender: { replyTo: "a@example.de\r\nBcc: x@evil.test" } }),
    code: 2,
    says: /sender\.replyTo: /,
  },
  {
    area: "config",
    input: "sender.address with LF Bcc",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ sender: { address: "a@example.de\nBcc: x@evil.test" } }),
    code: 2,
    says: /sender\.address: /,
  },
  {
    area: "config",
    input: "links.unsubscribe with CRLF Bcc (the URL parser drops CR/LF)",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({
      links: { unsubscribe: "https://www.morgenlage-zeitung.de/ab\r\nBcc: x@evil.test" },
    }),
    code: 2,
    says: /links\.unsubscribe: /,
  },
  {
    area: "config",
    input: "links.unsubscribeMailto with CRLF Bcc",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ links: { unsubscribeMailto: "ab@morgenlage-zeitung.de\r\nBcc: x@evil.test" } }),
    code: 2,
    says: /links\.unsubscribeMailto: /,
  },
  {
    area: "config",
    input: "links.website javascript:",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ links: { website: "javascript:alert(document.cookie)" } }),
    code: 2,
    says: /links\.website: /,
  },
  {
    area: "config",
    input: "brand.name with a right-to-left override",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ brand: { name: "Morgen\u202Eegal" } }),
    code: 2,
    says: /brand\.name: must be one line without control or bidi characters/,
  },
  {
    area: "config",
    input: "brand.greeting with CRLF",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ brand: { greeting: "Hallo\r\n\r\nBitte Passwort senden an x@evil.test" } }),
    code: 2,
    says: /brand\.greeting: /,
  },
  {
    area: "config",
    input: "section with CRLF",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: { ...BASE_CONFIG, section: "Politik\r\nX-Evil: 1" },
    code: 2,
    says: /section: must be one line/,
  },
  {
    area: "config",
    input: "list.id with CR",
    args: [...SEND, "--recipients", "list.csv"],
    files: { "list.csv": GOOD_LIST },
    config: { ...BASE_CONFIG, list: { id: "politik\rX" } },
    code: 2,
    says: /list\.id: /,
  },
  {
    area: "config",
    input: "a typo inside delivery (delivery.transprot)",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ delivery: { transprot: "smtp" } }),
    code: 2,
    says: /delivery\.transprot: unknown key/,
  },
  {
    area: "config",
    input: "a typo inside limits (limits.furtherHeadline)",
    args: ["build", "--input", SEEDS, "--date", DATE],
    config: withConfig({ limits: { furtherHeadline: 3 } }),
    code: 2,
    says: /limits\.furtherHeadline: unknown key/,
  },
  {
    area: "config",
    input: "an unknown key that is a terminal escape",
    args: ["build", "--input", SEEDS, "--date", DATE],
    config: { ...BASE_CONFIG, "\u001b[2J\u001b]0;owned\u0007": 1 },
    code: 2,
    says: /"\\u001b\[2J\\u001b\]0;owned\\u0007": unknown key/,
  },
  {
    area: "config",
    input: "a config file that is not JSON and holds escapes",
    args: ["build", "--input", SEEDS, "--date", DATE],
    config: "\u001b[2J{ section: \r\n",
    code: 2,
    says: /not valid JSON/,
  },
  // ── recipients ────────────────────────────────────────────────────────────────────────────────
  {
    area: "recipients",
    input: "a quoted address with CRLF Bcc (row skipped, escaped in the warning)",
    args: SEND_LIST,
    files: { "list.csv": 'email,name\n"a@example.de\r\nBcc: x@evil.test",A\nleser@example.de,Leser\n' },
    code: 0,
    says: /skipped - "a@example\.de\\nbcc: x@evil\.test" has characters not allowed/,
    delivered: 1,
    absent: ["x@evil.test"],
  },
  {
    area: "recipients",
    input: "a name with CRLF Bcc",
    args: SEND_LIST,
    files: { "list.csv": 'email,name\nleser@example.de,"Anna\r\nBcc: x@evil.test"\n' },
    code: 0,
    delivered: 1,
  },
  {
    area: "recipients",
    input: "a row of terminal escapes (OSC title, clear screen)",
    args: SEND_LIST,
    files: {
      "list.csv": "email,name\n\u001b]0;owned\u0007\u001b[2Jx@example.de,X\nleser@example.de,Leser\n",
    },
    code: 0,
    says: /skipped - "\\u001b\]0;owned\\u0007\\u001b\[2jx@example\.de"/,
    delivered: 1,
  },
  {
    area: "recipients",
    input: "a name with a right-to-left override and isolates",
    args: SEND_LIST,
    files: { "list.csv": "email,name\nleser@example.de,Anna \u202Egnp.exe\u2066\n" },
    code: 0,
    delivered: 1,
  },
  {
    area: "recipients",
    input: "a name with HTML",
    args: SEND_LIST,
    files: {
      "list.csv": 'email,name\nleser@example.de,"<script>alert(1)</script><img src=x onerror=alert(1)>"\n',
    },
    code: 0,
    delivered: 1,
  },
  {
    area: "recipients",
    input: "a name with Handlebars",
    args: SEND_LIST,
    files: { "list.csv": "email,name\nleser@example.de,{{#with constructor}}{{name}}{{/with}}\n" },
    code: 0,
    delivered: 1,
  },
  {
    area: "recipients",
    input: "two addresses in one field",
    args: SEND_LIST,
    files: { "list.csv": 'email,name\n"leser@example.de, x@evil.test",A\nleser2@example.de,B\n' },
    code: 0,
    says: /skipped - /,
    delivered: 1,
    absent: ["x@evil.test"],
  },
  {
    area: "recipients",
    input: "a Windows-1252 CSV from a German spreadsheet",
    args: SEND_LIST,
    files: { "list.csv": cp1252("E-Mail;Name\r\njuergen@example.de;J\u00fcrgen Gro\u00df\r\n") },
    code: 0,
    says: /is not UTF-8 - read it as windows-1252 \(a guess/,
    delivered: 1,
    absent: ["\ufffd"],
  },
  {
    area: "recipients",
    input: "a UTF-16 CSV with BOM",
    args: SEND_LIST,
    files: { "list.csv": utf16("email,name\r\njuergen@example.de,J\u00fcrgen Gro\u00df\r\n") },
    code: 0,
    delivered: 1,
    absent: ["\ufffd"],
  },
  {
    area: "recipients",
    input: "JSON Lines with CRLF in the address and an object as name",
    args: [...SEND, "--recipients", "list.jsonl", "--list", "politik"],
    files: {
      "list.jsonl": `${JSON.stringify({ email: "a@example.de\r\nBcc: x@evil.test" })}\n${JSON.stringify({ email: "b@example.de", name: { toString: "x" } })}\n${JSON.stringify({ email: "leser@example.de", name: "Leser\u0085\u009b2J" })}\n`,
    },
    code: 0,
    delivered: 1,
    absent: ["x@evil.test"],
  },
  {
    area: "recipients",
    input: "a list of nothing but hostile rows",
    args: SEND_LIST,
    files: { "list.csv": 'email,name\n"a@x.de\r\nBcc: x@evil.test",A\n\u001b[2J,B\n' },
    code: 2,
    says: /no recipients to send to/,
    delivered: 0,
  },
  {
    area: "recipients",
    input: "a PNG as recipients list",
    args: SEND_LIST,
    files: {
      "list.csv": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x1b, 0x5b]),
    },
    code: 2,
    says: /could not read recipients .* the header row has no "email" column/,
  },
  {
    area: "recipients",
    input: "CRLF Bcc rows sent over SMTP: the envelope holds only the valid reader",
    args: [...SEND_LIST, "--transport", "smtp"],
    files: {
      "list.csv":
        'email,name\n"a@example.de\r\nBcc: x@evil.test",A\nleser@example.de,"Leser\r\nBcc: x@evil.test"\n',
    },
    smtp: {},
    code: 0,
    delivered: 1,
  },
  // ── articles ──────────────────────────────────────────────────────────────────────────────────
  {
    area: "article",
    input: "a headline and kicker with bidi controls",
    args: SEND_ARTICLE,
    files: {
      "list.csv": GOOD_LIST,
      "in/a.json": article({
        headline: "Umfrage \u202Esieht\u202C knappes \u2067Rennen\u2069",
        kicker: "Land\u200Ftag",
      }),
    },
    code: 0,
    delivered: 1,
  },
  {
    area: "article",
    input: "a headline with a script tag",
    args: SEND_ARTICLE,
    files: {
      "list.csv": GOOD_LIST,
      "in/a.json": article({ headline: "Umfrage <script>alert(1)</script> knapp" }),
    },
    code: 0,
    delivered: 1,
  },
  {
    area: "article",
    input: "a headline with Handlebars",
    args: SEND_ARTICLE,
    files: {
      "list.csv": GOOD_LIST,
      "in/a.json": article({
        headline: "Umfrage {{#each @root}}{{this}}{{/each}} knapp {{{lookup this 'x'}}}",
      }),
    },
    code: 0,
    delivered: 1,
  },
  {
    area: "article",
    input: "a headline with CRLF and a Bcc header",
    args: SEND_ARTICLE,
    files: { "list.csv": GOOD_LIST, "in/a.json": article({ headline: "Umfrage knapp\r\nBcc: x@evil.test" }) },
    code: 0,
    delivered: 1,
  },
  {
    area: "article",
    input: "a headline with terminal escapes and C1 controls",
    args: SEND_ARTICLE,
    files: {
      "list.csv": GOOD_LIST,
      "in/a.json": article({ headline: "Umfrage \u001b[31mknapp\u001b[0m \u009b2J Rennen" }),
    },
    code: 0,
    delivered: 1,
  },
  {
    area: "article",
    input: "a javascript: article URL (link dropped, check warns)",
    args: SEND_ARTICLE,
    files: { "list.csv": GOOD_LIST, "in/a.json": article({ url: "javascript:alert(document.cookie)" }) },
    code: 0,
    says: /links\/dropped .*Umfrage sieht knappes Rennen/,
    delivered: 1,
  },
  {
    area: "article",
    input: "a data: image URL (image dropped, check warns)",
    args: SEND_ARTICLE,
    files: {
      "list.csv": GOOD_LIST,
      "in/a.json": article({
        image: {
          url: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
          caption: "Bild",
          credit: null,
        },
      }),
    },
    code: 0,
    says: /the image URL "data:text\/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" is not an absolute http\(s\) URL/,
    delivered: 1,
  },
  {
    area: "article",
    input: "MJML and HTML injection in the lead",
    args: SEND_ARTICLE,
    files: {
      "list.csv": GOOD_LIST,
      "in/a.json": article({
        lead: 'Zwei Parteien liegen gleichauf.</mj-text><mj-raw><script>alert(1)</script></mj-raw><mj-text> <a href="javascript:alert(1)">hier</a> Viele sind unentschlossen.',
      }),
    },
    code: 0,
    delivered: 1,
  },
  {
    area: "article",
    input: "a billion-laughs feed",
    args: ["preview", "--input", "lol.xml", "--date", DATE, "--out", "pv"],
    files: {
      "lol.xml": `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><rss version="2.0"><channel><title>&d;</title><item><title>Bundestag &d; beschließt Haushalt</title><link>https://www.morgenlage-zeitung.de/politik/haushalt</link><description>Der Bundestag hat am Donnerstag den Haushalt beschlossen. Die Opposition kritisierte das Vorhaben scharf.</description><pubDate>Thu, 26 Nov 2026 05:00:00 +0100</pubDate><category>Politik</category></item></channel></rss>`,
    },
    code: 0,
    absent: ["aaaaaaaaaa"],
  },
  {
    area: "article",
    input: "a binary file as an article",
    args: ["build", "--input", "x.txt", "--date", DATE],
    files: { "x.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]) },
    code: 2,
    says: /could not read x\.txt - it is not a text file/,
  },
  // ── URLs ──────────────────────────────────────────────────────────────────────────────────────
  {
    area: "url",
    input: "--input file:///etc/passwd",
    args: ["build", "--input", "file:///etc/passwd", "--date", DATE],
    code: 2,
    says: /could not read file:\/\/\/etc\/passwd/,
  },
  {
    area: "url",
    input: "--input javascript:",
    args: ["build", "--input", "javascript:alert(1)", "--date", DATE],
    code: 2,
    says: /could not read javascript:alert\(1\)/,
  },
  {
    area: "url",
    input: "--input URL with a password",
    args: ["build", "--input", "http://user:hunter2secret@127.0.0.1:9/politik", "--date", DATE],
    code: 2,
    says: /could not read http:\/\/\*\*\*@127\.0\.0\.1:9\/politik - /,
    unprinted: ["hunter2secret"],
  },
  {
    area: "url",
    input: "--input URL with a terminal escape",
    args: ["build", "--input", "http://127.0.0.1:9/\u001b[2J\u001b]0;owned\u0007", "--date", DATE],
    code: 2,
    says: /could not read http:\/\/127\.0\.0\.1:9\//,
  },
  {
    area: "url",
    input: "DIGEST_SMTP_URL with credentials, server without AUTH",
    args: [...SEND_LIST, "--transport", "smtp"],
    files: { "list.csv": GOOD_LIST },
    smtp: { url: (sink) => `smtp://user:hunter2secret@127.0.0.1:${sink.port}` },
    code: 1,
    says: /stopped: the SMTP server smtp:\/\/\*\*\*@127\.0\.0\.1:\d+ offers no AUTH, but DIGEST_SMTP_URL carries a user and password/,
    delivered: 0,
    unprinted: ["hunter2secret"],
  },
  {
    area: "url",
    input: "DIGEST_SMTP_URL that is not SMTP",
    args: [...SEND_LIST, "--transport", "smtp"],
    files: { "list.csv": GOOD_LIST },
    smtp: { url: () => "http://user:hunter2secret@127.0.0.1:9/" },
    code: 2,
    says: /DIGEST_SMTP_URL is not a usable SMTP URL \(http:\/\/\*\*\*@127\.0\.0\.1:9\)/,
    unprinted: ["hunter2secret"],
  },
  {
    area: "url",
    input: "an unsubscribe URL with a space",
    args: SEND_LIST,
    files: { "list.csv": GOOD_LIST },
    config: withConfig({ links: { unsubscribe: "https://www.morgenlage-zeitung.de/ab melden" } }),
    code: 2,
    says: /links\.unsubscribe: /,
  },
];

const sinks: SmtpSink[] = [];
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "digest-hostile-"));
});

afterAll(async () => {
  await Promise.all(sinks.map((sink) => sink.close()));
});

describe("hostile inputs", () => {
  it("covers at least 40 inputs across flags, config, recipients, articles and URLs", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const areas = new Set(CASES.map((c) => c.area));
    expect([...areas].sort()).toEqual(["article", "config", "flag", "recipients", "url"]);
  });

  it.concurrent.each(CASES.map((c, index) => [`${c.area}: ${c.input}`, c, index] as const))(
    "%s",
    async (_title, hostile, index) => {
      const dir = join(work, `case-${index}`);
      await mkdir(join(dir, "in"), { recursive: true });
      for (const [name, content] of Object.entries(hostile.files ?? {})) {
        await writeFile(join(dir, name), content);
      }
      const config = hostile.config ?? BASE_CONFIG;
      await writeFile(
        join(dir, "digest.config.json"),
        typeof config === "string" ? config : JSON.stringify(config),
      );
      let sink: SmtpSink | null = null;
      const env: NodeJS.ProcessEnv = { DIGEST_UNSUBSCRIBE_SECRET: SECRET, DIGEST_SMTP_URL: "" };
      if (hostile.smtp) {
        sink = await startSmtpSink(hostile.smtp);
        sinks.push(sink);
        env.DIGEST_SMTP_URL = hostile.smtp.url ? hostile.smtp.url(sink) : sink.url;
      }
      const run = await runDigest(hostile.args, { cwd: dir, env, timeoutMs: 60_000 });
      const printed = `${run.stdout}${run.stderr}`;

      expect({ code: run.code, stderr: run.stderr.slice(-2000) }).toMatchObject({ code: hostile.code });
      expect(printed).not.toMatch(/^\s+at .+[(:]\d+/m);
      expect(printed).not.toMatch(/internal error/);
      expect(printed).not.toMatch(RAW_CONTROL);
      expect(printed).not.toMatch(BIDI);
      const failures = run.stderr.split("\n").filter((line) => line.startsWith("digest: "));
      if (hostile.code === 0) {
        expect(failures).toEqual([]);
        if (hostile.says) expect(run.stderr).toMatch(hostile.says);
      } else if (hostile.code === 2 || failures.length > 0) {
        expect(failures).toHaveLength(1);
        expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(failures[0]);
        if (hostile.says) expect(failures[0]).toMatch(hostile.says);
      } else {
        // A list send that stopped (exit 1) ends with its report on stdout: "stopped: <why>".
        if (hostile.says) expect(run.stdout).toMatch(hostile.says);
      }

      const written = await readOutputs(dir);
      const sent = sink ? sink.messages.map((m) => ({ raw: m.raw, to: m.to })) : [];
      const messages = [...written.emls.map((raw) => ({ raw, to: null })), ...sent];
      if (hostile.delivered !== undefined) expect(messages).toHaveLength(hostile.delivered);
      for (const { raw, to } of messages) {
        const mail = await simpleParser(raw);
        assertCleanMessage(mail, raw);
        if (to !== null) expect(to).toMatch(/^[a-z0-9.]+@example\.de$/);
      }
      for (const file of written.previews) assertCleanPart(file, file.includes("<html") ? "html" : "text");
      for (const text of [...messages.map((m) => m.raw.toString("utf8")), ...written.previews]) {
        for (const needle of hostile.absent ?? []) expect(text).not.toContain(needle);
      }
      for (const needle of hostile.unprinted ?? []) expect(printed).not.toContain(needle);
    },
    CASE_TIMEOUT_MS,
  );
});

/** The .eml files in the outbox and the preview files (HTML and text) a case left in its folder. */
async function readOutputs(dir: string): Promise<{ emls: Buffer[]; previews: string[] }> {
  const emls: Buffer[] = [];
  const previews: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".eml")) emls.push(await readFile(path));
      else if (/\.(html|txt)$/.test(entry.name)) previews.push(await readFile(path, "utf8"));
    }
  };
  await walk(join(dir, "ob"));
  await walk(join(dir, "pv"));
  return { emls, previews };
}

/** No injected header, one To address, and clean Subject, From, To, HTML and text. */
function assertCleanMessage(mail: ParsedMail, raw: Buffer): void {
  const head = raw.toString("latin1").split("\r\n\r\n")[0] ?? "";
  const names = head
    .split("\r\n")
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(":")).toLowerCase());
  expect(names.filter((name) => !ALLOWED_HEADERS.has(name))).toEqual([]);
  expect(names.filter((name) => name === "to")).toHaveLength(1);
  expect(mail.bcc).toBeUndefined();
  expect(mail.cc).toBeUndefined();
  const to = mail.to && !Array.isArray(mail.to) ? mail.to.value : [];
  expect(to).toHaveLength(1);
  expect(to[0]?.address).toMatch(/^[a-z0-9.]+@example\.de$/);
  for (const value of [mail.subject ?? "", to[0]?.name ?? "", mail.from?.value[0]?.name ?? ""]) {
    expect(value).not.toMatch(RAW_CONTROL);
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).not.toMatch(BIDI);
  }
  assertCleanPart(String(mail.html || ""), "html");
  assertCleanPart(mail.text ?? "", "text");
}

function assertCleanPart(part: string, kind: "html" | "text"): void {
  const text = part.replace(/\r\n/g, "\n");
  expect(text).not.toMatch(RAW_CONTROL);
  expect(text).not.toMatch(BIDI);
  expect(text).not.toContain("\ufffd");
  if (kind === "html") {
    expect(text).not.toMatch(/<script|<img[^>]+onerror|<mj-/i);
    expect(text).not.toMatch(/(?:href|src)\s*=\s*["']?\s*(?:javascript|data|vbscript):/i);
    expect(text).not.toMatch(/\{\{|\}\}/);
  }
}
