import { describe, expect, it } from "vitest";
import { formatZoned } from "../clock.js";
import { isDigestError } from "../errors.js";
import { createFireSchedule, resolveCronPattern } from "./fire-schedule.js";

const BERLIN = "Europe/Berlin";

function upcoming(at: string, days: string, from: string, count = 3): string[] {
  return createFireSchedule({ at, days, timeZone: BERLIN })
    .upcoming(count, new Date(from))
    .map((d) => formatZoned(d, BERLIN));
}

describe("createFireSchedule", () => {
  it("fires at 07:30 local on both sides of the spring-forward change (2027-03-28)", () => {
    expect(upcoming("07:30", "daily", "2027-03-26T12:00:00+01:00", 4)).toEqual([
      "2027-03-27T07:30:00+01:00",
      "2027-03-28T07:30:00+02:00",
      "2027-03-29T07:30:00+02:00",
      "2027-03-30T07:30:00+02:00",
    ]);
  });

  it("fires at 07:30 local on both sides of the fall-back change (2027-10-31)", () => {
    expect(upcoming("07:30", "daily", "2027-10-29T12:00:00+02:00", 4)).toEqual([
      "2027-10-30T07:30:00+02:00",
      "2027-10-31T07:30:00+01:00",
      "2027-11-01T07:30:00+01:00",
      "2027-11-02T07:30:00+01:00",
    ]);
  });

  it("fires a 02:30 schedule at 03:00 on the spring-forward day, when 02:30 does not exist", () => {
    expect(upcoming("02:30", "daily", "2027-03-27T12:00:00+01:00")).toEqual([
      "2027-03-28T03:00:00+02:00",
      "2027-03-29T02:30:00+02:00",
      "2027-03-30T02:30:00+02:00",
    ]);
  });

  it("fires a 02:30 schedule once on the fall-back day, when 02:30 occurs twice", () => {
    expect(upcoming("02:30", "daily", "2027-10-30T12:00:00+02:00")).toEqual([
      "2027-10-31T02:30:00+02:00",
      "2027-11-01T02:30:00+01:00",
      "2027-11-02T02:30:00+01:00",
    ]);
  });

  it("skips the weekend with mon-fri (2027-03-27 is a Saturday)", () => {
    expect(upcoming("07:30", "mon-fri", "2027-03-26T12:00:00+01:00", 2)).toEqual([
      "2027-03-29T07:30:00+02:00",
      "2027-03-30T07:30:00+02:00",
    ]);
  });

  it("takes a full cron pattern with seconds as it is", () => {
    expect(upcoming("07:30", "*/20 * * * * *", "2027-03-28T07:30:00+02:00")).toEqual([
      "2027-03-28T07:30:20+02:00",
      "2027-03-28T07:30:40+02:00",
      "2027-03-28T07:31:00+02:00",
    ]);
  });

  it("counts a fire exactly at the reference as the previous one", () => {
    const schedule = createFireSchedule({ at: "07:30", days: "daily", timeZone: BERLIN });
    const at = new Date("2027-03-28T07:30:00+02:00");
    expect(schedule.previous(at)?.toISOString()).toBe(at.toISOString());
    expect(formatZoned(schedule.previous(new Date(at.getTime() - 1)) as Date, BERLIN)).toBe(
      "2027-03-27T07:30:00+01:00",
    );
  });

  it("reports a bad --days value as a usage error naming the flag and the config key", () => {
    let thrown: unknown;
    try {
      createFireSchedule({ at: "07:30", days: "someday", timeZone: BERLIN });
    } catch (error) {
      thrown = error;
    }
    expect(isDigestError(thrown, "E_USAGE")).toBe(true);
    expect((thrown as Error).message).toContain('--days (config schedule.days) "someday"');
  });
});

describe("resolveCronPattern", () => {
  it.each([
    ["07:30", "daily", "0 30 7 * * *"],
    ["07:30", "mon-fri", "0 30 7 * * 1-5"],
    ["06:05", "sat,sun", "0 5 6 * * sat,sun"],
    ["07:30", "30 7 * * 1-5", "0 30 7 * * 1-5"],
    ["07:30", "*/5 * * * * *", "*/5 * * * * *"],
  ])("at %s, days %s → %s", (at, days, pattern) => {
    expect(resolveCronPattern(at, days)).toBe(pattern);
  });

  it.each([["7:30"], ["24:00"], ["07:60"]])("refuses --at %s", (at) => {
    expect(() => resolveCronPattern(at, "daily")).toThrow(/expected HH:MM/);
  });
});
