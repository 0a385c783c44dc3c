import { describe, expect, it } from "vitest";
import { isDigestError } from "../errors.js";
import type { Article } from "../types.js";
import { classifyPolitics } from "./classify-politics.js";
import { inferSection } from "./infer-section.js";
import { mergeDuplicates } from "./merge-duplicates.js";
import { selectStories } from "./select-stories.js";

const EDITION_TIME = new Date("2026-11-26T06:30:00Z");
const OPTIONS = { section: "Politik", furtherHeadlines: 5, editionTime: EDITION_TIME, freshnessHours: 24 };

/** A body made of the headline only: fixtures of different stories must not share text. */
function bodyOf(headline: string): Article["paragraphs"] {
  return [
    { kind: "text", text: `${headline}. So berichten es Abgeordnete.` },
    { kind: "text", text: `${headline} (Fortsetzung).` },
  ];
}

function article(overrides: Partial<Article> & { headline: string }): Article {
  return {
    id: overrides.headline.toLowerCase().replace(/\W+/g, "-"),
    source: `in/${overrides.headline.slice(0, 10)}.txt`,
    format: "text",
    section: "Politik",
    breadcrumbs: [],
    kicker: null,
    authors: [],
    agencies: [],
    published: "2026-11-26T06:00:00+01:00",
    updated: null,
    lead: null,
    dateline: null,
    paragraphs: bodyOf(overrides.headline),
    image: null,
    url: null,
    fullText: true,
    updates: [],
    ...overrides,
  };
}

describe("inferSection", () => {
  it.each([
    ["the article's own section, via alias", { section: "Ausland" }, "Ausland", "article", true],
    [
      "a breadcrumb when the section is another desk's",
      { section: "Inland", breadcrumbs: ["Politik", "Inland"] },
      "Inland",
      "article",
      true,
    ],
    [
      "breadcrumbs without a section",
      { section: null, breadcrumbs: ["Nachrichten", "Politik"] },
      "Politik",
      "breadcrumb",
      true,
    ],
    [
      "a /politik/ URL path",
      { section: null, url: "https://example.org/politik/a-1.html" },
      "Politik",
      "url",
      true,
    ],
    [
      "the URL when section and breadcrumbs are generic",
      {
        section: "Nachrichten",
        breadcrumbs: ["Startseite", "Nachrichten"],
        url: "https://example.org/inland/a.html",
      },
      "Politik",
      "url",
      true,
    ],
    [
      "a /sport/ URL path",
      { section: null, url: "https://example.org/sport/a-1.html" },
      "Sport",
      "url",
      false,
    ],
    ["the classifier, for a politics text", { section: null }, "Politik", "classifier", true],
    [
      "the classifier, for a sports text",
      {
        section: null,
        paragraphs: [
          {
            kind: "text" as const,
            text: "Der Trainer lobte die Mannschaft nach dem Sieg im Pokal, zwei Tore fielen nach der Pause.",
          },
        ],
      },
      null,
      "classifier",
      false,
    ],
  ])("%s", (_name, overrides, section, source, matches) => {
    expect(
      inferSection(article({ headline: "Einigung im Haushaltsstreit", ...overrides }), "Politik"),
    ).toEqual({
      section,
      source,
      matches,
    });
  });

  it("uses no classifier for desks other than politics", () => {
    expect(inferSection(article({ headline: "Einigung", section: null }), "Sport")).toEqual({
      section: null,
      source: null,
      matches: false,
    });
  });
});

describe("classifyPolitics", () => {
  it.each([
    [
      "Kanzler reist nach Paris",
      "Der Bundeskanzler trifft den Präsidenten. Es geht um Verteidigung und die Nato.",
      true,
    ],
    ["Bayern gewinnt Spitzenspiel", "Der Trainer lobte die Mannschaft nach zwei Toren.", false],
    ["Dax schließt auf Rekordhoch", "Anleger setzten auf Aktien von Autobauern.", false],
    ["Museum zeigt Expressionisten", "Die Ausstellung versammelt Gemälde der Künstlerin.", false],
    // Regression: the Panorama pattern "*promi*" matched "Kompromiss" and pulled this below zero.
    [
      "Gipfel endet mit Minimalkompromiss",
      "Die Staaten einigten sich nach Verhandlungen auf eine Erklärung.",
      true,
    ],
    // Regression: the trade pattern "*händler*" matched "Unterhändler" (negotiators).
    [
      "Unterhändler ringen in Kairo um Waffenruhe",
      "Die Unterhändler beider Seiten trafen sich erneut.",
      true,
    ],
  ])("%s", (headline, text, politics) => {
    expect(classifyPolitics({ headline, text }).politics).toBe(politics);
  });
});

describe("mergeDuplicates", () => {
  const lead =
    "Die Ministerpräsidenten der Länder haben sich nach stundenlangen Verhandlungen auf Eckpunkte für eine Reform der Grundsteuer verständigt.";
  const feedItem = article({
    headline: "Länder einigen sich auf Reform der Grundsteuer",
    source: "feeds/politik.rss",
    format: "feed",
    lead,
    paragraphs: [],
    fullText: false,
    url: "https://example.org/politik/grundsteuer.html",
  });
  const page = article({
    headline: "Grundsteuer: Länder einigen sich nach langer Nacht",
    source: "pages/grundsteuer.html",
    format: "html",
    lead,
    url: null,
    image: { caption: "Die Ministerpräsidenten.", credit: "dpa", url: null, alt: null },
  });
  const other = article({
    headline: "Wehrbeauftragte legt Jahresbericht vor",
    lead: "Die Bundeswehr hat weiter Probleme bei der Ausrüstung.",
  });

  it("keeps the full-text version, fills its missing URL from the feed item, and leaves other stories alone", () => {
    const stories = mergeDuplicates([feedItem, other, page]);
    expect(stories.map((s) => [s.article.source, s.duplicates.map((d) => d.source)])).toEqual([
      ["pages/grundsteuer.html", ["feeds/politik.rss"]],
      [other.source, []],
    ]);
    expect(stories[0]?.article.url).toBe("https://example.org/politik/grundsteuer.html");
    expect(stories[0]?.article.image?.credit).toBe("dpa");
  });

  it("merges a feed item with the page at its link, however differently both are worded", () => {
    const item = article({
      headline: "Eilmeldung aus Berlin",
      paragraphs: [],
      url: "https://www.example.org/politik/a-1.html?utm_source=rss",
    });
    const full = article({
      headline: "Kabinett tritt zurück",
      source: "page.html",
      url: "https://example.org/politik/a-1.html",
    });
    expect(mergeDuplicates([item, full]).map((s) => [s.article.source, s.duplicates.length])).toEqual([
      ["page.html", 1],
    ]);
  });

  it("does not merge headlines that differ in one telling word", () => {
    const italy = article({ headline: "Erdbeben in Italien: Zahl der Toten steigt", paragraphs: [] });
    const japan = article({
      headline: "Erdbeben in Japan: Zahl der Toten steigt",
      source: "b.html",
      paragraphs: [],
    });
    expect(mergeDuplicates([italy, japan])).toHaveLength(2);
  });

  it("does not merge items that one feed links to the same landing page", () => {
    const landing = "https://example.org/politik/";
    const a = article({ headline: "Kabinett tritt zurück", source: "feed.rss", url: landing });
    const b = article({ headline: "Wehrbeauftragte legt Bericht vor", source: "feed.rss", url: landing });
    expect(mergeDuplicates([a, b])).toHaveLength(2);
  });

  it("merges two outlets' headlines that share most content words", () => {
    const a = article({ headline: "Bundestag beschließt Haushalt nach Nachtsitzung", paragraphs: [] });
    const b = article({
      headline: "Nach Nachtsitzung: Bundestag beschließt den Haushalt",
      source: "b.html",
      paragraphs: [],
    });
    expect(mergeDuplicates([a, b])).toHaveLength(1);
  });
});

describe("selectStories", () => {
  it("ranks full text before headline-only items, then coverage, then recency, and fills up to the limit", () => {
    const older = article({
      headline: "Opposition fordert Untersuchungsausschuss",
      published: "2026-11-25T20:00:00+01:00",
    });
    const newer = article({
      headline: "Kabinett beschließt Wehrdienst-Gesetz",
      published: "2026-11-26T07:00:00+01:00",
    });
    const headlineOnly = article({
      headline: "Wehrbeauftragte legt Bericht vor",
      paragraphs: [],
      fullText: false,
      published: "2026-11-26T07:20:00+01:00",
    });
    const covered = article({
      headline: "Koalition einigt sich auf Bürgergeld-Reform",
      published: "2026-11-25T18:00:00+01:00",
    });
    const coveredAgain = { ...covered, id: "copy", source: "feeds/other.rss", format: "feed" as const };
    const sport = article({ headline: "Bayern gewinnt Spitzenspiel", section: "Sport" });
    const stale = article({
      headline: "Alte Nachricht aus dem Landtag",
      published: "2026-11-24T06:00:00+01:00",
    });

    const selection = selectStories(
      [headlineOnly, older, sport, newer, covered, stale, coveredAgain],
      OPTIONS,
    );
    expect([selection.top.headline, ...selection.more.map((a) => a.headline)]).toEqual([
      "Koalition einigt sich auf Bürgergeld-Reform",
      "Kabinett beschließt Wehrdienst-Gesetz",
      "Opposition fordert Untersuchungsausschuss",
      "Wehrbeauftragte legt Bericht vor",
    ]);
    expect(selection.skipped.map((s) => s.reason.replace(/\(.*\)/, "(…)"))).toEqual([
      "older than the freshness window (…)",
      "not in section Politik - section Sport (…)",
      'duplicate of "Koalition einigt sich auf Bürgergeld-Reform" (…), kept the richer version',
    ]);
    expect(
      selectStories([headlineOnly, older, newer], { ...OPTIONS, furtherHeadlines: 1 }).more,
    ).toHaveLength(1);
  });

  it("lets a headline-only feed item be the top story when nothing better exists", () => {
    const only = article({ headline: "Wehrbeauftragte legt Bericht vor", paragraphs: [], fullText: false });
    expect(selectStories([only], OPTIONS).top.headline).toBe("Wehrbeauftragte legt Bericht vor");
  });

  it("labels a story whose section came from the classifier", () => {
    const unlabelled = article({ headline: "Koalition streitet über Haushalt", section: null });
    expect(selectStories([unlabelled], OPTIONS).top.section).toBe("Politik");
  });

  it("throws E_NO_STORY when nothing is in the section and fresh", () => {
    let error: unknown;
    try {
      selectStories([article({ headline: "Bayern gewinnt", section: "Sport" })], OPTIONS);
    } catch (thrown) {
      error = thrown;
    }
    expect(isDigestError(error, "E_NO_STORY")).toBe(true);
    expect((error as Error).message).toBe(
      "no Politik story qualifies for an edition - 1 article(s) read, none both in section Politik and fresh (within 24 h of the edition time)",
    );
  });
});
