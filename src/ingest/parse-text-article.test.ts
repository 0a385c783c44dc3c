import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDigestError } from "../errors.js";
import { type Article, ArticleSchema } from "../types.js";
import { decodeBytes } from "./decode-bytes.js";
import { parseTextArticle } from "./parse-text-article.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SEED = "seeds/000_7cdcff967b3c5d01.txt";
const FIXTURES = "test/fixtures/ingest";

function parseFile(path: string, referenceDate?: Date): Article {
  const text = decodeBytes(readFileSync(join(ROOT, path)));
  return parseTextArticle(text, { source: path, referenceDate });
}

/** Everything the article shows a reader, in one string, to look for leftovers. */
function visibleText(article: Article): string {
  return [
    article.headline,
    article.lead ?? "",
    ...article.paragraphs.map((block) => block.text),
    ...article.updates.flatMap((update) => [update.label, ...update.paragraphs]),
  ].join("\n");
}

const BOILERPLATE_LEFTOVERS = [
  "Kommentare",
  "Drucken",
  "Teilen",
  "Auch interessant",
  "Mehr zum Thema",
  "Verlagsangebot",
  "ePaper",
  "kostenlos anmelden",
  "kostenlos testen",
  "Erstellt:",
  "Aktualisiert:",
  "Stand:",
  "Von:",
  "Startseite",
  "©",
];

describe("parseTextArticle on the seed", () => {
  const article = parseFile(SEED);
  const caption =
    "Die Amtskollegen Xi Jinping und Wladimir Putin prosten sich vor der Konferenz über Interaktion und vertrauensbildende Maßnahmen in Asien zu. (Archivfoto)";

  it("reads the header", () => {
    expect(article).toMatchObject({
      format: "text",
      source: SEED,
      section: "Politik",
      breadcrumbs: ["Startseite", "Politik"],
      kicker: "Entwicklung militärischer Beziehung",
      headline: "China will Putin den Rücken stärken",
      authors: ["Nail Akkoyun"],
      agencies: [],
      published: null,
      updated: null,
      dateline: "Peking/Moskau",
      url: null,
      updates: [],
    });
  });

  it("takes the first paragraph after the byline as the lead, not repeated in the body", () => {
    expect(article.lead).toBe(
      "Nach einem Gespräch zwischen dem chinesischen Präsidenten Xi Jinping und Wladimir Putin sollen sich die russisch-chinesischen Beziehungen intensivieren.",
    );
    expect(article.paragraphs.map((block) => block.text)).not.toContain(article.lead);
  });

  it("strips the dateline from the paragraph that carries it", () => {
    expect(article.paragraphs[0]).toEqual({
      kind: "text",
      text: expect.stringMatching(/^Angesichts des Ukraine-Kriegs sieht sich Russland/),
    });
  });

  it("keeps the photo caption once, outside the body, with its credit", () => {
    expect(article.image).toEqual({ caption, credit: "Alexei Druzhinin/dpa", url: null, alt: null });
    expect(visibleText(article)).not.toContain("prosten sich");
  });

  it("keeps the sub-heading as a heading block", () => {
    expect(article.paragraphs.filter((block) => block.kind === "heading")).toEqual([
      {
        kind: "heading",
        text: "Xi Jinping und Wladimir Putin wollen russisch-chinesische Beziehungen weiter ausbauen",
      },
    ]);
    expect(article.paragraphs).toHaveLength(7);
  });

  it("drops the newsletter promo, 'Auch interessant' and 'Kommentare'", () => {
    const text = visibleText(article);
    expect(text).not.toContain("Das Wichtigste aus der Politik");
    for (const leftover of BOILERPLATE_LEFTOVERS) expect(text).not.toContain(leftover);
  });

  it("normalises the non-breaking spaces of the seed", () => {
    expect(visibleText(article)).not.toMatch(/\u00A0/);
    expect(visibleText(article)).toContain("erneut zum Generalsekretär");
  });

  it("keeps the last body paragraph (the Kremlin quote)", () => {
    expect(article.paragraphs.at(-1)?.text).toMatch(/^„Es wurde vereinbart/);
  });

  it("derives a stable 12-hex-digit id from source and headline", () => {
    expect(article.id).toMatch(/^[0-9a-f]{12}$/);
    expect(parseFile(SEED).id).toBe(article.id);
    const elsewhere = parseTextArticle(readFileSync(join(ROOT, SEED), "utf8"), { source: "other/place.txt" });
    expect(elsewhere.id).not.toBe(article.id);
  });
});

interface Expectation {
  file: string;
  expected: Partial<Article>;
  leadStarts?: string;
  firstParagraphStarts?: string;
  headings?: string[];
}

const VARIANTS: Expectation[] = [
  {
    file: "text/no-kicker.txt",
    expected: {
      kicker: null,
      headline: "Bundestag beschließt Haushalt für 2025 nach langer Debatte",
      section: "Politik",
      authors: ["Jana Weber"],
      published: "2022-06-15T14:03:00+02:00",
      updated: null,
      dateline: "Berlin",
      image: null,
    },
    firstParagraphStarts: "Mit den Stimmen der Koalition",
  },
  {
    file: "text/several-authors.txt",
    expected: {
      kicker: "Gipfel in Brüssel",
      headline: "EU einigt sich auf neues Sanktionspaket",
      breadcrumbs: ["Startseite", "Politik", "Ausland"],
      section: "Politik",
      authors: ["Anna Schmidt", "Max Müller", "Eva Braun"],
      agencies: ["dpa"],
      published: "2024-03-13T09:15:00+01:00",
      updated: "2024-03-14T13:10:00+01:00",
      dateline: "Brüssel",
    },
    headings: ["Was bedeutet das für Deutschland?"],
  },
  {
    file: "text/stand-date.txt",
    expected: {
      kicker: "Neue Umfrage",
      authors: ["Jonas Keller"],
      agencies: ["dpa", "AFP"],
      updated: "2024-03-14T13:10:00+01:00",
      published: "2024-03-14T13:10:00+01:00",
      dateline: "Frankfurt am Main",
      image: {
        caption: "Friedrich Merz bei einer Pressekonferenz in Berlin.",
        credit: "AFP",
        url: null,
        alt: null,
      },
    },
  },
  {
    file: "text/missing-caption.txt",
    expected: {
      kicker: "Streit um Rente",
      image: null,
      authors: ["Lea Hoffmann"],
      published: "2023-11-02T18:40:00+01:00",
    },
  },
  {
    file: "text/no-byline.txt",
    expected: {
      kicker: null,
      headline: "Wahlrechtsreform: Karlsruhe verhandelt im Juli",
      breadcrumbs: ["Startseite", "Politik", "Inland"],
      section: "Politik",
      authors: [],
      agencies: ["dpa"],
      dateline: "Berlin",
      updated: "2024-02-28T07:45:00+01:00",
    },
    leadStarts: "Das Bundesverfassungsgericht wird im Juli",
  },
  {
    file: "text/glued-leftovers.txt",
    expected: {
      kicker: "Nach dem Treffen",
      authors: ["Paul Neumann", "Sara Yilmaz"],
      agencies: ["dpa", "AFP"],
      published: "2024-05-07T16:20:00+02:00",
      dateline: "Paris",
      image: {
        caption: "Scholz und Macron im Élysée-Palast.",
        credit: "IMAGO/Political-Moments",
        url: null,
        alt: null,
      },
    },
    firstParagraphStarts: "Bundeskanzler Olaf Scholz und Präsident Emmanuel Macron",
    headings: ["Gemeinsame Projekte für die Verteidigung"],
  },
  {
    file: "text/dirty-characters.txt",
    expected: {
      kicker: "Schuldenbremse",
      headline: "Länder fordern Reform",
      authors: ["Ute Bauer"],
      lead: "Die Länder drängen auf eine Reform der Schuldenbremse.",
      paragraphs: [{ kind: "text", text: "Die Ministerpräsidenten beschlossen eine gemeinsame Erklärung." }],
    },
  },
  {
    file: "encoding/crlf.txt",
    expected: {
      headline: "Bundestag beschließt Haushalt für 2025 nach langer Debatte",
      authors: ["Jana Weber"],
      dateline: "Berlin",
    },
  },
  {
    file: "encoding/utf8-bom.txt",
    expected: { section: "Politik", breadcrumbs: ["Startseite", "Politik"], kicker: "Streit um Rente" },
  },
  {
    file: "encoding/windows-1252.txt",
    expected: { kicker: "Nach dem Treffen", authors: ["Paul Neumann", "Sara Yilmaz"], dateline: "Paris" },
    firstParagraphStarts:
      "Bundeskanzler Olaf Scholz und Präsident Emmanuel Macron haben sich auf gemeinsame Rüstungsprojekte",
  },
  {
    file: "encoding/iso-8859-1.txt",
    expected: {
      headline: "Länder einigen sich auf Lösung im Streit um Grundsteuer",
      authors: ["Jörg Maßmann"],
      dateline: "München",
    },
  },
  {
    file: "encoding/utf16le-bom.txt",
    expected: { kicker: "Neue Umfrage", headline: "Union baut Vorsprung aus", dateline: "Frankfurt am Main" },
  },
  {
    file: "encoding/utf16be-bom.txt",
    expected: { kicker: "Live-Ticker", authors: ["Tim Albers", "Nina Krüger"] },
  },
];

describe("parseTextArticle on the variants", () => {
  it.each(VARIANTS)("$file", ({ file, expected, leadStarts, firstParagraphStarts, headings }) => {
    const article = parseFile(`${FIXTURES}/${file}`);
    expect(article).toMatchObject(expected);
    if (leadStarts !== undefined) expect(article.lead?.startsWith(leadStarts)).toBe(true);
    if (firstParagraphStarts !== undefined)
      expect(article.paragraphs[0]?.text.startsWith(firstParagraphStarts)).toBe(true);
    if (headings !== undefined) {
      expect(
        article.paragraphs.filter((block) => block.kind === "heading").map((block) => block.text),
      ).toEqual(headings);
    }
  });

  it.each(VARIANTS.map((variant) => variant.file))(
    "%s: no boilerplate, caption or control character in the body",
    (file) => {
      const article = parseFile(`${FIXTURES}/${file}`);
      const text = visibleText(article);
      for (const leftover of BOILERPLATE_LEFTOVERS) expect(text).not.toContain(leftover);
      if (article.image?.caption) expect(text).not.toContain(article.image.caption);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence is the point
      expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00A0\u00AD\u200B\uFEFF\r]/);
      expect(text).toBe(text.normalize("NFC"));
    },
  );

  it("drops a promo block and a teaser block together with their lines", () => {
    const text = visibleText(parseFile(`${FIXTURES}/text/glued-leftovers.txt`));
    expect(text).not.toContain("9,99 €");
    expect(text).not.toContain("Macron warnt vor Spaltung Europas");
    expect(text).toContain("Die nächsten Regierungskonsultationen sind für den Herbst in Hamburg geplant.");
  });

  it("gives the same article for a file and its CRLF copy", () => {
    const lf = parseFile(`${FIXTURES}/text/no-kicker.txt`);
    const crlf = parseFile(`${FIXTURES}/encoding/crlf.txt`);
    expect({ ...crlf, id: "", source: "" }).toEqual({ ...lf, id: "", source: "" });
  });
});

describe("parseTextArticle on live tickers", () => {
  it("collapses 'Update vom …' entries, newest first, and keeps the summary paragraph in the body", () => {
    const article = parseFile(`${FIXTURES}/text/ticker.txt`);
    expect(article.lead).toBe(
      "Union und SPD verhandeln seit Tagen über einen Koalitionsvertrag. Wir berichten im Live-Ticker.",
    );
    expect(article.paragraphs).toEqual([
      {
        kind: "text",
        text: "Die Spitzen von Union und SPD ringen um die letzten offenen Punkte. Strittig sind vor allem Steuern und Migration.",
      },
    ]);
    expect(article.dateline).toBe("Berlin");
    expect(article.updates.map((update) => [update.label, update.time, update.paragraphs.length])).toEqual([
      ["Update vom 14. März, 13.10 Uhr", "2024-03-14T13:10:00+01:00", 2],
      ["Update vom 14. März, 9.45 Uhr", "2024-03-14T09:45:00+01:00", 1],
      ["Update vom 13. März, 22.05 Uhr", "2024-03-13T22:05:00+01:00", 1],
    ]);
    expect(article.updates[0]?.paragraphs[0]).toBe(
      "Die Verhandler haben sich auf einen Kompromiss bei der Schuldenbremse verständigt. Eine Reform soll bis zum Sommer kommen.",
    );
  });

  it("orders a ticker printed oldest first newest first, dating bare clock times by the article's day", () => {
    const article = parseFile(`${FIXTURES}/text/ticker-oldest-first.txt`);
    expect(article.updates.map((update) => [update.label, update.time, update.paragraphs])).toEqual([
      ["13.15 Uhr", "2023-12-19T13:15:00+01:00", ["Im zweiten Wahlgang ist der Kandidat der CDU gewählt."]],
      [
        "11.30 Uhr",
        "2023-12-19T11:30:00+01:00",
        ["Im ersten Wahlgang erreicht kein Kandidat die absolute Mehrheit."],
      ],
      ["10.00 Uhr", "2023-12-19T10:00:00+01:00", ["Die Sitzung ist eröffnet."]],
    ]);
    expect(article.paragraphs).toEqual([]);
  });

  it("takes the year of undated ticker entries from the reference date when the article has no date", () => {
    const text = [
      "„Live“: Gipfel in Brüssel",
      "Die EU-Spitzen beraten über den Haushalt.",
      "Update vom 2. Januar, 8.00 Uhr: Die Beratungen beginnen.",
      "Update vom 31. Dezember, 18.00 Uhr: Die Delegationen reisen an.",
    ].join("\n\n");
    const article = parseTextArticle(text, { source: null, referenceDate: new Date("2025-01-02T12:00:00Z") });
    expect(article.updates.map((update) => update.time)).toEqual([
      "2025-01-02T08:00:00+01:00",
      "2024-12-31T18:00:00+01:00",
    ]);
  });

  it("leaves an entry's time null when no year can be known", () => {
    const text = ["„Live“: Gipfel", "Die Spitzen beraten.", "Update vom 2. Januar, 8.00 Uhr: Beginn."].join(
      "\n\n",
    );
    const article = parseTextArticle(text, { source: null });
    expect(article.updates).toEqual([
      { label: "Update vom 2. Januar, 8.00 Uhr", time: null, paragraphs: ["Beginn."] },
    ]);
  });
});

describe("parseTextArticle: headings, captions and the header", () => {
  it.each([
    [
      "a short line between paragraphs is a heading",
      ["Erster Absatz.", "Zwischentitel ohne Punkt", "Zweiter Absatz."],
      1,
      "heading",
    ],
    [
      "a short question between paragraphs is a heading",
      ["Erster Absatz.", "Was heißt das für Berlin?", "Zweiter Absatz."],
      1,
      "heading",
    ],
    ["a line with a final period is text", ["Erster Absatz.", "Kurzer Satz.", "Zweiter Absatz."], 1, "text"],
    [
      "the last short line is text: nothing follows it",
      ["Erster Absatz.", "Zweiter Absatz.", "Schlusszeile ohne Punkt"],
      2,
      "text",
    ],
    [
      "a long line without a period is text",
      ["Erster Absatz.", `${"Sehr langer Absatz ".repeat(10)}ohne Punkt`, "Zweiter Absatz."],
      1,
      "text",
    ],
    [
      "two short lines in a row: neither heads a paragraph directly, the first is text",
      ["Erster Absatz.", "Kurze Zeile eins", "Kurze Zeile zwei", "Absatz."],
      1,
      "text",
    ],
  ] as const)("%s", (_name, body, target, kind) => {
    const text = ["Titelzeile des Artikels", "Lead des Artikels.", ...body].join("\n\n");
    const article = parseTextArticle(text, { source: null });
    expect(article.paragraphs).toHaveLength(body.length);
    expect(article.paragraphs[target]).toEqual({ kind, text: body[target] });
  });

  it("adopts the line directly above a credit-only line as the caption", () => {
    const text = [
      "Titelzeile",
      "Lead des Artikels.",
      "Erster Absatz im Text.",
      "Olaf Scholz im Bundestag.\n© IMAGO/Chris Emil Janßen",
      "Zweiter Absatz.",
    ].join("\n\n");
    const article = parseTextArticle(text, { source: null });
    expect(article.image).toEqual({
      caption: "Olaf Scholz im Bundestag.",
      credit: "IMAGO/Chris Emil Janßen",
      url: null,
      alt: null,
    });
    expect(article.paragraphs.map((block) => block.text)).toEqual([
      "Erster Absatz im Text.",
      "Zweiter Absatz.",
    ]);
  });

  it("does not take a paragraph separated by a blank line for the caption of a credit-only line", () => {
    const text = [
      "Titelzeile",
      "Lead des Artikels.",
      "Erster Absatz im Text.",
      "Älterer Eintrag.",
      "Foto: Kay Nietfeld/dpa",
    ].join("\n\n");
    const article = parseTextArticle(text, { source: null });
    expect(article.image).toEqual({ caption: null, credit: "Kay Nietfeld/dpa", url: null, alt: null });
    expect(article.paragraphs.map((block) => block.text)).toEqual([
      "Erster Absatz im Text.",
      "Älterer Eintrag.",
    ]);
  });

  it("keeps a caption whose credit line comes first only once", () => {
    const text = ["Titelzeile", "Lead.", "Merz spricht. © dpa", "Merz spricht.", "Absatz."].join("\n\n");
    const article = parseTextArticle(text, { source: null });
    expect(article.image?.caption).toBe("Merz spricht.");
    expect(article.paragraphs.map((block) => block.text)).toEqual(["Absatz."]);
  });

  it("reads a date given on the line after an empty 'Erstellt:'", () => {
    const text = ["Titelzeile", "Erstellt:", "15.06.2022, 14:03 Uhr", "Lead des Artikels."].join("\n");
    expect(parseTextArticle(text, { source: null }).published).toBe("2022-06-15T14:03:00+02:00");
  });

  it("reads 'Erstellt' and 'Aktualisiert' from one line", () => {
    const text = [
      "Titelzeile",
      "Erstellt: 15.06.2022, 14:03 Uhr Aktualisiert: 16.06.2022, 09:10 Uhr",
      "Lead des Artikels.",
    ].join("\n\n");
    const article = parseTextArticle(text, { source: null });
    expect([article.published, article.updated]).toEqual([
      "2022-06-15T14:03:00+02:00",
      "2022-06-16T09:10:00+02:00",
    ]);
  });

  it("keeps a paragraph that merely starts with 'Stand'", () => {
    const text = ["Titelzeile", "Lead.", "Stand der Dinge ist, dass verhandelt wird."].join("\n\n");
    expect(parseTextArticle(text, { source: null }).paragraphs).toEqual([
      { kind: "text", text: "Stand der Dinge ist, dass verhandelt wird." },
    ]);
  });

  it("takes a bare URL line as the article URL", () => {
    const text = ["https://example.org/politik/artikel-123.html", "Titelzeile", "Lead."].join("\n\n");
    const article = parseTextArticle(text, { source: null });
    expect([article.url, article.headline]).toEqual([
      "https://example.org/politik/artikel-123.html",
      "Titelzeile",
    ]);
  });

  it("drops only the marker line of a teaser block when the file has no blank lines", () => {
    const text = [
      "Titelzeile",
      "Lead des Artikels.",
      "Auch interessant",
      "Erster Absatz.",
      "Zweiter Absatz.",
    ].join("\n");
    expect(parseTextArticle(text, { source: null }).paragraphs.map((block) => block.text)).toEqual([
      "Erster Absatz.",
      "Zweiter Absatz.",
    ]);
  });

  it("keeps a long paragraph that follows a teaser block in the same block", () => {
    const long = `Der Bundestag ${"hat heute lange beraten und ".repeat(10)}entschieden.`;
    const text = ["Titelzeile", "Lead.", `Mehr zum Thema\nScholz reist nach Kiew\n${long}`, "Schluss."].join(
      "\n\n",
    );
    expect(parseTextArticle(text, { source: null }).paragraphs.map((block) => block.text)).toEqual([
      long,
      "Schluss.",
    ]);
  });

  it("does not end the article at navigation above the text", () => {
    const text = [
      "Zur Startseite",
      "Titelzeile",
      "Zur Startseite",
      "Lead.",
      "Absatz.",
      "Zur Startseite",
      "Fremder Text.",
    ].join("\n\n");
    const article = parseTextArticle(text, { source: null });
    expect([article.headline, article.lead, article.paragraphs.map((block) => block.text)]).toEqual([
      "Titelzeile",
      "Lead.",
      ["Absatz."],
    ]);
  });

  it("does not take a headline starting '1. FC' for a breadcrumb", () => {
    const article = parseTextArticle("1. FC Köln entlässt Trainer\n\nDer Verein zieht Konsequenzen.", {
      source: null,
    });
    expect([article.breadcrumbs, article.headline]).toEqual([[], "1. FC Köln entlässt Trainer"]);
  });
});

describe("parseTextArticle errors", () => {
  it.each([
    ["bad/empty.txt", /could not read test\/fixtures\/ingest\/bad\/empty\.txt - the file is empty/],
    ["bad/whitespace.txt", /the file is empty/],
    ["bad/headline-only.txt", /found the headline "Hier steht kein Artikel" but no article text below it/],
    ["bad/not-an-article.txt", /no headline found in the first 20 lines/],
  ])("%s → E_INPUT", (file, message) => {
    const path = `${FIXTURES}/${file}`;
    let caught: unknown;
    try {
      parseTextArticle(readFileSync(join(ROOT, path), "utf8"), { source: path });
    } catch (error) {
      caught = error;
    }
    expect(isDigestError(caught, "E_INPUT")).toBe(true);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain("\n");
  });
});

describe("parseTextArticle on scrambled input", () => {
  /** Deterministic PRNG (mulberry32) so a failure is reproducible from its seed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let value = Math.imul(state ^ (state >>> 15), 1 | state);
      value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
      return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
    };
  }

  const sources = [
    SEED,
    ...VARIANTS.map((variant) => `${FIXTURES}/${variant.file}`),
    `${FIXTURES}/text/ticker.txt`,
  ];
  const lines = sources.flatMap((path) => decodeBytes(readFileSync(join(ROOT, path))).split(/\r?\n/));

  it.each(Array.from({ length: 40 }, (_, seed) => seed))(
    "seed %i: a valid Article or an E_INPUT, nothing else",
    (seed) => {
      const next = random(seed);
      const count = 1 + Math.floor(next() * 40);
      const text = Array.from({ length: count }, () => lines[Math.floor(next() * lines.length)] ?? "").join(
        next() < 0.5 ? "\n" : "\n\n",
      );
      try {
        const article = parseTextArticle(text, { source: `scrambled-${seed}.txt` });
        expect(ArticleSchema.safeParse(article).success).toBe(true);
        expect(article.headline.trim()).not.toBe("");
      } catch (error) {
        expect(isDigestError(error, "E_INPUT")).toBe(true);
      }
    },
  );
});
