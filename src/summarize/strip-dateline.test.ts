import { describe, expect, it } from "vitest";
import { stripDateline } from "./strip-dateline.js";

describe("stripDateline", () => {
  it.each([
    [
      "the known dateline",
      "Peking/Moskau – Angesichts des Krieges …",
      "Peking/Moskau",
      false,
      "Angesichts des Krieges …",
    ],
    ["an agency after the place", "Berlin (dpa) – Die Regierung tagt.", null, true, "Die Regierung tagt."],
    ["a two-word place", "Den Haag – Die Nato tagt.", null, true, "Die Nato tagt."],
    ["nothing without a dash", "Berlin ist die Hauptstadt.", null, true, "Berlin ist die Hauptstadt."],
    [
      "nothing in the middle of a text without generic",
      "Scholz – der Kanzler – schwieg.",
      null,
      false,
      "Scholz – der Kanzler – schwieg.",
    ],
    ["never leaves the dateline alone", "Berlin –", "Berlin", true, "Berlin –"],
  ])("%s", (_name, sentence, dateline, generic, expected) => {
    expect(stripDateline(sentence, dateline, generic)).toBe(expected);
  });
});
