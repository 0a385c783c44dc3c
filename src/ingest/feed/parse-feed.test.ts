import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isDigestError } from "../../errors.js";
import { isFeedText, xmlDeclaredCharset } from "./feed-format.js";
import { parseFeed } from "./parse-feed.js";

const FIXTURES = new URL("../../../test/fixtures/web/feeds/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), "utf8");

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (isDigestError(error, "E_INPUT")) return error;
    throw error;
  }
  throw new Error("expected an E_INPUT error");
}

describe("parseFeed (RSS 2.0)", () => {
  const items = parseFeed(read("politik.rss"), { source: "feeds/politik.rss" });

  it("makes one article per item with section, authors, date, link and kind of text", () => {
    expect(
      items.map((a) => [a.headline, a.kicker, a.section, a.authors, a.published, a.url, a.fullText]),
    ).toEqual([
      [
        "Länder einigen sich auf Reform der Grundsteuer",
        "Lange Nacht",
        "Politik",
        ["Clara Beispiel"],
        "2026-11-26T05:30:00+01:00",
        "https://www.beispiel-zeitung.example/politik/grundsteuer-einigung-100.html",
        true,
      ],
      [
        "Wehrbeauftragte legt Bericht vor: Mängel bei Ausrüstung bleiben",
        null,
        "Politik",
        ["Dora Muster"],
        "2026-11-26T05:10:00+01:00",
        "https://www.beispiel-zeitung.example/politik/wehrbericht-101.html",
        false,
      ],
      [
        "Torjäger rettet Remis in letzter Minute",
        null,
        "Sport",
        [],
        "2026-11-25T22:15:00+01:00",
        "https://www.beispiel-zeitung.example/sport/remis-102.html",
        false,
      ],
    ]);
  });

  it("turns content:encoded into body paragraphs without caption, teaser line or copy of the lead", () => {
    const [first] = items;
    expect(first?.lead).toBe(
      "Die Ministerpräsidenten der Länder haben sich nach stundenlangen Verhandlungen auf Eckpunkte für eine Reform der Grundsteuer verständigt.",
    );
    expect(first?.dateline).toBe("Berlin");
    expect(first?.breadcrumbs).toEqual(["Politik", "Länder"]);
    expect(
      first?.paragraphs.map((b) => (b.kind === "heading" ? `# ${b.text}` : b.text.slice(0, 30))),
    ).toEqual([
      "Nach der Einigung sollen Kommu",
      "Strittig war bis zuletzt, wie ",
      "# Bundestag muss zustimmen",
      "Die Eckpunkte müssen noch in e",
    ]);
    expect(first?.image).toEqual({
      caption: "Die Ministerpräsidenten nach der Konferenz in Berlin.",
      credit: "IMAGO/Future Image",
      url: "https://www.beispiel-zeitung.example/bilder/mpk.jpg",
      alt: "Ministerpräsidenten",
    });
  });

  it("reads images from an enclosure and from media:content with credit", () => {
    expect(items[1]?.image?.url).toBe("https://www.beispiel-zeitung.example/bilder/kaserne.jpg");
    expect(items[2]?.image).toEqual({
      caption: "Der Stürmer jubelt nach seinem Tor.",
      credit: "Sven Simon",
      url: "https://www.beispiel-zeitung.example/bilder/tor.jpg",
      alt: "Der Stürmer jubelt nach seinem Tor.",
    });
  });

  it("unescapes an escaped HTML description once", () => {
    expect(items[2]?.lead).toBe(
      "Mit einem Kopfball in der Nachspielzeit hat der Stürmer seiner Mannschaft einen Punkt gesichert & die Fans versöhnt.",
    );
  });

  it("gives every item its own stable id", () => {
    const again = parseFeed(read("politik.rss"), { source: "feeds/politik.rss" });
    expect(new Set(items.map((a) => a.id)).size).toBe(3);
    expect(again.map((a) => a.id)).toEqual(items.map((a) => a.id));
  });
});

describe("parseFeed (Atom)", () => {
  const entries = parseFeed(read("politik.atom"), { source: "feeds/politik.atom" });

  it("reads xhtml content, html titles, categories by label, authors and agencies", () => {
    const [rente, kultur] = entries;
    expect(rente).toMatchObject({
      headline: "Koalition streitet über Rente & Pflege",
      section: "Politik",
      authors: ["Emil Beispiel"],
      agencies: ["AFP"],
      published: "2026-11-26T05:55:00+01:00",
      updated: "2026-11-26T06:40:00+01:00",
      url: "https://morgenpost.example/politik/rente-pflege-200.html",
      dateline: "Berlin",
      fullText: true,
    });
    expect(rente?.paragraphs.map((b) => b.text.slice(0, 25))).toEqual([
      "Während die eine Seite hö",
      "Die Pflegeversicherung sc",
    ]);
    // The feed-level author stands in for entries without one.
    expect(kultur).toMatchObject({ section: "Kultur", authors: ["Redaktion Morgenpost"], fullText: false });
  });
});

describe("parseFeed errors and sniffing", () => {
  it.each([
    [
      "<rss><channel><item><title>A</title></channel></rss>",
      /^could not read f.xml - not well-formed XML \(line 1: .+\)\. Expected an RSS 2\.0 or Atom feed$/,
    ],
    [
      '<?xml version="1.0"?><root><a/></root>',
      /^could not read f.xml - the XML is neither RSS \(<rss>, <rdf:RDF>\) nor Atom \(<feed>\)/,
    ],
    [
      "<rss><channel><title>Leer</title></channel></rss>",
      /^could not read f.xml - the feed has no items with a title/,
    ],
  ])("%s", (xml, message) => {
    expect(errorOf(() => parseFeed(xml, { source: "f.xml" })).message).toMatch(message);
  });

  it("reads RSS 1.0 (RDF) items", () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>T</title></channel>
      <item><title>Landtag wählt Präsidentin</title><link>https://example.org/politik/x</link><dc:date>2026-11-26T06:00:00+01:00</dc:date></item>
    </rdf:RDF>`;
    expect(parseFeed(xml, { source: null }).map((a) => [a.headline, a.published])).toEqual([
      ["Landtag wählt Präsidentin", "2026-11-26T06:00:00+01:00"],
    ]);
  });

  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0">', true],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', true],
    ["<!DOCTYPE html><html><head>", false],
    ['{"headline": "x"}', false],
  ])("isFeedText(%j) → %s", (text, expected) => {
    expect(isFeedText(text)).toBe(expected);
  });

  it("reads the XML declaration's encoding", () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>');
    expect(xmlDeclaredCharset(bytes)).toBe("iso-8859-1");
  });
});
