import { describe, expect, it } from "vitest";
import { parseAuthorList, parseByline } from "./parse-byline.js";

describe("parseByline", () => {
  it.each([
    ["Von: Nail Akkoyun", ["Nail Akkoyun"], []],
    ["Von: Anna Schmidt, Max Müller und Eva Braun", ["Anna Schmidt", "Max Müller", "Eva Braun"], []],
    ["Von: Anna Schmidt, Max Müller mit dpa", ["Anna Schmidt", "Max Müller"], ["dpa"]],
    ["Von: Anna Schmidt mit dpa/AFP", ["Anna Schmidt"], ["dpa", "AFP"]],
    ["Von: Jonas Keller mit Material der Nachrichtenagenturen dpa und AFP", ["Jonas Keller"], ["dpa", "AFP"]],
    ["Von: Lea Hoffmann (dpa)", ["Lea Hoffmann"], ["dpa"]],
    ["Von: dpa", [], ["dpa"]],
    ["Von: DPA und Reuters", [], ["dpa", "Reuters"]],
    ["Von: Kai Berger & Ute Bauer", ["Kai Berger", "Ute Bauer"], []],
    ["Von: Tim Albers sowie Nina Krüger.", ["Tim Albers", "Nina Krüger"], []],
    ["Von: dpa/lno", [], ["dpa/lno"]],
    ["Autorin: Mia Lang", ["Mia Lang"], []],
    ["Von:", [], []],
  ])("%s", (line, authors, agencies) => {
    expect(parseByline(line)).toEqual({ authors, agencies });
  });

  it.each([
    ["Von Nail Akkoyun", { authors: ["Nail Akkoyun"], agencies: [] }],
    ["Von Berlin aus sieht die Lage anders aus.", null],
    ["Von der Leyen reist nach Kiew und trifft Selenskyj zu Gesprächen über Wiederaufbau und Hilfen", null],
  ])("bare byline in the header: %s", (line, expected) => {
    expect(parseByline(line, { allowBare: true })).toEqual(expected);
  });

  it("ignores a bare byline outside the header", () => {
    expect(parseByline("Von Nail Akkoyun")).toBeNull();
  });

  it("does not split a name joined by 'mit' when the tail is not an agency", () => {
    expect(parseAuthorList("Eva Braun mit Max Müller")).toEqual({
      authors: ["Eva Braun mit Max Müller"],
      agencies: [],
    });
  });
});
