import { describe, expect, it } from "vitest";
import { parseGermanDate, parseGermanTimeOnDay } from "./parse-german-date.js";

describe("parseGermanDate", () => {
  it.each([
    ["15.06.2022, 14:03 Uhr", "2022-06-15T14:03:00+02:00"],
    ["14.03.2024, 13:10 Uhr", "2024-03-14T13:10:00+01:00"],
    ["15.06.2022 um 14:03 Uhr", "2022-06-15T14:03:00+02:00"],
    ["15.06.2022", "2022-06-15T00:00:00+02:00"],
    ["15.6.22 9:05", "2022-06-15T09:05:00+02:00"],
    ["Mittwoch, 15. Juni 2022 um 14.03 Uhr", "2022-06-15T14:03:00+02:00"],
    ["15. Sept. 2023", "2023-09-15T00:00:00+02:00"],
    ["1. März 2024 | 07:30 Uhr", "2024-03-01T07:30:00+01:00"],
    ["2024-03-14T13:10:00+01:00", "2024-03-14T13:10:00+01:00"],
    ["2024-03-14T12:10:00Z", "2024-03-14T12:10:00+00:00"],
    ["2024-03-14 13:10", "2024-03-14T13:10:00+01:00"],
    ["27.10.2024, 03:30 Uhr", "2024-10-27T03:30:00+01:00"],
    ["31.03.2024, 03:30 Uhr", "2024-03-31T03:30:00+02:00"],
  ])("%s → %s", (text, iso) => {
    expect(parseGermanDate(text)).toBe(iso);
  });

  it.each([[""], ["gestern"], ["31.02.2024"], ["15.13.2024"], ["13.10 Uhr"], ["15.06.2022, 25:00 Uhr"]])(
    "%s → null",
    (text) => {
      expect(parseGermanDate(text)).toBeNull();
    },
  );

  it.each([
    ["14. März, 13.10 Uhr", "2024-03-15T08:00:00Z", "2024-03-14T13:10:00+01:00"],
    ["28. Dezember, 9.05 Uhr", "2025-01-02T08:00:00Z", "2024-12-28T09:05:00+01:00"],
    ["2. Januar, 8.00 Uhr", "2024-12-30T08:00:00Z", "2025-01-02T08:00:00+01:00"],
  ])("%s with reference %s → %s (the closest year)", (text, reference, iso) => {
    expect(parseGermanDate(text, { referenceDate: new Date(reference) })).toBe(iso);
  });

  it("cannot date a day without a year and without a reference", () => {
    expect(parseGermanDate("14. März, 13.10 Uhr")).toBeNull();
  });
});

describe("parseGermanTimeOnDay", () => {
  it("puts a clock time on the Berlin calendar day of the base", () => {
    // 23:30 UTC on 13 March is already 14 March in Berlin.
    expect(parseGermanTimeOnDay("9.45 Uhr", "2024-03-13T23:30:00Z")).toBe("2024-03-14T09:45:00+01:00");
  });

  it("returns null for text that is not a clock time", () => {
    expect(parseGermanTimeOnDay("gegen Mittag", "2024-03-14T09:00:00+01:00")).toBeNull();
  });
});
