import { describe, expect, it } from "vitest";
import { hardWrap } from "./hard-wrap.js";

describe("hardWrap", () => {
  it("keeps the headline on its own line and wraps each paragraph at the width", () => {
    const text = "Titel der Woche\n\nEins zwei drei vier fünf sechs.\n\nSieben acht neun.";
    expect(hardWrap(text, 14)).toBe("Titel der Woche\nEins zwei drei\nvier fünf\nsechs.\nSieben acht\nneun.");
  });

  it("never breaks a word longer than the width", () => {
    expect(hardWrap("Kopf\n\nDonaudampfschifffahrt fährt", 10)).toBe("Kopf\nDonaudampfschifffahrt\nfährt");
  });
});
