import { request } from "node:http";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Config, parseConfig } from "../config/index.js";
import {
  ALL_LISTS,
  createLedger,
  editionKeyOf,
  type Ledger,
  signUnsubscribeToken,
} from "../deliver/index.js";
import { createRenderer } from "../render/index.js";
import type { Edition } from "../types.js";
import { startWebServer, type WebServer } from "./start-web-server.js";

const SECRET = "unit-web-secret-0123456789abcdef";
const LIST = "subscribers";
const DATE = "2026-11-26";

let edition: Edition;
const open: { web: WebServer; ledger: Ledger }[] = [];

beforeAll(() => {
  edition = {
    date: DATE,
    timeZone: "Europe/Berlin",
    dateLine: "Donnerstag, 26. November 2026",
    section: "Politik",
    subject: 'Gipfel <script>alert("x")</script>',
    preheader: "Die Lage am Morgen",
    stories: [
      {
        id: "gipfel",
        role: "top",
        section: "Politik",
        kicker: null,
        headline: "Gipfel ohne Einigung",
        authors: [],
        dateline: null,
        published: null,
        updated: null,
        teaser: "Die Regierungschefs gehen ohne gemeinsame Erklärung auseinander.",
        keyPoints: [],
        url: null,
        image: null,
      },
    ],
  };
});

afterEach(async () => {
  for (const { web, ledger } of open.splice(0)) {
    await web.close();
    ledger.close();
  }
});

async function start(overrides: Partial<Config["web"]> = {}) {
  const config = parseConfig({ brand: { name: "Morgenlage <b>" }, web: overrides });
  const ledger = createLedger({ stateDir: ".", file: ":memory:" });
  const key = editionKeyOf({ date: DATE, section: "Politik", list: LIST });
  ledger.recordEditionState(key, {
    date: DATE,
    section: "Politik",
    list: LIST,
    state: "complete",
    subject: edition.subject,
  });
  const rendered = await createRenderer().renderEdition(edition, config);
  ledger.saveEditionContent(key, { edition, rendered }, "2026-11-26T06:30:00.000Z");
  const logs: string[] = [];
  const logger = {
    info: (m: string) => logs.push(m),
    warn: (m: string) => logs.push(m),
    debug: (m: string) => logs.push(m),
  };
  const web = await startWebServer({ host: "127.0.0.1", port: 0, config, ledger, secret: SECRET, logger });
  open.push({ web, ledger });
  return { web, ledger, logs, store: ledger.suppressions };
}

const token = (address: string) => signUnsubscribeToken(SECRET, LIST, address);

function post(
  url: string,
  body: string,
  type = "application/x-www-form-urlencoded",
  headers: Record<string, string> = {},
) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": type, ...headers },
    body,
    redirect: "manual",
  });
}

describe("startWebServer", () => {
  it("GET never unsubscribes; the form POST does, and its undo lifts only the reader's own entry", async () => {
    const { web, store } = await start();
    const t = token("anna@example.de");
    const confirm = await fetch(`${web.url}abmelden?token=${t}`);
    expect(confirm.status).toBe(200);
    expect(confirm.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(confirm.headers.get("referrer-policy")).toBe("no-referrer");
    expect(confirm.headers.get("cache-control")).toBe("no-store");
    expect(await confirm.text()).toContain("a***@example.de");
    expect(store.count().total).toBe(0);

    const done = await post(`${web.url}abmelden`, `token=${t}&action=unsubscribe`);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('value="undo"');
    expect(store.get("anna@example.de", LIST)?.how).toBe("page");

    expect(await (await post(`${web.url}abmelden`, `token=${t}&action=undo`)).text()).toContain(
      "Wieder angemeldet",
    );
    expect(store.count().total).toBe(0);

    store.add({ address: "anna@example.de", list: ALL_LISTS, how: "bounce", at: "2026-11-26T06:31:00.000Z" });
    const blocked = await (await post(`${web.url}abmelden`, `token=${t}&action=undo`)).text();
    expect(blocked).toContain("nicht über diesen Link abgemeldet");
    expect(store.isSuppressed("anna@example.de", LIST)).toBe(true);
  });

  it("takes one-click as multipart/form-data too (RFC 8058 allows both)", async () => {
    const { web, store } = await start();
    const body =
      '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n';
    const response = await post(
      `${web.url}abmelden?token=${token("bert@example.de")}`,
      body,
      "multipart/form-data; boundary=b",
    );
    expect(response.status).toBe(200);
    expect(store.get("bert@example.de", LIST)?.how).toBe("one-click");
  });

  it("answers every bad token with the same plain 400 page", async () => {
    const { web, store } = await start();
    const good = token("anna@example.de");
    const bodies = await Promise.all(
      [
        "x",
        `${good}.extra`,
        good.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        signUnsubscribeToken("another-secret-0123456789abcdef", LIST, "anna@example.de"),
        signUnsubscribeToken(SECRET, "other-list", "anna@example.de"),
        "a".repeat(600),
        spareBits(good),
      ].map(async (t) => {
        const response = await post(
          `${web.url}abmelden?token=${encodeURIComponent(t)}`,
          "List-Unsubscribe=One-Click",
        );
        expect(response.status).toBe(400);
        return response.text();
      }),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain("anna");
    expect(store.count().total).toBe(0);
    // Token in query and body must agree.
    const mixed = await post(
      `${web.url}abmelden?token=${good}`,
      `token=${token("bert@example.de")}&action=unsubscribe`,
    );
    expect(mixed.status).toBe(400);
  });

  it("limits requests per client IP, honouring X-Forwarded-For only when configured", async () => {
    const direct = await start({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await fetch(`${direct.web.url}abmelden`, { headers: { "X-Forwarded-For": `10.0.0.${i}` } })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);

    const proxied = await start({ rateLimitPerMinute: 3, trustProxy: true });
    const spread: number[] = [];
    for (let i = 0; i < 4; i++) {
      spread.push(
        (await fetch(`${proxied.web.url}abmelden`, { headers: { "X-Forwarded-For": `10.0.0.${i}` } })).status,
      );
    }
    expect(spread).toEqual([200, 200, 200, 200]);
    // The client-supplied entries left of the proxy's own one do not buy a new budget.
    const spoofed: number[] = [];
    for (const fake of ["6.6.6.6", "7.7.7.7", "8.8.8.8"]) {
      const response = await fetch(`${proxied.web.url}abmelden`, {
        headers: { "X-Forwarded-For": `${fake}, 10.0.0.1` },
      });
      spoofed.push(response.status);
    }
    expect(spoofed).toEqual([200, 200, 429]);
    const again = await fetch(`${proxied.web.url}abmelden`, { headers: { "X-Forwarded-For": "10.0.0.1" } });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses oversized bodies and URLs, other methods and content types", async () => {
    const { web } = await start();
    expect((await post(`${web.url}abmelden`, `token=${"a".repeat(5_000)}`)).status).toBe(413);
    expect((await fetch(`${web.url}abmelden?token=${"a".repeat(3_000)}`)).status).toBe(414);
    expect((await post(`${web.url}abmelden`, "{}", "application/json")).status).toBe(415);
    const put = await fetch(`${web.url}abmelden`, { method: "PUT", body: "x" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST");
    expect((await post(`${web.url}newsletter/politik/`, "x")).status).toBe(405);
    const chunked = await rawPost(web, "/abmelden", "token=".padEnd(10_000, "a"));
    expect(chunked).toBe(413);
  });

  it("escapes untrusted text, sets no cookies and never redirects", async () => {
    const { web, logs } = await start();
    const index = await fetch(`${web.url}newsletter/politik/`);
    const html = await index.text();
    expect(html).toContain("Gipfel &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Morgenlage &lt;b&gt;");
    expect(html).not.toContain("<script>");
    const paths = [
      "newsletter",
      "newsletter/",
      "newsletter/politik",
      "newsletter/Politik/2026-11-26",
      "newsletter/politik/2026-11-27",
      "//evil.example/",
      "abmelden?token=x&next=https://evil.example/",
    ];
    for (const path of paths) {
      const response = await fetch(`${web.url}${path}`, { redirect: "manual" });
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    }
    expect((await fetch(`${web.url}newsletter/politik`)).status).toBe(200);
    expect(await (await fetch(`${web.url}newsletter/politik`)).text()).toContain('href="politik/2026-11-26"');
    expect((await fetch(`${web.url}newsletter/politik/2026-11-27`)).status).toBe(404);
    expect((await fetch(`${web.url}newsletter/%E0%A4%A`)).status).toBe(400);
    await post(`${web.url}abmelden?token=${token("anna@example.de")}`, "List-Unsubscribe=One-Click");
    const log = logs.join("\n");
    expect(log).toContain("unsubscribed (one-click) from list subscribers: reader ");
    expect(log).not.toContain("anna");
    expect(log).not.toContain(token("anna@example.de").slice(0, 10));
  });
});

/**
 * The token with its last character changed only in the bits base64url does not use (16 bytes
 * end in a character that carries 2 data bits): it decodes to the same bytes, yet is not the token
 * that was sent.
 */
function spareBits(token: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const last = alphabet.indexOf(token.slice(-1));
  const altered = `${token.slice(0, -1)}${alphabet[last ^ 1]}`;
  const mac = (t: string) => Buffer.from(t.split(".")[1] ?? "", "base64url").toString("hex");
  if (mac(altered) !== mac(token)) throw new Error("expected the altered token to decode to the same bytes");
  return altered;
}

/** A POST without Content-Length (chunked), so the size limit must hold while streaming. */
function rawPost(web: WebServer, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${web.url.replace(/\/$/, "")}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    for (let i = 0; i < body.length; i += 1_000) req.write(body.slice(i, i + 1_000));
    req.end();
  });
}
