import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig, loadEdition } from "../../test/fixtures/render/fixtures.js";
import { isDigestError } from "../errors.js";
import type { RenderedEdition } from "../types.js";
import { createRenderer } from "./create-renderer.js";
import { formatGreeting, personalize, resolveWebViewUrl } from "./personalize.js";

const config = loadConfig();
let rendered: RenderedEdition;

beforeAll(async () => {
  rendered = await createRenderer().renderEdition(loadEdition("edition-full"), config);
});

function links(html: string, label: string): (string | null)[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll("a")]
    .filter((a) => a.textContent?.trim() === label)
    .map((a) => a.getAttribute("href"));
}

describe("formatGreeting", () => {
  it.each([
    ["Guten Morgen", "Anna", "Guten Morgen, Anna!"],
    ["Guten Morgen", null, "Guten Morgen!"],
    ["Guten Morgen", "", "Guten Morgen!"],
    ["Guten Morgen", "  \n ", "Guten Morgen!"],
    ["Guten Morgen", " Anna\r\nMüller ", "Guten Morgen, Anna Müller!"],
    ["Moin!", null, "Moin!"],
    ["Moin!", "Jens", "Moin, Jens!"],
    ["Hallo,", "Jens", "Hallo, Jens!"],
    ["Liebe Leserinnen und Leser,", null, "Liebe Leserinnen und Leser,"],
    [
      "Guten Morgen",
      "Dr. Karl-Theodor Maria Nikolaus Johann Jacob Philipp Franz Joseph Sylvester Freiherr",
      "Guten Morgen, Dr. Karl-Theodor Maria Nikolaus Johann Jacob Philipp Franz…!",
    ],
  ])("%j + %j → %j", (greeting, name, expected) => {
    expect(formatGreeting(greeting, name)).toBe(expected);
  });
});

describe("personalize", () => {
  it("escapes the reader's name in the HTML and keeps it raw in the text", () => {
    const email = personalize(
      rendered,
      { name: '<b>Ann</b> & "Bob"', unsubscribeUrl: null, webViewUrl: null },
      config,
    );
    expect(email.html).toContain("Guten Morgen, &lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Bob&quot;!");
    expect(email.html).not.toContain("<b>Ann</b>");
    expect(email.text).toContain('Guten Morgen, <b>Ann</b> & "Bob"!');
    const { document } = parseHTML(email.html);
    expect(document.querySelectorAll("b")).toHaveLength(0);
    expect(document.body.textContent).toContain('Guten Morgen, <b>Ann</b> & "Bob"!');
  });

  it("neutralises template syntax in a name", () => {
    const email = personalize(
      rendered,
      { name: "{{constructor}}", unsubscribeUrl: null, webViewUrl: null },
      config,
    );
    expect(email.html).not.toContain("{{");
    expect(email.text).toContain("Guten Morgen, {{constructor}}!");
  });

  it("fills the reader's unsubscribe and web-view URLs, attribute-safe in HTML and raw in text", () => {
    const unsubscribeUrl = "https://www.example-zeitung.de/newsletter/abmelden?r=anna%40example.de&t=abc.def";
    const webViewUrl = "https://www.example-zeitung.de/newsletter/politik/2026-11-26?r=1&s=2";
    const email = personalize(rendered, { name: "Anna", unsubscribeUrl, webViewUrl }, config);
    expect(links(email.html, "Abmelden")).toEqual([unsubscribeUrl]);
    expect(links(email.html, "Im Browser lesen")).toEqual([webViewUrl, webViewUrl]);
    expect(email.html).toContain(
      'href="https://www.example-zeitung.de/newsletter/abmelden?r=anna%40example.de&amp;t=abc.def"',
    );
    expect(email.text).toContain(`Abmelden: ${unsubscribeUrl}\n`);
    expect(email.text).toContain(`Im Browser lesen: ${webViewUrl}\n`);
    expect(email.subject).toBe(rendered.subject);
    expect(email.preheader).toBe(rendered.preheader);
  });

  it("falls back to the configured links when a reader has none", () => {
    const email = personalize(rendered, { name: null, unsubscribeUrl: null, webViewUrl: null }, config);
    expect(links(email.html, "Abmelden")).toEqual(["https://www.example-zeitung.de/newsletter/abmelden"]);
    expect(links(email.html, "Im Browser lesen")).toEqual([
      "https://www.example-zeitung.de/newsletter/politik/2026-11-26",
      "https://www.example-zeitung.de/newsletter/politik/2026-11-26",
    ]);
    expect(email.text).toContain("Guten Morgen!\n");
  });

  it("leaves the rendered edition untouched, so readers never see each other's parts", () => {
    const before = JSON.stringify(rendered);
    const anna = personalize(
      rendered,
      { name: "Anna", unsubscribeUrl: "https://x.example.de/u?t=anna", webViewUrl: null },
      config,
    );
    const bob = personalize(
      rendered,
      { name: "Bob", unsubscribeUrl: "https://x.example.de/u?t=bob", webViewUrl: null },
      config,
    );
    expect(JSON.stringify(rendered)).toBe(before);
    expect(anna.html).toContain("Anna");
    expect(anna.html).not.toContain("Bob");
    expect(anna.html).not.toContain("t=bob");
    expect(bob.text).toContain("t=bob");
    expect(bob.text).not.toContain("t=anna");
  });

  it.each([
    ["javascript:alert(1)"],
    ["mailto:x@example.de"],
    ['https://x.example.de/"onmouseover="alert(1)'],
    ["https://x.example.de/a b"],
    ["/relative/path"],
  ])("refuses the unsubscribe URL %j with E_CONFIG", (unsubscribeUrl) => {
    let caught: unknown;
    try {
      personalize(rendered, { name: null, unsubscribeUrl, webViewUrl: null }, config);
    } catch (error) {
      caught = error;
    }
    expect(isDigestError(caught, "E_CONFIG")).toBe(true);
    expect((caught as Error).message).toContain("links.unsubscribe");
  });

  it("refuses to leave a configured slot empty", () => {
    const noLinks = loadConfig({ links: { unsubscribe: null, webView: null } });
    expect(() =>
      personalize(rendered, { name: null, unsubscribeUrl: null, webViewUrl: null }, noLinks),
    ).toThrow(/(webViewUrl|unsubscribeUrl) is missing/);
  });

  it("ignores URLs for slots the edition was rendered without", async () => {
    const noLinks = loadConfig({ links: { unsubscribe: null, webView: null } });
    const bare = await createRenderer().renderEdition(loadEdition("edition-minimal"), noLinks);
    const email = personalize(
      bare,
      { name: "Anna", unsubscribeUrl: "https://x.example.de/u", webViewUrl: "https://x.example.de/w" },
      noLinks,
    );
    expect(email.html).not.toContain("x.example.de");
    expect(email.text).not.toContain("x.example.de");
  });
});

describe("resolveWebViewUrl", () => {
  it("replaces {date}, also when the config parser percent-encoded the braces", () => {
    expect(resolveWebViewUrl(loadConfig(), "2026-11-26")).toBe(
      "https://www.example-zeitung.de/newsletter/politik/2026-11-26",
    );
    const encoded = loadConfig({ links: { webView: "https://www.example-zeitung.de/n/%7Bdate%7D.html" } });
    expect(resolveWebViewUrl(encoded, "2026-11-26")).toBe("https://www.example-zeitung.de/n/2026-11-26.html");
    expect(resolveWebViewUrl(loadConfig({ links: { webView: null } }), "2026-11-26")).toBeNull();
  });
});
