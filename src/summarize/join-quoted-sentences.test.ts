import { describe, expect, it } from "vitest";
import { joinQuotedSentences, MAX_JOINED_QUOTATION_CHARS } from "./join-quoted-sentences.js";
import { splitSentences } from "./split-sentences.js";

/** The units of a paragraph as the summarizer sees them. */
function units(text: string): string[] {
  return joinQuotedSentences(splitSentences(text)).map((unit) => unit.text);
}

describe("joinQuotedSentences", () => {
  it.each([
    [
      "attributed quotation of two sentences with its speaker",
      "„Das ist gut. Wir machen weiter“, sagte sie. Dann ging sie.",
      ["„Das ist gut. Wir machen weiter“, sagte sie.", "Dann ging sie."],
    ],
    [
      "question opening an attributed quotation (PCC)",
      '"Drogen? An unserer Schule kein Problem", hört man immer wieder. Das stimmt nicht.',
      ['"Drogen? An unserer Schule kein Problem", hört man immer wieder.', "Das stimmt nicht."],
    ],
    [
      "quotation introduced with a colon, ending in a spaced ellipsis (PCC)",
      'Er meinte: "Es ist ein guter Start. Wenn das so weiter geht . . ." Dann lachte er.',
      ['Er meinte: "Es ist ein guter Start. Wenn das so weiter geht . . ."', "Dann lachte er."],
    ],
    [
      "tail after the closing mark",
      "„Wir bleiben. Wir kämpfen“, so Kondé. Die Halle jubelte.",
      ["„Wir bleiben. Wir kämpfen“, so Kondé.", "Die Halle jubelte."],
    ],
    [
      "guillemets",
      "»Nein. Niemals«, rief sie. Die Menge jubelte.",
      ["»Nein. Niemals«, rief sie.", "Die Menge jubelte."],
    ],
    [
      "bracket of two sentences",
      "Er landete. (Das war knapp. Der Tank war leer.) Dann stieg er aus.",
      ["Er landete.", "(Das war knapp. Der Tank war leer.)", "Dann stieg er aus."],
    ],
    [
      "quotations that close in their own sentence stay apart",
      "„Wir kommen.“ Dann ging er. „Wir gehen“, sagte sie.",
      ["„Wir kommen.“", "Dann ging er.", "„Wir gehen“, sagte sie."],
    ],
    [
      "an unclosed quotation mark (broken text) joins nothing",
      "„Wir kommen. Sie gehen. Dann ist Ruhe.",
      ["„Wir kommen.", "Sie gehen.", "Dann ist Ruhe."],
    ],
  ])("%s", (_name, text, expected) => {
    expect(units(text)).toEqual(expected);
  });

  it("numbers each unit by its first sentence and counts the sentences it spans", () => {
    expect(
      joinQuotedSentences(["Vorher.", "„Das ist gut.", "Wir machen weiter“, sagte sie.", "Dann ging sie."]),
    ).toEqual([
      { text: "Vorher.", first: 0, count: 1 },
      { text: "„Das ist gut. Wir machen weiter“, sagte sie.", first: 1, count: 2 },
      { text: "Dann ging sie.", first: 3, count: 1 },
    ]);
  });

  it("joins no quotation longer than MAX_JOINED_QUOTATION_CHARS", () => {
    const long = "Das ist ein langer Satz aus einer sehr langen Rede des Ministers.";
    const sentences = [`„${long}`, ...Array.from({ length: 12 }, () => long), "Ende“, sagte er."];
    expect(sentences.join(" ").length).toBeGreaterThan(MAX_JOINED_QUOTATION_CHARS);
    expect(joinQuotedSentences(sentences)).toHaveLength(sentences.length);
  });

  it("returns no units for no sentences", () => {
    expect(joinQuotedSentences([])).toEqual([]);
  });
});
