import { describe, expect, it } from "vitest";
import type { Edition, Story } from "../types.js";
import { diffEditions } from "./diff-editions.js";

const story = (id: string, headline: string, points: string[] = []): Story => ({
  id,
  role: "more",
  section: "Politik",
  kicker: null,
  headline,
  authors: [],
  dateline: null,
  published: null,
  updated: null,
  teaser: `Teaser ${id}`,
  keyPoints: points.map((text, sentence) => ({ text, paragraph: 0, sentence })),
  url: null,
  image: null,
});

const edition: Edition = {
  date: "2027-03-28",
  timeZone: "Europe/Berlin",
  section: "Politik",
  dateLine: "Sonntag, 28. März 2027",
  subject: "Betreff",
  preheader: "Vorschau",
  stories: [story("a", "A", ["eins", "zwei"]), story("b", "B"), story("c", "C")],
};

describe("diffEditions", () => {
  it("is empty for the same edition", () => {
    expect(diffEditions(edition, structuredClone(edition))).toEqual([]);
  });

  it("names each changed field with before and after, in a fixed order", () => {
    const [a, b, c] = edition.stories as [Story, Story, Story];
    const next: Edition = {
      ...edition,
      preheader: "Neu",
      intro: { text: "Guten Morgen", editor: "Anna Schmidt", signature: null },
      stories: [
        {
          ...a,
          keyPoints: [
            a.keyPoints[0] as Story["keyPoints"][0],
            { text: "drei", paragraph: 0, sentence: 0, written: true },
            { text: "vier", paragraph: 0, sentence: 0, written: true },
          ],
        },
        c,
      ],
    };
    expect(diffEditions(edition, next)).toEqual([
      { field: "preheader", before: "Vorschau", after: "Neu" },
      { field: "intro", before: null, after: "Guten Morgen - Anna Schmidt" },
      { field: "more", before: "B | C", after: "C" },
      { field: "stories[a].keyPoints[1]", before: "zwei", after: "drei" },
      { field: "stories[a].keyPoints[2]", before: null, after: "vier" },
    ]);
    expect(b.id).toBe("b");
  });

  it("records a new top story", () => {
    const [a, b] = edition.stories as [Story, Story];
    const next = {
      ...edition,
      stories: [
        { ...b, role: "top" as const },
        { ...a, role: "more" as const },
      ],
    };
    expect(diffEditions(edition, next).slice(0, 2)).toEqual([
      { field: "top", before: "A", after: "B" },
      { field: "more", before: "B | C", after: "A" },
    ]);
  });
});
