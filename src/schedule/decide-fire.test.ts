import { describe, expect, it } from "vitest";
import type { EditionState } from "../deliver/index.js";
import { decideFire, editionDeadline } from "./decide-fire.js";

const BERLIN = "Europe/Berlin";
const FIRE = new Date("2027-03-28T07:30:00+02:00");

function decide(now: string, state: EditionState | null = null, latest = "09:30", fireTime = FIRE) {
  return decideFire({ fireTime, now: new Date(now), timeZone: BERLIN, latest, state });
}

describe("decideFire", () => {
  it("waits when woken before the fire time", () => {
    expect(decide("2027-03-28T07:29:59+02:00")).toEqual({ action: "wait", until: FIRE });
  });

  it("sends at the fire time with the deadline at --latest on the same day", () => {
    expect(decide("2027-03-28T07:30:00+02:00")).toEqual({
      action: "send",
      date: "2027-03-28",
      deadline: new Date("2027-03-28T09:30:00+02:00"),
    });
  });

  it("sends at once on a late start before --latest", () => {
    expect(decide("2027-03-28T09:29:59+02:00").action).toBe("send");
  });

  it("skips a late start at or after --latest and says why", () => {
    const decision = decide("2027-03-28T09:30:00+02:00");
    expect(decision).toEqual({
      action: "skip-late",
      date: "2027-03-28",
      reason:
        "it is 2027-03-28T09:30:00+02:00, at or after the latest send time 2027-03-28T09:30:00+02:00 (--latest 09:30)",
    });
  });

  it("resumes an unfinished edition before --latest and skips it after", () => {
    expect(decide("2027-03-28T08:00:00+02:00", "sending").action).toBe("resume");
    const late = decide("2027-03-28T10:00:00+02:00", "sending");
    expect(late.action).toBe("skip-late");
    expect(late.action === "skip-late" && late.reason).toMatch(/its send was started and not finished$/);
  });

  it.each([["complete"], ["no-edition"], ["skipped"]] as const)("does nothing for a %s edition", (state) => {
    expect(decide("2027-03-28T07:31:00+02:00", state)).toEqual({
      action: "skip-done",
      date: "2027-03-28",
      state,
    });
  });

  it("never sends yesterday's edition today, even with a late --latest", () => {
    const decision = decide("2027-03-29T00:10:00+02:00", null, "23:59");
    expect(decision.action).toBe("skip-late");
    expect(decision.action === "skip-late" && decision.reason).toContain("never sent a day late");
  });

  it("gives a fire after --latest (a cron pattern later in the day) until local midnight", () => {
    const fire = new Date("2027-10-31T14:00:00+01:00");
    expect(decide("2027-10-31T23:59:59+01:00", null, "09:30", fire).action).toBe("send");
    expect(decide("2027-11-01T00:00:00+01:00", null, "09:30", fire).action).toBe("skip-late");
  });
});

describe("editionDeadline", () => {
  it.each([
    ["2027-03-28T07:30:00+02:00", "09:30", "2027-03-28T07:30:00.000Z"],
    ["2027-10-31T07:30:00+01:00", "09:30", "2027-10-31T08:30:00.000Z"],
    // 02:45 does not exist on the spring-forward day; it reads as 02:45 winter time = 03:45 summer time.
    ["2027-03-28T03:00:00+02:00", "02:45", "2027-03-28T01:45:00.000Z"],
    ["2027-10-31T14:00:00+01:00", "09:30", "2027-10-31T23:00:00.000Z"],
  ])("fire %s, latest %s → %s", (fire, latest, deadline) => {
    expect(editionDeadline(new Date(fire), latest, BERLIN).toISOString()).toBe(deadline);
  });
});
