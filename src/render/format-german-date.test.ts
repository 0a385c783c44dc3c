import { describe, expect, it } from "vitest";
import { isDigestError } from "../errors.js";
import { formatGermanDate } from "./format-german-date.js";

describe("formatGermanDate", () => {
  it.each([
    ["2026-11-26", "Donnerstag, 26. November 2026"],
    ["2026-01-01", "Donnerstag, 1. Januar 2026"],
    ["2026-12-31", "Donnerstag, 31. Dezember 2026"],
    ["2022-06-15", "Mittwoch, 15. Juni 2022"],
    ["2026-05-03", "Sonntag, 3. Mai 2026"],
    ["2026-03-07", "Samstag, 7. März 2026"],
    // leap days
    ["2024-02-29", "Donnerstag, 29. Februar 2024"],
    ["2000-02-29", "Dienstag, 29. Februar 2000"],
    ["2028-02-29", "Dienstag, 29. Februar 2028"],
    // DST changes in Europe/Berlin: the date-only value must not shift to a neighbouring day
    ["2026-03-29", "Sonntag, 29. März 2026"],
    ["2026-10-25", "Sonntag, 25. Oktober 2026"],
    ["2025-03-30", "Sonntag, 30. März 2025"],
    ["2025-10-26", "Sonntag, 26. Oktober 2025"],
    ["1999-12-31", "Freitag, 31. Dezember 1999"],
    ["0099-01-01", "Donnerstag, 1. Januar 99"],
  ])("%s → %s", (date, expected) => {
    expect(formatGermanDate(date)).toBe(expected);
  });

  it.each([
    "2026-02-29",
    "2100-02-29",
    "2026-13-01",
    "2026-04-31",
    "2026-00-10",
    "26.11.2026",
    "2026-11-26T07:30",
    "",
  ])("refuses %j with E_INPUT", (date) => {
    let caught: unknown;
    try {
      formatGermanDate(date);
    } catch (error) {
      caught = error;
    }
    expect(isDigestError(caught, "E_INPUT")).toBe(true);
    expect((caught as Error).message).toContain("YYYY-MM-DD");
  });

  it("agrees with Intl for every day of 2026", () => {
    const intl = new Intl.DateTimeFormat("de-DE", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    for (let day = 0; day < 365; day++) {
      const value = new Date(Date.UTC(2026, 0, 1 + day));
      const iso = value.toISOString().slice(0, 10);
      expect(formatGermanDate(iso)).toBe(intl.format(value));
    }
  });
});
