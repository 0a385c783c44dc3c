import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import mjml2html from "mjml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, loadEdition } from "../../test/fixtures/render/fixtures.js";
import { isDigestError } from "../errors.js";
import { findPackageRoot } from "../package-root.js";
import type { Edition, RenderedEdition, RenderedEmail, Story } from "../types.js";
import { createRenderer } from "./create-renderer.js";

/** Gmail clips messages above ~102 KB; the HTML alone must stay well below. */
const MAX_HTML_BYTES = 102 * 1024;

const renderer = createRenderer();
const config = loadConfig();

function textContent(html: string): string {
  const { document } = parseHTML(html);
  return document.body.textContent?.replace(/\s+/g, " ") ?? "";
}

describe("renderEdition on the full fixture", () => {
  const edition = loadEdition("edition-full");
  const top = edition.stories[0] as Story;
  let rendered: RenderedEdition;
  let email: RenderedEmail;

  beforeAll(async () => {
    rendered = await renderer.renderEdition(edition, config);
    email = await renderer.renderPreview(edition, config);
  });

  it("produces MJML that passes strict validation with zero errors", async () => {
    const mjml = renderer.renderMjml(edition, config);
    const soft = await mjml2html(mjml, { validationLevel: "soft" });
    expect(soft.errors).toEqual([]);
    await expect(mjml2html(mjml, { validationLevel: "strict" })).resolves.toBeDefined();
  });

  it("holds the headline, teaser, every key point and every further headline as text", () => {
    const text = textContent(email.html);
    expect(text).toContain(top.headline);
    expect(text).toContain(top.teaser);
    expect(top.keyPoints.length).toBeGreaterThan(0);
    for (const point of top.keyPoints) expect(text).toContain(point.text);
    for (const story of edition.stories.slice(1)) expect(text).toContain(story.headline);
    expect(text).toContain("Donnerstag, 26. November 2026");
    expect(text).toContain("7:30 Uhr");
    expect(text).toContain("Das Wichtigste aus der Politik");
    expect(text).toContain("Das Wichtigste in Kürze");
    expect(text).toContain("Weitere Themen");
    expect(text).toContain("Von Miriam Lehmann und Jonas Petersen");
    expect(text).toContain("Guten Morgen!");
  });

  it("prints no photo credit or caption when the photo is not shown (the image has no URL)", () => {
    expect(top.image?.url).toBeNull();
    expect(top.image?.credit).toBe("Kay Nietfeld/dpa");
    const { document } = parseHTML(email.html);
    expect(document.querySelectorAll("img")).toHaveLength(0);
    for (const part of [textContent(email.html), email.text]) {
      expect(part).not.toContain("Foto:");
      expect(part).not.toContain("Kay Nietfeld");
      expect(part).not.toContain(top.image?.caption);
    }
  });

  it("keeps every text at 14 px or more (0 and 1 px only on layout cells, dividers and spacers)", () => {
    const sizes = [...email.html.matchAll(/font-size:\s*(\d+(?:\.\d+)?)px/g)].map((match) =>
      Number(match[1]),
    );
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter((size) => size > 1 && size < 14)).toEqual([]);
    const mjml = renderer.renderMjml(edition, config);
    const attributeSizes = [...mjml.matchAll(/font-size="(\d+)px"/g)].map((match) => Number(match[1]));
    expect(attributeSizes.filter((size) => size < 14)).toEqual([]);
  });

  it("sets the feedback address on its own line, breakable only after „@“ and before dots", () => {
    const { document } = parseHTML(email.html);
    const link = [...document.querySelectorAll("a")].find((a) =>
      a.getAttribute("href")?.startsWith("mailto:politik-newsletter"),
    );
    expect(link?.textContent).toBe("politik-newsletter@example-zeitung.de");
    expect(link?.innerHTML).toBe(
      '<span class="nowrap">politik-newsletter@</span><wbr><span class="nowrap">example-zeitung</span><wbr><span class="nowrap">.de</span>',
    );
    expect(link?.previousElementSibling?.tagName).toBe("BR");
    expect(email.text).toContain("Schreiben Sie uns: politik-newsletter@example-zeitung.de");
  });

  it("keeps „7:30 Uhr“ of the tagline on one line in the HTML, with a plain space in the text part", () => {
    expect(email.html).toContain("um 7:30\u00a0Uhr verschickt");
    expect(email.text).toContain("um 7:30 Uhr verschickt");
  });

  it("gives „Weitere Themen“ a heading above the story headlines, and short teasers of whole sentences", () => {
    const { document } = parseHTML(email.html);
    const sectionHeadings = [...document.querySelectorAll("h2")].map((h2) => h2.textContent);
    expect(sectionHeadings).toEqual(["Das Wichtigste in Kürze", "Weitere Themen"]);
    const headlines = [...document.querySelectorAll("h3")].map((h3) => h3.textContent);
    expect(headlines).toEqual(edition.stories.slice(1).map((story) => story.headline));
    const text = textContent(email.html);
    // One sentence of 246 characters: cut at a word, not mid-word.
    expect(text).toContain("geklagt; ein Urteil wird im Frühjahr erwartet, und bis dahin…");
  });

  it("is German, accessible and complete HTML", () => {
    const { document } = parseHTML(email.html);
    expect(document.documentElement.getAttribute("lang")).toBe("de");
    const wrapper = document.querySelector("body > div[lang]");
    expect(wrapper?.getAttribute("lang")).toBe("de");
    expect(wrapper?.getAttribute("dir")).toBe("ltr");
    expect(document.querySelector('meta[name="color-scheme"]')?.getAttribute("content")).toBe("light dark");
    expect(document.querySelector('meta[name="supported-color-schemes"]')?.getAttribute("content")).toBe(
      "light dark",
    );
    expect(email.html).toContain("prefers-color-scheme: dark");
    const tables = [...document.querySelectorAll("table")];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table.getAttribute("role")).toBe("presentation");
    for (const image of document.querySelectorAll("img")) expect(image.getAttribute("alt")).toBeTruthy();
    expect(document.querySelector("title")?.textContent).toBe(edition.subject);
    expect(email.html).not.toContain("{{");
    expect(email.html).not.toMatch(/sl[0-9a-f]{24}/);
    expect(Buffer.byteLength(email.html)).toBeLessThan(MAX_HTML_BYTES);
  });

  it("links the top story with a touch-sized „Weiterlesen“ button naming the headline", () => {
    const { document } = parseHTML(email.html);
    const links = [...document.querySelectorAll("a")];
    const more = links.find((link) => link.textContent?.includes("Weiterlesen"));
    expect(more?.textContent?.trim()).toBe(`Weiterlesen: ${top.headline}`);
    expect(more?.getAttribute("href")).toBe(top.url);
    // 16px text at line-height 1.3 plus 13px padding above and below: 46.8px ≥ 44px.
    expect(more?.getAttribute("style")).toContain("padding:13px 22px");
    expect(more?.getAttribute("style")).toContain("font-size:16px");
  });

  it("puts the preheader first, hidden", () => {
    const { document } = parseHTML(email.html);
    const first = document.querySelector("body > div");
    expect(first?.getAttribute("style")).toContain("display:none");
    expect(first?.textContent?.startsWith(edition.preheader)).toBe(true);
  });

  it("renders the footer links that are configured, with the slot URLs filled", () => {
    const { document } = parseHTML(email.html);
    const href = (label: string) =>
      [...document.querySelectorAll("a")]
        .filter((a) => a.textContent?.trim() === label)
        .map((a) => a.getAttribute("href"));
    expect(href("Abmelden")).toEqual(["https://www.example-zeitung.de/newsletter/abmelden"]);
    expect(href("Impressum")).toEqual(["https://www.example-zeitung.de/impressum"]);
    expect(href("Datenschutz")).toEqual(["https://www.example-zeitung.de/datenschutz"]);
    expect(href("Im Browser lesen")).toEqual([
      "https://www.example-zeitung.de/newsletter/politik/2026-11-26",
      "https://www.example-zeitung.de/newsletter/politik/2026-11-26",
    ]);
    expect(href("politik-newsletter@example-zeitung.de")).toEqual([
      "mailto:politik-newsletter@example-zeitung.de",
    ]);
  });

  it("renders the plain-text part from its own template", () => {
    expect(email.text).toContain(top.headline);
    expect(email.text).toContain(top.teaser);
    for (const point of top.keyPoints) expect(email.text).toContain(`- ${point.text}`);
    for (const story of edition.stories.slice(1)) expect(email.text).toContain(story.headline);
    expect(email.text).toContain(`Weiterlesen: ${top.headline}\n${top.url}`);
    expect(email.text).toContain("Abmelden: https://www.example-zeitung.de/newsletter/abmelden");
    expect(email.text).toContain("Impressum: https://www.example-zeitung.de/impressum");
    expect(email.text).toContain("Datenschutz: https://www.example-zeitung.de/datenschutz");
    expect(email.text).not.toMatch(/<[a-z]/i);
    expect(email.text).not.toContain("&amp;");
    expect(email.text).not.toMatch(/\n{3,}/);
    expect(
      email.text.startsWith(
        "Morgenlage\nDas Wichtigste aus der Politik\nDonnerstag, 26. November 2026 · 7:30 Uhr\n",
      ),
    ).toBe(true);
  });

  // Issue 10: the HTML said "…: zuerst unser wichtigstes Thema, danach …" while the text part
  // said only "Hier ist Ihr Überblick für diesen Morgen." - both now come from partials/intro.hbs.
  it("says the same intro under the greeting in the HTML and the text part", async () => {
    const intro = (text: string) => text.match(/Hier ist Ihr Überblick[^.]*\./)?.[0];
    const both =
      "Hier ist Ihr Überblick für diesen Morgen: zuerst unser wichtigstes Thema, danach weitere Meldungen aus der Politikredaktion.";
    expect(intro(textContent(email.html))).toBe(both);
    expect(intro(email.text)).toBe(both);
    const single = await renderer.renderPreview({ ...edition, stories: [top] }, config);
    expect(intro(textContent(single.html))).toBe("Hier ist Ihr Überblick für diesen Morgen.");
    expect(intro(single.text)).toBe("Hier ist Ihr Überblick für diesen Morgen.");
  });

  it("splits HTML and text around the personal slots once", () => {
    expect(rendered.date).toBe("2026-11-26");
    expect(rendered.subject).toBe(edition.subject);
    expect(rendered.preheader).toBe(edition.preheader);
    expect(rendered.html.slots).toEqual(["webViewUrl", "greeting", "unsubscribeUrl", "webViewUrl"]);
    expect(rendered.text.slots).toEqual(["webViewUrl", "greeting", "unsubscribeUrl", "webViewUrl"]);
    expect(rendered.html.chunks).toHaveLength(rendered.html.slots.length + 1);
    expect(rendered.text.chunks).toHaveLength(rendered.text.slots.length + 1);
  });

  it("is deterministic for the same edition and renderer", async () => {
    const again = await renderer.renderPreview(edition, config);
    expect(again).toEqual(email);
  });
});

describe("renderEdition on other editions", () => {
  it("renders a minimal edition without the optional parts", async () => {
    const edition = loadEdition("edition-minimal");
    const bare = loadConfig({
      links: {
        unsubscribe: null,
        imprint: null,
        privacy: null,
        webView: null,
        feedback: null,
        website: null,
      },
    });
    const rendered = await renderer.renderEdition(edition, bare);
    expect(rendered.html.slots).toEqual(["greeting"]);
    expect(rendered.text.slots).toEqual(["greeting"]);
    const email = renderer.personalize(
      rendered,
      { name: null, unsubscribeUrl: null, webViewUrl: null },
      bare,
    );
    const text = textContent(email.html);
    expect(text).toContain("Bundestag beschließt Rentenpaket");
    for (const absent of [
      "Weitere Themen",
      "Weiterlesen",
      "Das Wichtigste in Kürze",
      "Abmelden",
      "Impressum",
      "Datenschutz",
      "Im Browser lesen",
      "Foto:",
      "Von ",
    ]) {
      expect(text).not.toContain(absent);
    }
    expect(text).toContain("Danke fürs Lesen!");
    expect(email.text).not.toContain("Weitere Themen");
    expect(email.html).not.toContain("{{");
  });

  it("offers a mailto Abmelden link when only links.unsubscribeMailto is configured", async () => {
    const mailtoOnly = loadConfig({
      links: { unsubscribe: null, unsubscribeMailto: "abmelden@example-zeitung.de" },
    });
    const email = await renderer.renderPreview(loadEdition("edition-minimal"), mailtoOnly);
    const { document } = parseHTML(email.html);
    const link = [...document.querySelectorAll("a")].find((a) => a.textContent?.trim() === "Abmelden");
    expect(link?.getAttribute("href")).toBe("mailto:abmelden@example-zeitung.de?subject=Abmelden");
    expect(email.text).toContain("Abmelden: mailto:abmelden@example-zeitung.de?subject=Abmelden");
  });

  it("shows the photo full width with alt text, and caption and credit beneath it", async () => {
    const edition = loadEdition("edition-long-words");
    const email = await renderer.renderPreview(edition, config);
    const { document } = parseHTML(email.html);
    const photo = document.querySelector('img[src="https://www.example-zeitung.de/bilder/rind.jpg"]');
    expect(photo?.getAttribute("alt")).toBe("Ein braunes Rind steht auf einer Weide");
    expect(photo?.getAttribute("style")).toContain("width: 100%");
    const text = textContent(email.html);
    expect(text).toContain(
      "Ein Rind auf einer Weide in Mecklenburg-Vorpommern. Foto: Jens Büttner/dpa-Zentralbild/ZB",
    );
    // Beneath the photo, before the teaser.
    expect(text.indexOf("Foto: Jens Büttner")).toBeLessThan(text.indexOf("Das Rindfleischetikettierungs"));
    // The text part shows no photo, so it carries no credit.
    expect(email.text).not.toContain("Foto:");
  });

  it("gives a blocked photo a styled alt text on a block that keeps its place", async () => {
    const email = await renderer.renderPreview(loadEdition("edition-long-words"), config);
    const { document } = parseHTML(email.html);
    const style = document.querySelector("img")?.getAttribute("style") ?? "";
    expect(style).toContain("font-family: -apple-system");
    expect(style).toContain("font-size: 16px");
    expect(style).toContain("color: #4a4a4a");
    expect(style).toContain("background-color: #e9e4da");
    expect(style).toContain("min-height: 140px");
  });

  it.each([
    [
      "alt text",
      { alt: "Ein Rind", caption: "Bildunterschrift." },
      "Ein Rind",
      "Bildunterschrift. Foto: dpa",
    ],
    [
      "caption as alt when there is no alt text",
      { alt: null, caption: "Ein Rind." },
      "Ein Rind.",
      "Ein Rind. Foto: dpa",
    ],
    ["headline as alt and the credit alone", { alt: null, caption: null }, "Kurz gemeldet", "Foto: dpa"],
  ])("a shown photo uses %s", async (_case, image, alt, beneath) => {
    const base = loadEdition("edition-minimal");
    const top = base.stories[0] as Story;
    const edition: Edition = {
      ...base,
      stories: [
        {
          ...top,
          headline: "Kurz gemeldet",
          image: { url: "https://www.example-zeitung.de/bilder/x.jpg", credit: "dpa", ...image },
        },
      ],
    };
    const email = await renderer.renderPreview(edition, config);
    const { document } = parseHTML(email.html);
    expect(document.querySelector("img")?.getAttribute("alt")).toBe(alt);
    expect(textContent(email.html)).toContain(beneath);
  });

  it("keeps a logo image with the brand name as alt text", async () => {
    const branded = loadConfig({ brand: { logoUrl: "https://www.example-zeitung.de/logo.png" } });
    const email = await renderer.renderPreview(loadEdition("edition-minimal"), branded);
    const { document } = parseHTML(email.html);
    expect(
      document.querySelector('img[src="https://www.example-zeitung.de/logo.png"]')?.getAttribute("alt"),
    ).toBe("Morgenlage");
  });

  it("stays below 102 KB at the configured maximum of stories and key points", async () => {
    const base = loadEdition("edition-full");
    const top = base.stories[0] as Story;
    const sentence =
      `${"Die Länderkammer hat dem Gesetz nach langer Debatte zugestimmt, ".repeat(3)}und so weiter.`.slice(
        0,
        220,
      );
    const edition: Edition = {
      ...base,
      stories: [
        {
          ...top,
          teaser: sentence.repeat(2).slice(0, 300),
          keyPoints: Array.from({ length: 10 }, (_, i) => ({ text: sentence, paragraph: i, sentence: 0 })),
        },
        ...Array.from({ length: 20 }, (_, i) => ({
          ...(base.stories[1] as Story),
          id: `more-${i}`,
          teaser: sentence,
        })),
      ],
    };
    const email = await renderer.renderPreview(edition, config);
    expect(Buffer.byteLength(email.html)).toBeLessThan(MAX_HTML_BYTES);
  });
});

describe("untrusted article text", () => {
  const edition = loadEdition("edition-injection");
  const top = edition.stories[0] as Story;
  let email: RenderedEmail;

  beforeAll(async () => {
    email = await renderer.renderPreview(edition, config);
  });

  it("renders markup and template syntax as visible text in the HTML", () => {
    const { document } = parseHTML(email.html);
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.querySelectorAll("mj-raw, mjml, mj-include")).toHaveLength(0);
    for (const element of document.querySelectorAll("*")) {
      for (const name of element.getAttributeNames()) expect(name.startsWith("on")).toBe(false);
    }
    const text = textContent(email.html);
    expect(text).toContain(top.headline);
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("{{constructor}}");
    expect(text).toContain("{{{x}}}");
    expect(text).toContain("</mjml>");
    expect(text).toContain("<mj-raw>");
    expect(text).toContain("Von <b>Eve</b> und {{> evil}}");
    expect(text).toContain("{{constructor.constructor 'return 1'}}");
    for (const point of top.keyPoints) expect(text).toContain(point.text);
    expect(email.html).not.toContain("{{");
    expect(document.querySelector("title")?.textContent).toBe(edition.subject);
  });

  it("never links a non-http URL and keeps a hostile image URL inside its attribute", () => {
    const { document } = parseHTML(email.html);
    for (const link of document.querySelectorAll("a"))
      expect(link.getAttribute("href")).toMatch(/^(https?:|mailto:)/);
    expect(textContent(email.html)).not.toContain("Weiterlesen");
    const photo = document.querySelector("img");
    expect(photo?.getAttribute("src")).toBe("https://example.com/foto.jpg%22%20onerror=%22alert(5)");
    expect(photo?.getAttribute("alt")).toBe('"><script>alert(4)</script>');
    const second = [...document.querySelectorAll("a")].find((a) => a.textContent?.includes("Zweite Meldung"));
    expect(second?.getAttribute("href")).toBe("https://example.com/a?x=1&y=%222%22");
  });

  it("renders the same text raw and unevaluated in the plain-text part", () => {
    expect(email.text).toContain(top.headline);
    expect(email.text).toContain("{{constructor}}");
    expect(email.text).toContain("{{{x}}}");
    expect(email.text).toContain("</mjml>");
    expect(email.text).toContain("<mj-raw>");
    expect(email.text).toContain("- Punkt mit {{{x}}} und {{constructor}}.");
    expect(email.text).not.toContain("javascript:");
    expect(email.text).not.toContain("function Object");
  });

  it("cannot forge a personal slot, even knowing the renderer's token", async () => {
    const token = /(sl[0-9a-f]{24})g/.exec(renderer.renderMjml(edition, config))?.[1];
    expect(token).toBeDefined();
    const forged: Edition = {
      ...edition,
      stories: [{ ...top, headline: `Gefälscht ${token}u ${token}g Ende` }],
    };
    const rendered = await renderer.renderEdition(forged, config);
    expect(rendered.html.slots).toEqual(["webViewUrl", "greeting", "unsubscribeUrl", "webViewUrl"]);
    expect(rendered.text.slots).toEqual(["webViewUrl", "greeting", "unsubscribeUrl", "webViewUrl"]);
    const email = renderer.personalize(
      rendered,
      { name: "Anna", unsubscribeUrl: null, webViewUrl: null },
      config,
    );
    expect(email.text).toContain("Gefälscht s\u200B");
    expect(email.text.match(/Guten Morgen, Anna!/g)).toHaveLength(1);
  });

  it("ignores an accent colour that is not #rrggbb in a hand-built config", async () => {
    const hostile = {
      ...config,
      brand: { ...config.brand, accentColor: "red;}</style><script>alert(1)</script>" },
    };
    const email = await renderer.renderPreview(loadEdition("edition-minimal"), hostile);
    expect(email.html).not.toContain("alert(1)");
    expect(email.html).toContain("#b4121b");
  });

  it("keeps subject and preheader on one line", async () => {
    const edition = loadEdition("edition-minimal");
    const rendered = await renderer.renderEdition(
      { ...edition, subject: "Rente\r\nBcc: x@example.de", preheader: "Zeile\neins\u0007 zwei" },
      config,
    );
    expect(rendered.subject).toBe("Rente Bcc: x@example.de");
    expect(rendered.preheader).toBe("Zeile eins zwei");
  });

  it("uses a different token per renderer", () => {
    const tokenOf = (r: typeof renderer) => /(sl[0-9a-f]{24})g/.exec(r.renderMjml(edition, config))?.[1];
    expect(tokenOf(createRenderer())).not.toBe(tokenOf(renderer));
  });
});

describe("createRenderer", () => {
  let dir: string;
  const templates = join(findPackageRoot(), "templates");

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "digest-render-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function copyTemplates(target: string): void {
    mkdirSync(join(target, "partials"), { recursive: true });
    for (const file of ["digest.mjml.hbs", "digest.txt.hbs"])
      writeFileSync(join(target, file), readFileSync(join(templates, file)));
    for (const file of readdirSync(join(templates, "partials"))) {
      writeFileSync(join(target, "partials", file), readFileSync(join(templates, "partials", file)));
    }
  }

  it("reads the package's templates by default", () => {
    expect(renderer.templatesDir).toBe(templates);
  });

  it("names a missing template file", () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    let caught: unknown;
    try {
      createRenderer({ templatesDir: empty });
    } catch (error) {
      caught = error;
    }
    expect(isDigestError(caught, "E_RENDER")).toBe(true);
    expect((caught as Error).message).toMatch(/could not read the template .*digest\.mjml\.hbs - ENOENT/);
  });

  it("names a template with a syntax error at creation", () => {
    const broken = join(dir, "broken");
    copyTemplates(broken);
    writeFileSync(
      join(broken, "partials", "footer.hbs"),
      "<mj-section>{{#if links.imprintUrl}}</mj-section>",
    );
    expect(() => createRenderer({ templatesDir: broken })).toThrow(
      /could not compile the template .*footer\.hbs/,
    );
  });

  it("refuses a template that names an unknown helper or field", async () => {
    const unknown = join(dir, "unknown");
    copyTemplates(unknown);
    writeFileSync(join(unknown, "digest.txt.hbs"), "{{evilHelper top}}");
    expect(() => createRenderer({ templatesDir: unknown })).toThrow(
      /could not compile the template .*digest\.txt\.hbs/,
    );
    writeFileSync(join(unknown, "digest.txt.hbs"), "{{top.constructor}}{{noSuchField}}");
    const strict = createRenderer({ templatesDir: unknown });
    await expect(strict.renderEdition(loadEdition("edition-minimal"), config)).rejects.toThrow(
      /could not render digest\.txt\.hbs/,
    );
  });

  it("turns invalid MJML into E_RENDER listing the problem", async () => {
    const invalid = join(dir, "invalid");
    copyTemplates(invalid);
    writeFileSync(
      join(invalid, "partials", "footer.hbs"),
      '<mj-section><mj-column><mj-text colour="red">x</mj-text></mj-column></mj-section>',
    );
    const broken = createRenderer({ templatesDir: invalid });
    let caught: unknown;
    try {
      await broken.renderEdition(loadEdition("edition-minimal"), config);
    } catch (error) {
      caught = error;
    }
    expect(isDigestError(caught, "E_RENDER")).toBe(true);
    expect((caught as Error).message).toContain("colour");
  });
});

describe("the editor's intro (the desk)", () => {
  const edition = loadEdition("edition-full");

  it("shows the standard line without an intro, and the intro with name and signature in both parts", async () => {
    const standard = await renderer.renderPreview(edition, config);
    expect(standard.text).toContain("Hier ist Ihr Überblick für diesen Morgen");
    const intro = {
      text: "Heute <b>zählt</b> der Haushalt.",
      editor: "Anna Schmidt",
      signature: "Chefin vom Dienst",
    };
    const email = await renderer.renderPreview({ ...edition, intro }, config);
    expect(email.text).toContain("Heute <b>zählt</b> der Haushalt.\n\nAnna Schmidt, Chefin vom Dienst");
    expect(email.text).not.toContain("Hier ist Ihr Überblick");
    // Editor text is data: escaped in the HTML, never markup.
    expect(email.html).toContain(
      "Heute &lt;b&gt;zählt&lt;/b&gt; der Haushalt.<br><br>Anna Schmidt, Chefin vom Dienst",
    );
  });
});
