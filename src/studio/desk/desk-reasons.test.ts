import { describe, expect, it } from "vitest";
import { explainRank, labelField, labelValue } from "./desk-reasons.js";

const SIGNALS = {
  fullText: true,
  coverage: 2,
  sectionSource: "breadcrumb",
  time: "2026-11-26T04:40:00.000Z",
  bodyChars: 2929,
};

describe("explainRank", () => {
  it.each([
    ["ranked first", "Platz 1 der Maschine"],
    ["below #1: older", "unter #1: älter"],
    ["below #2: fewer inputs carried it (1 vs 3)", "unter #2: in weniger Quellen (1 gegen 3)"],
    ["below #3: something new", "unter #3: something new"],
  ])("%s → %s", (reason, german) => {
    expect(explainRank({ reasons: [reason], signals: SIGNALS })[0]).toBe(german);
  });

  it("explains the signals in German", () => {
    expect(explainRank({ reasons: ["ranked first"], signals: SIGNALS }).slice(1)).toEqual([
      "Volltext",
      "in 2 Quellen",
      "Ressort aus der Navigation",
      "Stand 26.11.2026 04:40 UTC",
      "2.929 Zeichen Text",
    ]);
  });
});

describe("labelField and labelValue", () => {
  it.each([
    ["subject", "Betreff"],
    ["stories[a1].keyPoints[1]", "Kernpunkt 2 · Koalition"],
    ["stories[a1].teaser", "Teaser · Koalition"],
    ["stories[zz].teaser", "Teaser"],
    ["unknown", "unknown"],
  ])("%s → %s", (field, label) => {
    expect(labelField(field, (id) => (id === "a1" ? "Koalition" : null))).toBe(label);
  });

  it("translates states and keeps a hold's reason", () => {
    expect(labelValue("state", "held: Faktencheck: läuft")).toBe("zurückgehalten: Faktencheck: läuft");
    expect(labelValue("state", "approved")).toBe("freigegeben");
    expect(labelValue("subject", "approved")).toBe("approved");
  });
});
