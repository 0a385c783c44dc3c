import { describe, expect, it } from "vitest";
import { stemWord, tokenizeWords, toTerms } from "./tokenize-terms.js";

describe("tokenizeWords", () => {
  it.each([
    ["umlauts and ß stay", "Die Maßnahmen für Flüchtlinge", ["die", "maßnahmen", "für", "flüchtlinge"]],
    [
      "hyphenated compounds stay whole",
      "Ukraine-Krieg und Nato-Gipfel",
      ["ukraine-krieg", "und", "nato-gipfel"],
    ],
    [
      "numbers with separators stay whole",
      "3,5 Prozent um 7.30 Uhr",
      ["3,5", "prozent", "um", "7.30", "uhr"],
    ],
    ["quotes and dashes are not words", "„Nein“ – sagte sie.", ["nein", "sagte", "sie"]],
  ])("%s", (_name, text, expected) => {
    expect(tokenizeWords(text)).toEqual(expected);
  });
});

describe("stemWord and toTerms", () => {
  it.each([
    ["beziehungen", "beziehung"],
    ["präsidenten", "präsident"],
  ])("%s and %s share a stem", (a, b) => {
    expect(stemWord(a)).toBe(stemWord(b));
  });

  it("drops German stop words and numbers, and adds compound parts", () => {
    expect(toTerms("Die Zahl der Ukraine-Flüchtlinge stieg um 12 Prozent.")).toEqual([
      stemWord("zahl"),
      stemWord("ukraine-flüchtlinge"),
      stemWord("ukraine"),
      stemWord("flüchtlinge"),
      stemWord("stieg"),
      stemWord("prozent"),
    ]);
  });
});
