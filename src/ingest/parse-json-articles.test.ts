import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDigestError } from "../errors.js";
import { ArticleSchema } from "../types.js";
import { parseJsonArticles } from "./parse-json-articles.js";
import { parseTextArticle } from "./parse-text-article.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = "test/fixtures/ingest/json";
const read = (file: string): string => readFileSync(join(ROOT, FIXTURES, file), "utf8");

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    expect(isDigestError(error, "E_INPUT")).toBe(true);
    return error as Error;
  }
  throw new Error("expected an E_INPUT error");
}

describe("parseJsonArticles", () => {
  it("reads one article with defaults, normalised strings, German dates and a byline string", () => {
    const [article, ...rest] = parseJsonArticles(read("one-article.json"), {
      source: `${FIXTURES}/one-article.json`,
    });
    expect(rest).toEqual([]);
    expect(article).toMatchObject({
      format: "json",
      source: `${FIXTURES}/one-article.json`,
      section: "Politik",
      kicker: "Länderkammer",
      headline: "Bundesrat stoppt Gesetz zur Cannabis-Freigabe vorerst",
      authors: ["Mia Lang", "Ole Brandt"],
      published: "2024-03-22T12:30:00+01:00",
      updated: null,
      dateline: "Berlin",
      image: { caption: "Abstimmung im Bundesrat.", credit: "dpa", url: null, alt: null },
      url: "https://example.org/politik/bundesrat-cannabis.html",
      fullText: true,
      updates: [],
    });
    expect(article?.paragraphs).toEqual([
      {
        kind: "text",
        text: "Eine Mehrheit der Länder stimmte für die Anrufung des Vermittlungsausschusses.",
      },
      { kind: "heading", text: "Wie geht es weiter?" },
      { kind: "text", text: "Das Gesetz kann damit frühestens im Sommer in Kraft treten." },
      { kind: "text", text: "Die Bundesregierung zeigte sich enttäuscht." },
    ]);
    expect(article?.id).toMatch(/^[0-9a-f]{12}$/);
  });

  it("reads an array, giving each article its own id", () => {
    const articles = parseJsonArticles(read("two-articles.json"), {
      source: `${FIXTURES}/two-articles.json`,
    });
    expect(articles.map((article) => [article.headline, article.section, article.published])).toEqual([
      ["Kabinett beschließt Bürokratieabbau", "Politik", "2024-03-27T10:00:00+01:00"],
      ["DFB-Elf gewinnt Testspiel in Lyon", "Sport", null],
    ]);
    expect(new Set(articles.map((article) => article.id)).size).toBe(2);
  });

  it("round-trips what the text parser produces (the shape `digest parse` prints)", () => {
    const seed = parseTextArticle(readFileSync(join(ROOT, "seeds/000_7cdcff967b3c5d01.txt"), "utf8"), {
      source: "seeds/x.txt",
    });
    const [again] = parseJsonArticles(JSON.stringify(seed), { source: "seeds/x.txt" });
    expect(again).toEqual({ ...seed, format: "json" });
    expect(ArticleSchema.parse(again)).toEqual(again);
  });

  it("reports every schema problem at once, each with its JSON path", () => {
    const error = errorOf(() =>
      parseJsonArticles(read("invalid-schema.json"), { source: "in/invalid-schema.json" }),
    );
    expect(error.message).toMatch(/^could not read in\/invalid-schema\.json - 4 problems: /);
    expect(error.message).toContain("$[0].paragraphs: is required (expected array)");
    expect(error.message).toContain("$[1].headline: must not be empty");
    expect(error.message).toContain("$[1].published: expected an ISO 8601 date");
    expect(error.message).toContain(
      '$[1].paragraphs[0]: expected a string or an object {"kind": "text" | "heading", "text": string}',
    );
  });

  it.each([
    ["invalid syntax", read("invalid-syntax.json"), /it is not valid JSON/],
    ["a number", "42", /\$: expected an article object or an array of article objects/],
    ["an empty file", "", /the file is empty/],
    ["a wrong type", '{"headline": 3, "paragraphs": []}', /\$\.headline: expected string, received number/],
  ])("rejects %s with a one-line E_INPUT naming the file", (_name, text, message) => {
    const error = errorOf(() => parseJsonArticles(text, { source: "in/bad.json" }));
    expect(error.message).toMatch(/^could not read in\/bad\.json - /);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
  });

  it("returns no articles for an empty array", () => {
    expect(parseJsonArticles(read("empty-array.json"), { source: null })).toEqual([]);
  });
});
