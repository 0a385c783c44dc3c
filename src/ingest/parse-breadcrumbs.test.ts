import { describe, expect, it } from "vitest";
import { parseBreadcrumbs, sectionFromBreadcrumbs } from "./parse-breadcrumbs.js";
import { parseTitle } from "./parse-title.js";

describe("parseBreadcrumbs", () => {
  it.each([
    [["1. Startseite", "2. Politik", "Titel"], ["Startseite", "Politik"], 2],
    [["1. Startseite", "2. Politik", "3. Ausland", "Titel"], ["Startseite", "Politik", "Ausland"], 3],
    [["1. Startseite / 2. Politik", "Titel"], ["Startseite", "Politik"], 1],
    [["Startseite › Politik › Inland", "Titel"], ["Startseite", "Politik", "Inland"], 1],
    [["Home > Politik", "Titel"], ["Home", "Politik"], 1],
    [["1. Politik", "2. Ukraine/Russland", "Titel"], ["Politik", "Ukraine/Russland"], 2],
  ])("%j", (lines, items, lineCount) => {
    expect(parseBreadcrumbs(lines)).toEqual({ items, lineCount });
  });

  it.each([
    [["1. FC Köln entlässt Trainer", "Der Verein …"]],
    [["Bundestag beschließt Haushalt"]],
    [["Ukraine-Krieg › Politik"]],
    [[]],
  ])("no breadcrumbs: %j", (lines) => {
    expect(parseBreadcrumbs(lines)).toBeNull();
  });

  it.each([
    [["Startseite", "Politik", "Ausland"], "Politik"],
    [["Politik"], "Politik"],
    [["Startseite"], null],
  ])("section of %j is %s", (items, section) => {
    expect(sectionFromBreadcrumbs(items)).toBe(section);
  });
});

describe("parseTitle", () => {
  it.each([
    [
      "„Entwicklung militärischer Beziehung“: China will Putin den Rücken stärken",
      "Entwicklung militärischer Beziehung",
      "China will Putin den Rücken stärken",
    ],
    ["»Live-Ticker«: Koalition ringt um Einigung", "Live-Ticker", "Koalition ringt um Einigung"],
    ['"Neue Umfrage": Union baut Vorsprung aus', "Neue Umfrage", "Union baut Vorsprung aus"],
    [
      "Wahlrechtsreform: Karlsruhe verhandelt im Juli",
      null,
      "Wahlrechtsreform: Karlsruhe verhandelt im Juli",
    ],
    ["„Wir schaffen das“, sagt die Kanzlerin", null, "„Wir schaffen das“, sagt die Kanzlerin"],
    ["Bundestag beschließt Haushalt", null, "Bundestag beschließt Haushalt"],
  ])("%s", (line, kicker, headline) => {
    expect(parseTitle(line)).toEqual({ kicker, headline });
  });
});
