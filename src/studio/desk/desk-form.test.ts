import { describe, expect, it } from "vitest";
import type { DraftView } from "../../review/index.js";
import type { Story } from "../../types.js";
import { formValuesOf, mergeDeskValues, parseDeskForm, toEditable } from "./desk-form.js";
import type { DeskFormValues } from "./desk-view.js";

function story(id: string, keyPoints: Story["keyPoints"] = []): Story {
  return {
    id,
    role: "more",
    section: "Politik",
    kicker: null,
    headline: `Schlagzeile ${id}`,
    authors: [],
    dateline: null,
    published: null,
    updated: null,
    teaser: `Teaser ${id}`,
    keyPoints,
    url: null,
    image: null,
  };
}

const POINTS: Story["keyPoints"] = [
  { text: "Erster Punkt.", paragraph: 0, sentence: 1, removed: ["Berlin (dpa) -"] },
  { text: "Zweiter Punkt.", paragraph: 2, sentence: 0, update: 1 },
  { text: "Von Anna.", paragraph: 0, sentence: 0, written: true },
];

function draft(overrides: Partial<DraftView["edition"]> = {}): DraftView {
  const edition = {
    date: "2026-11-26",
    timeZone: "Europe/Berlin",
    section: "Politik",
    dateLine: "Donnerstag, 26. November 2026",
    subject: "Betreff",
    preheader: "Vorschau",
    stories: [{ ...story("a", POINTS), role: "top" as const }, story("b"), story("c")],
    ...overrides,
  };
  return {
    key: "2026-11-26/politik",
    date: "2026-11-26",
    section: "Politik",
    version: 4,
    state: "edited",
    edition,
    proposal: edition,
    candidates: [],
    sources: { a: ["Erster Satz im Artikel.", "Zweiter Satz.", null] },
    approved: null,
    held: null,
    fallback: null,
    sent: null,
    createdAt: "2026-11-26T05:00:00.000Z",
    updatedBy: "anna",
    updatedAt: "2026-11-26T05:10:00.000Z",
  };
}

function post(values: Record<string, string>): URLSearchParams {
  return new URLSearchParams(values);
}

describe("formValuesOf", () => {
  it("puts each key point beside its source sentence, with its position as a ref", () => {
    const values = formValuesOf(draft(), { signature: "Chefin vom Dienst" });
    expect(values.points).toEqual([
      { text: "Erster Punkt.", ref: "0.1", source: "Erster Satz im Artikel." },
      { text: "Zweiter Punkt.", ref: "u1.2.0", source: "Zweiter Satz." },
      { text: "Von Anna.", ref: "w", source: null },
    ]);
    expect(values).toMatchObject({ top: "a", more: ["b", "c"], intro: "", signature: "Chefin vom Dienst" });
  });

  it("takes the signature of an existing intro over the editor's default", () => {
    const intro = { text: "Guten Morgen!", editor: "Ben", signature: null };
    expect(formValuesOf(draft({ intro }), { signature: "Chefin" })).toMatchObject({
      intro: "Guten Morgen!",
      signature: "",
    });
  });
});

describe("parseDeskForm", () => {
  it("reads points, drops removed and empty ones, and orders further headlines by Platz", () => {
    const posted = parseDeskForm(
      post({
        version: "4",
        subject: " Neuer\r\nBetreff ",
        top: "a",
        candidates: "4",
        c0: "a",
        "c0.pos": "1",
        c1: "b",
        "c1.pos": "3",
        c2: "c",
        "c2.pos": "",
        c3: "d",
        "c3.pos": "2",
        points: "3",
        p0: "Erster Punkt, neu.",
        "p0.ref": "0.1",
        p1: "Zweiter Punkt.",
        "p1.ref": "u1.2.0",
        "p1.remove": "1",
        p2: "  ",
        "p2.ref": "w",
        new0: "Ganz neu.",
      }),
    );
    expect(posted.version).toBe(4);
    expect(posted.values.subject).toBe("Neuer Betreff");
    expect(posted.values.more).toEqual(["d", "b"]);
    expect(posted.values.points).toEqual([{ text: "Erster Punkt, neu.", ref: "0.1", source: null }]);
    expect(posted.newPoint).toBe("Ganz neu.");
    expect(posted.base).toBeNull();
  });

  it("bounds the counts a forged form names", () => {
    expect(parseDeskForm(post({ points: "1e9", candidates: "-1" })).values.points).toEqual([]);
    expect(parseDeskForm(post({ version: "x" })).version).toBeNull();
    expect(parseDeskForm(post({ base: "{not json" })).base).toBeNull();
  });
});

describe("toEditable", () => {
  const current = draft({ intro: { text: "Guten Morgen!", editor: "Ben Wagner", signature: null } });
  const base = formValuesOf(current, { signature: null });

  it("sends teaser and key points with their positions; a new point is written", () => {
    const posted = { version: 4, values: base, base, newPoint: "Neu." };
    const editable = toEditable(posted, current, { name: "Anna Schmidt" });
    expect(editable.stories[0]?.keyPoints).toEqual([
      { text: "Erster Punkt.", paragraph: 0, sentence: 1, removed: ["Berlin (dpa) -"] },
      { text: "Zweiter Punkt.", paragraph: 2, sentence: 0, update: 1 },
      { text: "Von Anna.", written: true },
      { text: "Neu.", written: true },
    ]);
    expect(editable.stories.map((s) => s.id)).toEqual(["a", "b", "c"]);
    // The intro was not touched: it stays Ben's.
    expect(editable.intro).toEqual(current.edition.intro);
  });

  it("signs a changed intro with the saving editor; an empty one removes it", () => {
    const changed = { ...base, intro: "Guten Morgen, Berlin!", signature: "CvD" };
    expect(
      toEditable({ version: 4, values: changed, base, newPoint: "" }, current, { name: "Anna" }).intro,
    ).toEqual({
      text: "Guten Morgen, Berlin!",
      editor: "Anna",
      signature: "CvD",
    });
    const empty = { ...base, intro: "" };
    expect(
      toEditable({ version: 4, values: empty, base, newPoint: "" }, current, { name: "Anna" }).intro,
    ).toBeNull();
  });

  it("a new top story comes with its own teaser and key points", () => {
    const values = { ...base, top: "b", more: ["a"] };
    const editable = toEditable({ version: 4, values, base, newPoint: "" }, current, { name: "Anna" });
    expect(editable.stories).toEqual([{ id: "b" }, { id: "a" }]);
  });
});

describe("mergeDeskValues", () => {
  const base: DeskFormValues = formValuesOf(draft(), { signature: null });

  it("keeps this editor's changes and takes the other's where this editor changed nothing", () => {
    const mine = { ...base, intro: "Guten Morgen!" };
    const theirs = {
      ...base,
      points: base.points.map((p, i) => (i === 1 ? { ...p, text: "Annas Punkt." } : p)),
    };
    const { values, clashes } = mergeDeskValues(base, mine, theirs);
    expect(values.intro).toBe("Guten Morgen!");
    expect(values.points[1]).toEqual({ text: "Annas Punkt.", ref: "u1.2.0", source: "Zweiter Satz." });
    expect(clashes).toEqual([]);
  });

  it("reports a field both changed and keeps this editor's value", () => {
    const { values, clashes } = mergeDeskValues(
      base,
      { ...base, subject: "Meiner" },
      { ...base, subject: "Ihrer" },
    );
    expect(values.subject).toBe("Meiner");
    expect(clashes).toEqual([{ field: "Betreff", mine: "Meiner", theirs: "Ihrer" }]);
  });

  it("without a base, every differing field is a clash (nothing of this editor's is dropped)", () => {
    const { values, clashes } = mergeDeskValues(null, { ...base, teaser: "A" }, { ...base, teaser: "B" });
    expect(values.teaser).toBe("A");
    expect(clashes.map((clash) => clash.field)).toEqual(["Teaser"]);
  });

  it("a top story changed by the other editor brings its teaser and points along", () => {
    const theirs = { ...base, top: "b", teaser: "Teaser b", points: [] };
    const { values } = mergeDeskValues(base, { ...base, subject: "Meiner" }, theirs);
    expect(values).toMatchObject({ top: "b", teaser: "Teaser b", points: [], subject: "Meiner" });
  });
});
