import { describe, expect, it } from "vitest";
import { type Article, ArticleSchema } from "../types.js";
import { findSourceSentence } from "./find-source-sentence.js";

const article: Article = ArticleSchema.parse({
  id: "quote",
  source: null,
  format: "json",
  section: "Politik",
  breadcrumbs: [],
  kicker: null,
  headline: "Ministerin lenkt ein",
  authors: [],
  published: null,
  lead: null,
  dateline: null,
  image: null,
  paragraphs: [
    {
      kind: "text",
      text: "Die Ministerin lenkte ein. „Wir haben verstanden. Es wird nachgebessert“, sagte sie. Danach ging sie.",
    },
  ],
});

describe("findSourceSentence", () => {
  it("returns the sentence at the point's position", () => {
    expect(findSourceSentence(article, { paragraph: 0, sentence: 0 })).toBe("Die Ministerin lenkte ein.");
  });

  it("returns a whole quotation of several sentences for a point that starts it", () => {
    expect(findSourceSentence(article, { paragraph: 0, sentence: 1 })).toBe(
      "„Wir haben verstanden. Es wird nachgebessert“, sagte sie.",
    );
    // The splitter numbers the quotation's sentences 1 and 2; the next sentence is 3.
    expect(findSourceSentence(article, { paragraph: 0, sentence: 3 })).toBe("Danach ging sie.");
  });

  it("is null for a written point or a position the article does not have", () => {
    expect(findSourceSentence(article, { paragraph: 0, sentence: 0, written: true })).toBeNull();
    expect(findSourceSentence(article, { paragraph: 4, sentence: 0 })).toBeNull();
  });
});
