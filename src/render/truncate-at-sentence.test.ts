import { describe, expect, it } from "vitest";
import { truncateAtSentence } from "./truncate-at-sentence.js";

describe("truncateAtSentence", () => {
  it.each([
    ["fits unchanged", "Der Landtag hat gewählt.", 160, "Der Landtag hat gewählt."],
    [
      "keeps whole sentences that fit",
      "Der bayerische Landtag hat eine neue Präsidentin gewählt. Die Abgeordnete setzte sich im zweiten Wahlgang mit knapper Mehrheit gegen ihren Gegenkandidaten durch.",
      160,
      "Der bayerische Landtag hat eine neue Präsidentin gewählt.",
    ],
    [
      "does not end a sentence at a date or an abbreviation",
      "Am Freitag (27. November) tagt z. B. der Ausschuss in Berlin. Danach berät das Plenum.",
      70,
      "Am Freitag (27. November) tagt z. B. der Ausschuss in Berlin.",
    ],
    [
      "keeps a quoted sentence whole",
      "„Wir stehen zu unserem Wort“, sagte die Ministerin. Die Opposition zweifelt daran.",
      60,
      "„Wir stehen zu unserem Wort“, sagte die Ministerin.",
    ],
    [
      "cuts at a word when the first sentence alone is too long",
      "Mehrere Landesregierungen haben gegen die Verkleinerung des Parlaments geklagt, ein Urteil wird erwartet.",
      56,
      "Mehrere Landesregierungen haben gegen die Verkleinerung…",
    ],
  ])("%s", (_case, text, max, expected) => {
    const result = truncateAtSentence(text, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max);
  });

  it("keeps a quotation of several sentences whole or leaves it out", () => {
    const text =
      "Die Ministerin lenkte ein. Sie sagte: „Wir haben verstanden. Es wird nachgebessert.“ Danach ging sie.";
    // The splitter ends a sentence inside the quotation; cutting there would leave it open.
    expect(truncateAtSentence(text, 70)).toBe("Die Ministerin lenkte ein.");
    expect(truncateAtSentence(text, 90)).toBe(
      "Die Ministerin lenkte ein. Sie sagte: „Wir haben verstanden. Es wird nachgebessert.“",
    );
  });
});
