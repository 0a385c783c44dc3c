import { describe, expect, it } from "vitest";
import { parseJsonArticles } from "../ingest/index.js";
import { mergeDuplicates } from "./merge-duplicates.js";

function articles(...items: { headline: string; lead?: string; paragraphs: string[] }[]) {
  return parseJsonArticles(JSON.stringify(items), { source: "test.json" });
}

const PAGE = {
  headline: "Landtag beschließt Untersuchungsausschuss zur Förderbank",
  lead: "Der Landtag in Hannover hat einen Untersuchungsausschuss zu umstrittenen Krediten der landeseigenen Förderbank eingesetzt.",
  paragraphs: [
    "Die Opposition hatte den Ausschuss beantragt, nachdem Prüfer Unregelmäßigkeiten bei Darlehen an mittelständische Betriebe festgestellt hatten.",
    "Das Gremium soll klären, ob das Wirtschaftsministerium von den Mängeln wusste. Die Regierungsfraktionen stimmten dem Antrag zu.",
    "Der Ausschuss soll sich noch vor der Sommerpause konstituieren; ein Abschlussbericht wird im Herbst erwartet.",
  ],
};

describe("mergeDuplicates", () => {
  it("merges a feed item that sums its page up in other words, keeping the page", () => {
    const merged = mergeDuplicates(
      articles(PAGE, {
        headline: "Förderbank-Kredite: Landtag setzt Untersuchungsausschuss ein",
        paragraphs: [
          "Unregelmäßigkeiten bei Darlehen der Förderbank: Ein Untersuchungsausschuss des Landtags soll klären, was das Wirtschaftsministerium wusste.",
        ],
      }),
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]?.article.headline).toBe(PAGE.headline);
  });

  it("keeps two stories of one topic apart", () => {
    const merged = mergeDuplicates(
      articles(PAGE, {
        headline: "Landtag streitet über Kita-Gebühren",
        lead: "Im Landtag in Hannover ist ein Streit über die Abschaffung der Kita-Gebühren entbrannt.",
        paragraphs: [
          "Die Regierungsfraktionen wollen die Gebühren schrittweise senken, die Opposition fordert die sofortige Abschaffung.",
          "Kommunen warnen vor Mehrkosten in Millionenhöhe und verlangen einen Ausgleich vom Land.",
        ],
      }),
    );
    expect(merged).toHaveLength(2);
  });

  it("reads a party's acronym as the telling word of a headline", () => {
    const merged = mergeDuplicates(
      articles(
        {
          headline: "Anschlag auf Parteibüro der Grünen in Leipzig",
          paragraphs: ["Unbekannte warfen in der Nacht Steine."],
        },
        {
          headline: "Anschlag auf Parteibüro der AfD in Leipzig",
          paragraphs: ["Die Polizei ermittelt wegen Sachbeschädigung."],
        },
        {
          headline: "Leipzig: Anschlag auf Parteibüro der Grünen",
          paragraphs: ["Die Scheiben gingen zu Bruch."],
        },
      ),
    );
    expect(merged.map((story) => [story.article.headline, story.duplicates.length])).toEqual([
      ["Anschlag auf Parteibüro der Grünen in Leipzig", 1],
      ["Anschlag auf Parteibüro der AfD in Leipzig", 0],
    ]);
  });

  it("does not let words found in most of the morning's articles make stories the same", () => {
    // Twelve different stories built from the same everyday political words plus a few of their own:
    // the shared words occur in every article, so only the own words count - and those differ.
    const common =
      "Regierung Opposition Fraktionen Antrag Mehrheit Ausschuss Sitzung Entscheidung Kritik Vorschlag Beratung";
    const own = [
      "Brücke",
      "Schule",
      "Hafen",
      "Wald",
      "Klinik",
      "Museum",
      "Stadion",
      "Deich",
      "Bahnhof",
      "Kaserne",
      "Flughafen",
      "Markthalle",
    ];
    const items = own.map((word, i) => ({
      headline: `Streit um ${word} in Stadt ${i}`,
      paragraphs: [
        `${common} ${word} ${word}sanierung ${word}planung Gutachten${i}.`,
        `${common} Termin${i}.`,
      ],
    }));
    expect(mergeDuplicates(articles(...items))).toHaveLength(own.length);
  });
});
