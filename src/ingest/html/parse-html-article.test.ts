import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isDigestError } from "../../errors.js";
import { decodeBytes } from "../decode-bytes.js";
import { htmlDeclaredCharset, isHtmlText } from "./html-format.js";
import { htmlToBlocks } from "./html-to-blocks.js";
import { parseDateValue } from "./parse-date-value.js";
import { parseHtmlArticle } from "./parse-html-article.js";
import { parseHtmlDocument } from "./parse-html-document.js";
import { parseJsonLd } from "./parse-json-ld.js";
import { splitAuthors } from "./split-authors.js";
import { splitCredit } from "./split-credit.js";

// The JSON-LD page is the one in the mixed example folder (test/fixtures/web/mixed/haushalt.html):
// one copy, so the parser tests and the mixed-folder edition cannot drift apart.
const FIXTURES = new URL("../../../test/fixtures/web/html/", import.meta.url);

function fixture(name: string): string {
  const bytes = readFileSync(new URL(name, FIXTURES));
  return decodeBytes(bytes, htmlDeclaredCharset(bytes));
}

function parse(name: string) {
  return parseHtmlArticle(fixture(name), { source: `web/${name}` });
}

describe("parseHtmlArticle", () => {
  it("takes metadata from JSON-LD over OpenGraph and meta tags", () => {
    const article = parse("../mixed/haushalt.html");
    expect({
      section: article.section,
      breadcrumbs: article.breadcrumbs,
      kicker: article.kicker,
      headline: article.headline,
      authors: article.authors,
      agencies: article.agencies,
      published: article.published,
      updated: article.updated,
      dateline: article.dateline,
      url: article.url,
      image: article.image,
      format: article.format,
      fullText: article.fullText,
    }).toEqual({
      // JSON-LD says Politik; the meta tag's "Wirtschaft" is less trusted.
      section: "Politik",
      breadcrumbs: ["Politik", "Deutschland"],
      kicker: "Schwere Geburt",
      headline: "Bundestag beschließt Haushalt nach Nachtsitzung",
      authors: ["Anna Muster", "Ben Beispiel"],
      agencies: ["dpa"],
      published: "2026-11-26T05:45:00+01:00",
      updated: "2026-11-26T06:20:00+01:00",
      dateline: "Berlin",
      url: "https://www.beispiel-zeitung.example/politik/haushalt-2027-bundestag-100.html",
      image: {
        caption: "Der Plenarsaal des Bundestages kurz nach Mitternacht.",
        credit: "Kay Nietfeld/dpa",
        url: "https://www.beispiel-zeitung.example/bilder/reichstag-nacht.jpg",
        alt: "Der Plenarsaal bei Nacht",
      },
      format: "html",
      fullText: true,
    });
  });

  it("keeps the body free of byline, caption, furniture, promo and teaser links", () => {
    const article = parse("../mixed/haushalt.html");
    expect(article.lead).toBe(
      "Nach einer Sitzung bis tief in die Nacht hat der Bundestag den Haushalt für 2027 beschlossen. Die Opposition spricht von einem Etat der leeren Versprechen.",
    );
    expect(article.paragraphs.map((b) => `${b.kind}: ${b.text.slice(0, 41)}`)).toEqual([
      "text: Der Bundestag hat in der Nacht zu Donners",
      "text: Der Etat sieht Ausgaben von 489 Milliarde",
      "heading: Streit um die Schuldenbremse",
      "text: Bis zuletzt hatten die Koalitionsfraktion",
      "text: Der Bundesrat muss sich am 18. Dezember n",
    ]);
  });

  it("falls back to OpenGraph, meta author and nav breadcrumbs (Windows-1252 page)", () => {
    const article = parse("og-breadcrumb.html");
    expect(article).toMatchObject({
      section: "Politik",
      breadcrumbs: ["Politik", "Ausland"],
      headline: "Polen wählt: Knappes Rennen um das Präsidentenamt",
      authors: ["Fritz Beispiel"],
      agencies: ["AFP"],
      dateline: "Warschau",
      lead: "In Polen hat die Stichwahl um das Präsidentenamt begonnen. Umfragen sehen ein Kopf-an-Kopf-Rennen.",
      published: "2026-11-26T06:05:00+01:00",
      url: "https://morgenpost.example/ausland/polen-wahl-300.html",
      image: {
        caption: "Ein Wahllokal in Warschau am Morgen.",
        credit: "Czarek Sokolowski/AP",
        url: "https://morgenpost.example/img/warschau.jpg",
      },
    });
    expect(article.paragraphs.map((b) => b.text).join("\n")).not.toMatch(/Verlagsangebot|ePaper/);
  });

  it("reads microdata breadcrumbs, a byline paragraph and a <time> without an offset", () => {
    const article = parse("microdata-no-jsonld.html");
    expect(article).toMatchObject({
      section: "Wirtschaft",
      breadcrumbs: ["Wirtschaft", "Konjunktur"],
      authors: ["Greta Muster"],
      published: "2026-11-26T06:30:00+01:00",
      dateline: "Wiesbaden",
    });
    expect(article.paragraphs[0]?.text).toMatch(/^Die Ausfuhren sanken/);
  });

  it("leaves the section empty when the page has no signal (the classifier decides later)", () => {
    const article = parse("no-section.html");
    expect([article.section, article.breadcrumbs, article.lead?.slice(0, 30)]).toEqual([
      null,
      [],
      "Die Koalitionsfraktionen im Bu",
    ]);
  });

  it("turns a JSON-LD LiveBlogPosting into ticker updates, newest first, and keeps them out of the body", () => {
    const article = parse("liveblog.html");
    expect(article.updates.map((u) => [u.label, u.time, u.paragraphs.length])).toEqual([
      ["07.05 Uhr: Zweiter Wahlgang entscheidet", "2026-11-26T07:05:00+01:00", 1],
      ["06.20 Uhr: Erster Wahlgang ohne Ergebnis", "2026-11-26T06:20:00+01:00", 1],
      ["06.00 Uhr: Sitzung eröffnet", "2026-11-26T06:00:00+01:00", 1],
    ]);
    expect(article.lead).toBe(
      "Der Landtag in Erfurt wählt heute einen neuen Ministerpräsidenten. Wir berichten live.",
    );
    expect(article.paragraphs).toEqual([]);
  });

  it("refuses a page without any headline", () => {
    let error: unknown;
    try {
      parseHtmlArticle("<html><body><div></div></body></html>", { source: "empty.html" });
    } catch (thrown) {
      error = thrown;
    }
    expect(isDigestError(error, "E_INPUT")).toBe(true);
    expect((error as Error).message).toBe(
      "could not read empty.html - no headline found (no JSON-LD headline, og:title, <h1> or <title>). Expected an article page",
    );
  });

  it.each([
    [
      "JSON-LD over meta and breadcrumb",
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleSection":"Politik"}</script><meta property="article:section" content="Ausland">',
      "Politik",
    ],
    ["meta over breadcrumb", '<meta property="article:section" content="Ausland">', "Ausland"],
    ["breadcrumb when nothing else", "", "Sport"],
  ])("section: %s", (_name, head, section) => {
    const html = `<html><head><title>H</title>${head}</head><body><nav class="breadcrumbs"><a href="/">Startseite</a> › <a href="/sport/">Sport</a></nav><h1>H</h1></body></html>`;
    expect(parseHtmlArticle(html, { source: null }).section).toBe(section);
  });

  it("reads a kicker marked up in the <h1>, and ignores kickers of teasers elsewhere on the page", () => {
    const html = `<html><body><aside><span class="kicker">Sport</span> Anderer Artikel</aside>
      <article><h1><span class="topline">Nach der Wahl</span> Koalition nimmt Gespräche auf</h1><p>Text.</p></article></body></html>`;
    const article = parseHtmlArticle(html, { source: null });
    expect([article.kicker, article.headline]).toEqual(["Nach der Wahl", "Koalition nimmt Gespräche auf"]);
    const plain = parseHtmlArticle(
      '<html><body><aside><span class="kicker">Sport</span></aside><h1>H</h1></body></html>',
      { source: null },
    );
    expect(plain.kicker).toBeNull();
  });

  it("falls back to JSON-LD articleBody when the page renders its text with scripts", () => {
    const ld = {
      "@type": "NewsArticle",
      headline: "Landtag beschließt Schuldenbremse",
      articleSection: "Politik",
      articleBody:
        "Der Landtag hat am Mittwoch mit Zweidrittelmehrheit eine Schuldenbremse in die Landesverfassung aufgenommen.\nDie Opposition stimmte zu, nachdem Ausnahmen für Naturkatastrophen und Notlagen vereinbart worden waren. Das Gesetz tritt im Januar in Kraft.",
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div id="app"></div></body></html>`;
    const article = parseHtmlArticle(html, { source: null });
    expect([
      article.lead?.slice(0, 20),
      article.paragraphs.map((b) => b.text.slice(0, 20)),
      article.fullText,
    ]).toEqual(["Der Landtag hat am M", ["Die Opposition stimm"], false]);
  });

  it("marks a page with almost no body as not full text", () => {
    const article = parseHtmlArticle(
      '<html><head><meta property="og:title" content="Kurz gemeldet"></head><body><p>Nur ein Satz.</p></body></html>',
      { source: null },
    );
    expect(article.fullText).toBe(false);
  });
});

describe("htmlToBlocks", () => {
  it("skips data tables and all-link list items, keeps prose lists and quotes", () => {
    const { blocks } = htmlToBlocks(
      parseHtmlDocument(`<p>Das Ergebnis der Wahl steht fest.</p>
        <table><caption>Ergebnis</caption><tr><th>Partei</th><th>Prozent</th></tr><tr><td>CDU</td><td>32,1</td></tr></table>
        <ul><li><a href="/a">Rentenpaket: Was sich ändert</a></li><li>Die Wahlbeteiligung lag bei 61 Prozent.</li></ul>
        <blockquote>„Wir nehmen die Wahl an“, sagte sie.</blockquote>`).body,
    );
    expect(blocks).toEqual([
      { kind: "text", text: "Das Ergebnis der Wahl steht fest." },
      { kind: "text", text: "Die Wahlbeteiligung lag bei 61 Prozent." },
      { kind: "text", text: "„Wir nehmen die Wahl an“, sagte sie." },
    ]);
  });
});

describe("parseJsonLd", () => {
  it("reads articleSection arrays, author strings and ImageObject arrays, ignoring broken blocks", () => {
    const ld = parseJsonLd([
      "{ not json",
      JSON.stringify([
        {
          "@type": ["ReportageNewsArticle"],
          headline: "H",
          articleSection: ["Ausland", "Politik"],
          author: "Eva Muster",
        },
      ]),
    ]);
    expect([ld.headline, ld.section, ld.authors]).toEqual(["H", "Ausland", ["Eva Muster"]]);
  });
});

describe("sniffing", () => {
  it.each([
    ["<!DOCTYPE html><html>", true],
    ['<?xml version="1.0"?><rss>', false],
    ["Politik › Ausland\nChina will …", false],
  ])("isHtmlText(%j) → %s", (text, expected) => {
    expect(isHtmlText(text)).toBe(expected);
  });
});

describe("splitCredit", () => {
  it.each([
    ["Putin in Moskau. © Alexei Druzhinin/dpa", "Putin in Moskau.", "Alexei Druzhinin/dpa"],
    ["Wahllokal in Warschau. Foto: Czarek Sokolowski/AP", "Wahllokal in Warschau.", "Czarek Sokolowski/AP"],
    [
      "Demonstranten vor dem Kanzleramt. © IMAGO/Political-Moments",
      "Demonstranten vor dem Kanzleramt.",
      "IMAGO/Political-Moments",
    ],
    ["Der Plenarsaal am Abend.", "Der Plenarsaal am Abend.", null],
    ["© AFP", null, "AFP"],
  ])("%s", (text, caption, credit) => {
    expect(splitCredit(text)).toEqual({ caption, credit });
  });
});

describe("parseDateValue", () => {
  it.each([
    ["2026-11-26T05:45:00+01:00", "2026-11-26T05:45:00+01:00"],
    ["2026-11-26T04:45:00Z", "2026-11-26T05:45:00+01:00"],
    ["2026-07-01T08:00", "2026-07-01T08:00:00+02:00"],
    ["2026-11-26", "2026-11-26T00:00:00+01:00"],
    ["Thu, 26 Nov 2026 04:30:00 GMT", "2026-11-26T05:30:00+01:00"],
    ["Thu, 26 Nov 2026 05:10:00 +0100", "2026-11-26T05:10:00+01:00"],
    ["Do, 26 Okt 2026 06:12:00 MESZ", "2026-10-26T05:12:00+01:00"],
    ["26 Nov 2026 06:12 MEZ", "2026-11-26T06:12:00+01:00"],
    ["Thu, 26 Nov 26 05:12:00 EST", "2026-11-26T11:12:00+01:00"],
    ["Thu, 26 Nov 2026 06:12:00", "2026-11-26T06:12:00+01:00"],
    ["Thu, 26 Foo 2026 06:12:00 GMT", null],
    ["26. November 2026", null],
    ["", null],
  ])("%j → %j", (value, expected) => {
    expect(parseDateValue(value)).toBe(expected);
  });
});

describe("splitAuthors", () => {
  it.each([
    [["Von Anna Muster und Ben Beispiel mit dpa"], ["Anna Muster", "Ben Beispiel"], ["dpa"]],
    [["Von: A. Muster, B. Beispiel, C. Test"], ["A. Muster", "B. Beispiel", "C. Test"], []],
    [["Emil Beispiel", "AFP", "https://example.org/autor/x"], ["Emil Beispiel"], ["AFP"]],
    [
      ["Fritz Muster mit Material der Nachrichtenagenturen dpa und Reuters"],
      ["Fritz Muster"],
      ["dpa", "Reuters"],
    ],
  ])("%j", (values, authors, agencies) => {
    expect(splitAuthors(values)).toEqual({ authors, agencies });
  });
});
