import { describe, expect, it } from "vitest";
import { formatZoned, localDate, zonedTime } from "./clock.js";

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
