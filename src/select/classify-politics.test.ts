import { describe, expect, it } from "vitest";
import { classifyPolitics, tokenize } from "./classify-politics.js";
import { POLITICS_BIAS } from "./data/politics-terms.js";

/** The weight one body word adds on its own (bias removed). */
function weightOf(word: string): number {
  return classifyPolitics({ headline: "", text: word }).score - POLITICS_BIAS;
}

describe("classifyPolitics", () => {
  it("tells a coalition story from a football report", () => {
    expect(
      classifyPolitics({
        headline: "Koalition einigt sich auf Haushalt",
        text: "Die Fraktionen von SPD und Union haben sich in der Nacht auf Eckpunkte verständigt.",
      }).politics,
    ).toBe(true);
    expect(
      classifyPolitics({
        headline: "Bayern gewinnt Spitzenspiel",
        text: "Der Trainer lobte die Mannschaft nach dem späten Siegtreffer in der Bundesliga.",
      }).politics,
    ).toBe(false);
  });

  it("names the terms that decided, strongest first", () => {
    const verdict = classifyPolitics({ headline: "Bundestag debattiert Wahlrecht", text: "" });
    expect(verdict.evidence[0]).toMatch(/^bundestag\* \+/);
    expect(verdict.evidence.some((e) => e.startsWith("*wahlrecht* +"))).toBe(true);
  });

  // Substring patterns collide with everyday words. These appear in ordinary politics reports and
  // must not count against politics (each was a real collision before the patterns got exceptions).
  it.each([
    ["diskutiert", "*tier*"],
    ["debattiert", "*tier*"],
    ["protestiert", "*tier*"],
    ["regierungskreise", "*reise*"],
    ["einreise", "*reise*"],
    ["eigenen", "*gene*"],
    ["generalsekretär", "*gene*"],
    ["genehmigt", "*gene*"],
    ["beispiel", "*spiel"],
    ["knapp", "*app"],
    ["kooperation", "*oper*"],
    ["militäroperation", "*oper*"],
    ["vereinbart", "*verein*"],
    ["vereinte", "*verein*"],
    ["vereinigten", "*verein*"],
    ["vereinfachen", "*verein*"],
    ["eckpunkte", "*punkte*"],
    ["prozentpunkte", "*punkte*"],
    ["besiegelt", "*sieg*"],
    ["wahlsieg", "*sieg*"],
    ["trennen", "*rennen*"],
    ["informell", "*formel*"],
    ["brandenburg", "*brand*"],
    ["brandmauer", "*brand*"],
    ["senator", "*tor"],
    ["diktator", "*tor"],
    ["oligarchen", "*liga*"],
    ["taktiert", "*aktie*"],
    ["sekunden", "*kunden*"],
    ["feststellen", "*stellen"],
    ["verband", "*band"],
    ["stimmenzugewinne", "*gewinn*"],
    ["parteivorstand", "*vorstand*"],
    ["meinungsforscher", "*forscher*"],
    ["politikwissenschaftler", "*wissenschaftler*"],
    ["exzellent", "*zellen*"],
    ["raketenangriff", "*rakete*"],
    ["friedensprozess", "*prozess*"],
    ["fossilen", "*fossil*"],
  ])("%s is not counted against politics (was %s)", (word) => {
    expect(weightOf(word)).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ["bürgermeister", "*meister* cancelled *bürgermeister*"],
    ["kanzleramtschef", "*chef"],
    ["staatschef", "*chef"],
  ])("%s leans towards politics (%s)", (word) => {
    expect(weightOf(word)).toBeGreaterThan(0);
  });

  // And the other way: these belong to other desks and must not look like politics.
  it.each([
    ["auswahl", "*wahl"],
    ["konkurrenten", "*rente*"],
    ["referenten", "*rente*"],
    ["strampeln", "*ampel*"],
    ["mordkommission", "*kommission"],
  ])("%s does not lean towards politics (was %s)", (word) => {
    expect(weightOf(word)).toBeLessThanOrEqual(0);
  });

  it("still scores the words the patterns were written for", () => {
    for (const word of [
      "tiere",
      "urlaubsreise",
      "reisebüro",
      "gene",
      "app",
      "oper",
      "staatsoper",
      "opernhaus",
    ]) {
      expect(weightOf(word), word).toBeLessThan(0);
    }
    for (const word of ["siegtreffer", "fußballverein", "vereinsvorstand", "tor", "endspiel", "punkte"]) {
      expect(weightOf(word), word).toBeLessThan(0);
    }
  });
});

describe("tokenize", () => {
  it("keeps hyphenated compounds whole and also split", () => {
    expect(tokenize("Die EU-Kommission tagt.")).toEqual(["die", "eu-kommission", "eu", "kommission", "tagt"]);
  });
});
