import { describe, expect, it } from "vitest";
import { assessSentence } from "./assess-sentence.js";
import { liftThatClause } from "./lift-that-clause.js";

describe("liftThatClause", () => {
  it.each([
    [
      "a noun subject with adjectives and a name, a date in brackets",
      "Umso bedeutender, dass der chinesische Präsident Xi Jinping am Mittwoch (15. Juni) betonte, dass man Moskau in Sachen „Souveränität und Sicherheit“ gänzlich unterstütze.",
      "Der chinesische Präsident Xi Jinping betonte am Mittwoch (15. Juni), dass man Moskau in Sachen „Souveränität und Sicherheit“ gänzlich unterstütze.",
      "Umso bedeutender, dass",
    ],
    [
      "a name as subject and an auxiliary at the end",
      "Kein Wunder, dass Merz die Wahl am Sonntag klar gewonnen hat.",
      "Merz hat die Wahl am Sonntag klar gewonnen.",
      "Kein Wunder, dass",
    ],
  ])("lifts the clause: %s", (_name, sentence, text, removed) => {
    expect(liftThatClause(sentence)).toEqual({ text, removed });
    expect(assessSentence(text).dangling).toBe(false);
  });

  it.each([
    ["no elliptic comment", "Die Regierung betonte, dass man Moskau unterstütze."],
    ["a verb with a separable prefix", "Umso wichtiger, dass die Regierung am Montag zustimmte."],
    ["a relative clause inside the subject", "Kein Wunder, dass der Minister, der gestern kam, sprach."],
    ["a pronoun subject (it would still point back)", "Umso wichtiger, dass sie 2025 mehr Geld bekommen."],
    ["a subject the rule does not recognise", "Umso wichtiger, dass 2025 die Steuer sinkt."],
    ["a quotation left open at the comma", "Umso wichtiger, dass „die Lage, wie sie ist“ bleibt."],
  ])("leaves the sentence alone: %s", (_name, sentence) => {
    expect(liftThatClause(sentence)).toEqual({ text: sentence, removed: null });
  });
});
