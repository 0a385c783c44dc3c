import { describe, expect, it } from "vitest";
import { derivePreheader, MAX_PREHEADER_CHARS, MIN_PREHEADER_CHARS } from "./derive-preheader.js";
import { deriveSubject, MAX_SUBJECT_CHARS } from "./derive-subject.js";
import { truncateAtWord } from "./truncate-at-word.js";

const story = (headline: string, kicker: string | null = null, teaser = "") => ({ headline, kicker, teaser });

describe("deriveSubject", () => {
  it.each([
    [
      "kicker and headline",
      story("China will Putin den Rücken stärken", "Entwicklung militärischer Beziehung"),
      "Entwicklung militärischer Beziehung: China will Putin den Rücken stärken",
    ],
    ["no kicker", story("Bundestag beschließt Rentenpaket"), "Bundestag beschließt Rentenpaket"],
    [
      "kicker with trailing colon",
      story("Einigung in der Nacht", "Haushalt:"),
      "Haushalt: Einigung in der Nacht",
    ],
    [
      "headline already starts with kicker",
      story("Haushalt: Einigung in der Nacht", "Haushalt"),
      "Haushalt: Einigung in der Nacht",
    ],
    [
      "whitespace and control characters",
      story("  Bundestag\n beschließt\u0007 Rentenpaket "),
      "Bundestag beschließt Rentenpaket",
    ],
    [
      "kicker dropped when both do not fit",
      story(
        "Bundesregierung und Länder einigen sich nach langem Streit auf ein gemeinsames Vorgehen",
        "Ministerpräsidentenkonferenz im Kanzleramt",
      ),
      "Bundesregierung und Länder einigen sich nach langem Streit auf ein gemeinsames Vorgehen",
    ],
  ])("%s", (_name, top, expected) => {
    expect(deriveSubject({ stories: [top] })).toBe(expected);
  });

  it("cuts an overlong headline at a word boundary within the limit", () => {
    const headline =
      "Die Bundesregierung hat sich nach wochenlangen Verhandlungen mit den Ländern und Kommunen auf einen neuen Verteilungsschlüssel für die Kosten der Unterbringung geeinigt";
    const subject = deriveSubject({ stories: [story(headline, "Flüchtlingsgipfel")] });
    expect(subject.length).toBeLessThanOrEqual(MAX_SUBJECT_CHARS);
    expect(subject.endsWith("…")).toBe(true);
    expect(headline.startsWith(subject.slice(0, -1))).toBe(true);
    expect(headline.charAt(subject.length - 1)).toBe(" ");
  });

  it("refuses an edition without stories", () => {
    expect(() => deriveSubject({ stories: [] })).toThrow(TypeError);
  });
});

describe("derivePreheader", () => {
  const teaser =
    "Nach einer Nachtsitzung im Kanzleramt steht der Kompromiss: Die Schuldenbremse wird gelockert. Die Opposition spricht von einem Verfassungsbruch auf Raten und kündigt eine Klage an.";

  it("starts with the top teaser and adds further headlines after „Außerdem:“", () => {
    const preheader = derivePreheader({
      stories: [story("Top", null, teaser), story("Länder fordern mehr Geld für Kitas"), story("Nato berät")],
    });
    expect(preheader).toBe(
      "Nach einer Nachtsitzung im Kanzleramt steht der Kompromiss: Die Schuldenbremse wird gelockert. Außerdem: Länder fordern mehr Geld für Kitas",
    );
  });

  it("keeps a short teaser whole and adds as many headlines as fit", () => {
    const preheader = derivePreheader({
      stories: [
        story("Top", null, "Das Rentenpaket ist beschlossen."),
        story("Kita-Geld"),
        story("Nato berät"),
        story("Wahlrecht"),
      ],
    });
    expect(preheader).toBe("Das Rentenpaket ist beschlossen. Außerdem: Kita-Geld · Nato berät · Wahlrecht");
  });

  it("does not cut at abbreviations or ordinals", () => {
    const preheader = derivePreheader({
      stories: [
        story(
          "Top",
          null,
          "Am Mittwoch (15. Juni) sagte Dr. Meier z. B. dazu, dass die Regierung den Entwurf noch einmal überarbeiten werde und die Länder beteiligt würden, wie es heißt.",
        ),
      ],
    });
    expect(preheader.length).toBeLessThanOrEqual(MAX_PREHEADER_CHARS);
    expect(preheader.startsWith("Am Mittwoch (15. Juni) sagte Dr. Meier z. B. dazu")).toBe(true);
    expect(preheader.endsWith("…")).toBe(true);
  });

  it("pads a preheader that would be too short", () => {
    const preheader = derivePreheader({ stories: [story("Top", null, "Kurz.")] });
    expect(preheader.length).toBeGreaterThanOrEqual(MIN_PREHEADER_CHARS);
    expect(preheader.startsWith("Kurz. ")).toBe(true);
  });

  it.each([
    ["empty teaser, no further stories", [story("Top", null, "")]],
    ["long teaser without spaces", [story("Top", null, "x".repeat(400))]],
    ["long further headline", [story("Top", null, teaser), story("y ".repeat(120))]],
    [
      "many further headlines",
      [story("Top", null, teaser), ...Array.from({ length: 20 }, (_, i) => story(`Meldung ${i}`))],
    ],
    ["emoji", [story("Top", null, `${"🇩🇪 Wahl ".repeat(30)}`)]],
  ])("stays within %s limits: %s", (_name, stories) => {
    const preheader = derivePreheader({ stories });
    expect(preheader.length).toBeGreaterThanOrEqual(MIN_PREHEADER_CHARS);
    expect(preheader.length).toBeLessThanOrEqual(MAX_PREHEADER_CHARS);
    expect(preheader).not.toMatch(/\uD83C$/);
  });
});

describe("truncateAtWord", () => {
  it.each([
    ["Der Bundestag berät den Haushalt", 20, "Der Bundestag berät…"],
    ["Der Bundestag berät den Haushalt", 40, "Der Bundestag berät den Haushalt"],
    ["Der Bundestag, der Bundesrat", 16, "Der Bundestag…"],
    ["Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz", 12, "Rindfleisch…"],
  ])("%j at %i → %j", (text, max, expected) => {
    expect(truncateAtWord(text, max)).toBe(expected);
  });
});
