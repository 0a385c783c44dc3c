import { describe, expect, it } from "vitest";
import { parseTickerHeader } from "./parse-ticker-header.js";

describe("parseTickerHeader", () => {
  it.each([
    [
      "Update vom 14. März, 13.10 Uhr: Scholz reist nach Kiew.",
      "Update vom 14. März, 13.10 Uhr",
      "14. März, 13.10 Uhr",
      true,
      "Scholz reist nach Kiew.",
    ],
    ["Update vom 14.03.2024, 9:05 Uhr", "Update vom 14.03.2024, 9:05 Uhr", "14.03.2024, 9:05 Uhr", true, ""],
    [
      "+++ Update vom 14. März, 13.10 Uhr +++",
      "Update vom 14. März, 13.10 Uhr",
      "14. März, 13.10 Uhr",
      true,
      "",
    ],
    [
      "Update vom Donnerstag, 14. März, 13.10 Uhr:",
      "Update vom Donnerstag, 14. März, 13.10 Uhr",
      "Donnerstag, 14. März, 13.10 Uhr",
      true,
      "",
    ],
    ["Update von 13.10 Uhr: Neue Zahlen.", "Update von 13.10 Uhr", "13.10 Uhr", false, "Neue Zahlen."],
    [
      "Update, 14. März 2024, 13:10 Uhr – Der Vertrag steht.",
      "Update, 14. März 2024, 13:10 Uhr",
      "14. März 2024, 13:10 Uhr",
      true,
      "Der Vertrag steht.",
    ],
    [
      "Update, vom 14. März, 13.10 Uhr: Text.",
      "Update, vom 14. März, 13.10 Uhr",
      "14. März, 13.10 Uhr",
      true,
      "Text.",
    ],
  ])("%s", (line, label, when, hasDay, rest) => {
    expect(parseTickerHeader(line)).toEqual({ label, when, hasDay, rest });
  });

  it("accepts a bare clock header only when allowed", () => {
    expect(parseTickerHeader("+++ 13.15 Uhr: Der Kandidat ist gewählt. +++")).toBeNull();
    expect(parseTickerHeader("+++ 13.15 Uhr: Der Kandidat ist gewählt. +++", { allowBare: true })).toEqual({
      label: "13.15 Uhr",
      when: "13.15 Uhr",
      hasDay: false,
      rest: "Der Kandidat ist gewählt.",
    });
  });

  it.each([["Die Update-Funktion wird um 13.10 Uhr freigeschaltet."], ["Updates gibt es hier."]])(
    "not a header: %s",
    (line) => {
      expect(parseTickerHeader(line, { allowBare: true })).toBeNull();
    },
  );
});
