import { describe, expect, it } from "vitest";
import { parseCaptionLine } from "./parse-caption.js";

describe("parseCaptionLine", () => {
  it.each([
    [
      "Xi und Putin prosten sich zu. (Archivfoto) © Alexei Druzhinin/dpa",
      "Xi und Putin prosten sich zu. (Archivfoto)",
      "Alexei Druzhinin/dpa",
    ],
    ["Friedrich Merz in Berlin. © AFP", "Friedrich Merz in Berlin.", "AFP"],
    [
      "Scholz und Macron im Élysée-Palast. © IMAGO/Political-Moments",
      "Scholz und Macron im Élysée-Palast.",
      "IMAGO/Political-Moments",
    ],
    ["Olaf Scholz im Bundestag. Foto: Kay Nietfeld/dpa", "Olaf Scholz im Bundestag.", "Kay Nietfeld/dpa"],
    ["© picture alliance/dpa | Michael Kappeler", null, "picture alliance/dpa | Michael Kappeler"],
    ["Xi und Putin prosten sich zu. (Archivfoto)", "Xi und Putin prosten sich zu. (Archivfoto)", null],
    ["Ein Wahlplakat. (Symbolbild)", "Ein Wahlplakat. (Symbolbild)", null],
  ])("%s", (line, caption, credit) => {
    expect(parseCaptionLine(line)).toEqual({ caption, credit });
  });

  it.each([
    ["Das Foto: ein Beweis, sagte er."],
    ["Der Bundestag hat am Freitag entschieden."],
    [`${"Ein sehr langer Absatz. ".repeat(25)}© dpa`],
  ])("not a caption: %s", (line) => {
    expect(parseCaptionLine(line)).toBeNull();
  });
});
