import { describe, expect, it } from "vitest";
import { compressSentence, stripLeadingFurniture } from "./compress-sentence.js";

describe("compressSentence", () => {
  it.each([
    [
      "an unnamed source after the verb",
      "Ein Krieg scheint unwahrscheinlich, da Xi Expertinnen und Experten zufolge keine Sanktionen riskieren würde.",
      "Ein Krieg scheint unwahrscheinlich, da Xi keine Sanktionen riskieren würde.",
      ["Expertinnen und Experten zufolge"],
    ],
    [
      "a reporting clause between commas",
      "Die Regierung will die Steuer, wie die Zeitung berichtete, schon im Mai senken.",
      "Die Regierung will die Steuer schon im Mai senken.",
      ["wie die Zeitung berichtete"],
    ],
    [
      "a reporting clause at the end",
      "Der Minister tritt zurück, wie der Sender meldete.",
      "Der Minister tritt zurück.",
      ["wie der Sender meldete"],
    ],
    [
      "a bracketed cross-reference and an agency tag",
      "Der Etat wächst (siehe Grafik) um 3 Prozent (dpa).",
      "Der Etat wächst um 3 Prozent.",
      ["(siehe Grafik)", "(dpa)"],
    ],
  ])("removes %s", (_name, sentence, text, removed) => {
    expect(compressSentence(sentence)).toEqual({ text, removed });
  });

  it.each([
    [
      "an unnamed source in first position (it holds the verb-second slot)",
      "Experten zufolge ist der Plan riskant.",
    ],
    ["a named source", "Der Polizei zufolge wurden 12 Menschen verletzt, der Feuerwehr zufolge 14."],
    ["a quotation", "„Das wird Experten zufolge teuer“, sagte die Ministerin."],
    ["a reporting clause that opens the sentence", "Wie die Zeitung berichtete, sinkt die Steuer im Mai."],
    ["a reporting clause with a number", "Die Steuer sinkt, wie 3 Zeitungen berichteten, im Mai."],
    ["a bracket with a fact", "Die Union (CDU/CSU) stimmt zu, die SPD (153 Sitze) nicht."],
  ])("keeps %s", (_name, sentence) => {
    expect(compressSentence(sentence)).toEqual({ text: sentence, removed: [] });
  });
});

describe("stripLeadingFurniture", () => {
  it.each([
    [
      "a dateline after a lost paragraph break",
      "Wien – Gut eine Woche vor der Wahl liegt die ÖVP vorn.",
      "Gut eine Woche vor der Wahl liegt die ÖVP vorn.",
      ["Wien –"],
    ],
    [
      "a dateline with an agency",
      "Den Haag (dpa) – Die Nato berät über die Ostflanke.",
      "Die Nato berät über die Ostflanke.",
      ["Den Haag (dpa) –"],
    ],
    [
      "a glued sub-heading",
      "Keine Personaldebatte Mit FPÖ-Chef Kickl will die Partei in die Wahl ziehen.",
      "Mit FPÖ-Chef Kickl will die Partei in die Wahl ziehen.",
      ["Keine Personaldebatte"],
    ],
    [
      "a glued sub-heading with function words",
      "Streit um die Rente Nach dem Gutachten will die Union nachverhandeln.",
      "Nach dem Gutachten will die Union nachverhandeln.",
      ["Streit um die Rente"],
    ],
  ])("cuts %s", (_name, sentence, text, removed) => {
    const cut: string[] = [];
    expect(stripLeadingFurniture(sentence, cut)).toBe(text);
    expect(cut).toEqual(removed);
  });

  it.each([
    ["an apposition between dashes", "Scholz – der Kanzler – schwieg lange."],
    ["a sentence with a verb before a capitalised word", "Es stimmten u. a. Die Linke und die AfD dagegen."],
    ["a polite imperative", "Wissen Sie schon, was morgen im Bundestag ansteht?"],
    ["a short rest", "Berlin – Die Sitzung endet."],
  ])("keeps %s", (_name, sentence) => {
    const cut: string[] = [];
    expect(stripLeadingFurniture(sentence, cut)).toBe(sentence);
    expect(cut).toEqual([]);
  });
});
