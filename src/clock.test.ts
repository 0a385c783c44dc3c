import { describe, expect, it } from "vitest";
import { formatZoned, localDate, wallClock, zonedIso, zonedTime } from "./clock.js";

describe("localDate", () => {
  it.each([
    ["2026-11-25T23:30:00Z", "Europe/Berlin", "2026-11-26"],
    ["2026-11-25T22:59:59Z", "Europe/Berlin", "2026-11-25"],
    ["2027-06-30T22:00:00Z", "Europe/Berlin", "2027-07-01"],
    ["2026-11-26T03:00:00Z", "America/New_York", "2026-11-25"],
  ])("%s in %s is %s", (instant, zone, expected) => {
    expect(localDate(new Date(instant), zone)).toBe(expected);
  });
});

describe("zonedTime / formatZoned", () => {
  it.each([
    ["2026-11-26", "07:30", "2026-11-26T07:30:00+01:00"],
    ["2027-03-27", "07:30", "2027-03-27T07:30:00+01:00"],
    ["2027-03-28", "07:30", "2027-03-28T07:30:00+02:00"],
    // 02:30 does not exist on the spring-forward day: the next valid instant.
    ["2027-03-28", "02:30", "2027-03-28T03:30:00+02:00"],
    ["2027-10-30", "07:30", "2027-10-30T07:30:00+02:00"],
    ["2027-10-31", "07:30", "2027-10-31T07:30:00+01:00"],
  ])("%s %s Europe/Berlin is %s", (date, time, expected) => {
    expect(formatZoned(zonedTime(date, time, "Europe/Berlin"), "Europe/Berlin")).toBe(expected);
  });
});

describe("zonedIso", () => {
  it("uses the offset valid at that moment", () => {
    expect(zonedIso({ year: 2024, month: 1, day: 15, hour: 12, minute: 0, second: 0 }, "Europe/Berlin")).toBe(
      "2024-01-15T12:00:00+01:00",
    );
    expect(zonedIso({ year: 2024, month: 7, day: 15, hour: 12, minute: 0, second: 0 }, "Europe/Berlin")).toBe(
      "2024-07-15T12:00:00+02:00",
    );
    expect(
      zonedIso({ year: 2024, month: 7, day: 15, hour: 12, minute: 0, second: 0 }, "America/New_York"),
    ).toBe("2024-07-15T12:00:00-04:00");
  });
});

describe("wallClock", () => {
  it.each([
    [
      "2022-06-15T12:03:00Z",
      "Europe/Berlin",
      { year: 2022, month: 6, day: 15, hour: 14, minute: 3, second: 0 },
    ],
    [
      "2026-11-25T23:30:05Z",
      "Europe/Berlin",
      { year: 2026, month: 11, day: 26, hour: 0, minute: 30, second: 5 },
    ],
    [
      "2026-11-26T03:00:00Z",
      "America/New_York",
      { year: 2026, month: 11, day: 25, hour: 22, minute: 0, second: 0 },
    ],
  ])("%s in %s", (instant, zone, expected) => {
    expect(wallClock(new Date(instant), zone)).toEqual(expected);
  });
});
