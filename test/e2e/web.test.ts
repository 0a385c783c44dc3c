/**
 * The reader's side end to end, with the built CLI: `digest send` to a real SMTP sink
 * (smtp-server on 127.0.0.1) with `links.base` pointing at a real `digest web` on 127.0.0.1; the
 * List-Unsubscribe URL taken from a received message and POSTed one-click; the "Abmelden" link
 * opened in Chromium and confirmed there (and undone); a forged token; the next edition reaches
 * everyone but the two who left. The archive page and the Atom feed of what was sent.
 *
 * The sends pass --force: the pre-send gate rightly wants an https unsubscribe URL on a real
 * host, and this one is http://127.0.0.1.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { ROOT, runDigest } from "../support/run-digest.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { type DigestProcess, spawnDigest } from "../support/spawn-digest.js";

const SECRET = "e2e-web-secret-0123456789abcdef";
const READERS = ["anna@example.de", "bert@example.de", "carla@example.de", "dora@example.de"];
const FIRST = "2026-11-26";
const SECOND = "2026-11-27";

let dir: string;
let base: string;
let sink: SmtpSink;
let web: DigestProcess;
let browser: Browser;
const env = () => ({ DIGEST_UNSUBSCRIBE_SECRET: SECRET, DIGEST_SMTP_URL: sink.url });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "digest-web-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const fixture = JSON.parse(await readFile(join(ROOT, "test/fixtures/deliver/digest.config.json"), "utf8"));
  const { unsubscribe: _u, webView: _w, ...links } = fixture.links;
  await writeFile(
    join(dir, "digest.config.json"),
    JSON.stringify({ ...fixture, inputs: [join(ROOT, "seeds")], links: { ...links, base } }),
  );
  await writeFile(
    join(dir, "subscribers.csv"),
    `email,name\n${READERS.map((r, i) => `${r},Leser ${i}`).join("\n")}\n`,
  );
  [sink, browser] = await Promise.all([startSmtpSink(), launchChromium()]);
  web = spawnDigest(["web", "--port", String(port)], { from: "dist", cwd: dir, env: env() });
  await web.waitForOutput("stdout", /^http:\/\/127\.0\.0\.1:\d+\/$/m);
}, 60_000);

afterAll(async () => {
  web?.child.kill("SIGTERM");
  await web?.exited;
  await browser?.close();
  await sink?.close();
});

async function send(date: string) {
  const run = await runDigest(
    ["send", "--date", date, "--recipients", "subscribers.csv", "--transport", "smtp", "--force"],
    { cwd: dir, env: env() },
  );
  expect(run.stderr).not.toMatch(/digest: /);
  expect(run.code).toBe(0);
  return run;
}

function messageTo(address: string, subjectOf?: string) {
  const message = sink.messages.find(
    (m) => m.to === address && (subjectOf === undefined || m.subject === subjectOf),
  );
  if (!message) throw new Error(`no message to ${address}`);
  return message;
}

async function suppressed(): Promise<{ address: string; list: string; how: string }[]> {
  const run = await runDigest(["suppress", "list", "--json"], { cwd: dir });
  return JSON.parse(run.stdout);
}

describe("digest web with digest send", () => {
  it("one-click, confirmation page and forged tokens; the next edition skips exactly the readers who left", async () => {
    await send(FIRST);
    expect(sink.messages.map((m) => m.to).sort()).toEqual(READERS);

    // One-click from the List-Unsubscribe header, as Gmail does it.
    const anna = messageTo("anna@example.de");
    const head = anna.raw.toString("utf8", 0, anna.raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const oneClick = /^List-Unsubscribe: <([^>]+)>/m.exec(head)?.[1] ?? "";
    expect(oneClick.startsWith(`${base}/abmelden?token=`)).toBe(true);

    // Forged: Anna's signature on Bert's address, a flipped signature, a made-up token.
    const token = decodeURIComponent(new URL(oneClick).searchParams.get("token") ?? "");
    const [, mac] = token.split(".");
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const forged = [
      `${Buffer.from("bert@example.de").toString("base64url")}.${mac}`,
      flipped,
      "Y2FybGFAZXhhbXBsZS5kZQ.AAAAAAAAAAAAAAAAAAAAAA",
    ];
    for (const fake of forged) {
      const response = await postOneClick(`${base}/abmelden?token=${encodeURIComponent(fake)}`);
      expect(response.status).toBe(400);
      const body = await response.text();
      expect(body).toContain("Ungültiger Link");
      expect(body).not.toMatch(/bert|carla|anna|@example/);
    }
    expect(await suppressed()).toEqual([]);

    for (let i = 0; i < 2; i++) {
      const response = await postOneClick(oneClick);
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(response.headers.get("location")).toBeNull();
    }
    expect(await suppressed()).toMatchObject([
      { address: "anna@example.de", list: "subscribers", how: "one-click" },
    ]);

    // Bert and Carla follow the "Abmelden" link in the HTML in a real browser.
    const linkOf = (address: string) =>
      /href="([^"]*\/abmelden\?token=[^"]+)"/
        .exec(messageTo(address).mail.html || "")?.[1]
        ?.replaceAll("&amp;", "&") ?? "";
    const page = await browser.newPage();
    await page.goto(linkOf("bert@example.de"));
    expect(await page.locator("h1").textContent()).toBe("Newsletter abbestellen");
    expect(await page.locator("main").textContent()).toContain("b***@example.de");
    expect((await suppressed()).map((s) => s.address)).toEqual(["anna@example.de"]);
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.waitForURL(`${base}/abmelden`);
    expect(await page.locator("h1").textContent()).toBe("Abgemeldet");

    await page.goto(linkOf("carla@example.de"));
    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Abgemeldet");
    await page.getByRole("button", { name: "Rückgängig machen" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Wieder angemeldet");
    await page.close();
    expect((await suppressed()).map((s) => `${s.address} ${s.how}`)).toEqual([
      "anna@example.de one-click",
      "bert@example.de page",
    ]);

    const before = sink.messages.length;
    const second = await send(SECOND);
    expect(second.stdout).toContain("suppressed: 2 addresses on the suppression list skipped");
    expect(
      sink.messages
        .slice(before)
        .map((m) => m.to)
        .sort(),
    ).toEqual(["carla@example.de", "dora@example.de"]);
  }, 90_000);

  it("serves each sent edition as it was sent, without personal parts, and an Atom feed with one entry per edition", async () => {
    const dora = messageTo("dora@example.de", sink.messages[0]?.subject);
    const webView = /href="([^"]+\/newsletter\/politik\/2026-11-26)"/.exec(dora.mail.html || "")?.[1];
    expect(webView).toBe(`${base}/newsletter/politik/${FIRST}`);
    const response = await fetch(webView as string);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const archived = await response.text();
    expect(archived).not.toContain("token=");
    expect(archived).not.toContain("dora");
    const textOf = (html: string) =>
      (parseHTML(html).document.body.textContent ?? "").replace(/\s+/g, " ").trim();
    // The only difference: the personal greeting.
    expect(textOf(archived)).toBe(
      textOf(dora.mail.html || "").replace("Guten Morgen, Leser 3!", "Guten Morgen!"),
    );

    const index = await (await fetch(`${base}/newsletter/politik/`)).text();
    expect(index).toContain(`href="${FIRST}"`);
    expect(index).toContain(`href="${SECOND}"`);

    const feed = await fetch(`${base}/newsletter/politik/feed.xml`);
    expect(feed.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await feed.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(xml);
    const entries = parsed.feed.entry as { id: string; title: string; link: { "@_href": string } }[];
    expect(entries.map((e) => e.link["@_href"])).toEqual([
      `${base}/newsletter/politik/${SECOND}`,
      `${base}/newsletter/politik/${FIRST}`,
    ]);
    expect(entries[1]?.title).toBe(dora.subject);
  });
});

function postOneClick(url: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
    redirect: "manual",
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
