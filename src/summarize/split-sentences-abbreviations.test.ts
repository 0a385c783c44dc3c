/**
 * The abbreviations derived from the Unicode CLDR's German sentence-break suppressions
 * (data/cldr-abbreviations.json, written by `npm run train`): rare abbreviations the typed lists
 * and the Punkt statistics do not know keep their sentence whole, while a word that is also an
 * ordinary German word still ends one.
 */
import { describe, expect, it } from "vitest";
import cldr from "./data/cldr-abbreviations.json" with { type: "json" };
import { splitSentences } from "./split-sentences.js";

describe("CLDR-derived abbreviations", () => {
  it.each([
    [
      "Die kath. Kirche in Köln lehnt das ab. Der Bischof schweigt.",
      "Die kath. Kirche in Köln lehnt das ab.",
    ],
    ["Er sprach mit dem röm.-kath. Pfarrer. Danach ging er.", "Er sprach mit dem röm.-kath. Pfarrer."],
    [
      "Der Vortrag von Dipl.-Kfm. Meier fand Anklang. Es gab Applaus.",
      "Der Vortrag von Dipl.-Kfm. Meier fand Anklang.",
    ],
    [
      "Die Firma Gebr. Hansen meldet Insolvenz an. Die Mitarbeiter sind besorgt.",
      "Die Firma Gebr. Hansen meldet Insolvenz an.",
    ],
    [
      "Das Abkommen gilt für österr. Unternehmen. Es tritt im Mai in Kraft.",
      "Das Abkommen gilt für österr. Unternehmen.",
    ],
  ])("keeps %j together up to its real end", (text, first) => {
    expect(splitSentences(text)).toEqual([first, text.slice(first.length + 1)]);
  });

  it("still ends a sentence at a CLDR entry that is also an ordinary word", () => {
    expect(cldr.droppedAsWords).toContain("Test.");
    expect(splitSentences("Er bestand den Test. Seine Eltern freuten sich.")).toEqual([
      "Er bestand den Test.",
      "Seine Eltern freuten sich.",
    ]);
  });

  it("leaves single initials to the splitter's own context rules", () => {
    expect(cldr.abbreviations.some((entry) => /^\p{Lu}\.$/u.test(entry))).toBe(false);
    expect(cldr.abbreviations).toContain("kath.");
  });
});
