import { describe, expect, it } from "vitest";
import { createLedger } from "./create-ledger.js";
import { ALL_LISTS, cleanNote } from "./suppression-store.js";

const AT = "2026-11-26T06:30:00.000Z";

function openStore() {
  const ledger = createLedger({ stateDir: ".", file: ":memory:" });
  return ledger.suppressions;
}

describe("ledger.suppressions (SQLite)", () => {
  it("suppresses per list and for every list, case-insensitively", () => {
    const store = openStore();
    expect(store.add({ address: "Anna@Example.DE", list: "subscribers", how: "one-click", at: AT })).toBe(
      true,
    );
    expect(store.add({ address: "bert@example.de", list: ALL_LISTS, how: "manual", at: AT })).toBe(true);
    expect(store.isSuppressed("anna@example.de", "subscribers")).toBe(true);
    expect(store.isSuppressed("ANNA@example.de", "subscribers")).toBe(true);
    expect(store.isSuppressed("anna@example.de", "wahl")).toBe(false);
    expect(store.isSuppressed("bert@example.de", "wahl")).toBe(true);
    expect([...store.loadAddressSet("subscribers")].sort()).toEqual(["anna@example.de", "bert@example.de"]);
    expect([...store.loadAddressSet("wahl")]).toEqual(["bert@example.de"]);
  });

  it("is idempotent: a second unsubscribe keeps the first entry", () => {
    const store = openStore();
    expect(store.add({ address: "anna@example.de", list: "s", how: "one-click", at: AT })).toBe(true);
    expect(
      store.add({ address: "anna@example.de", list: "s", how: "page", at: "2026-11-27T00:00:00.000Z" }),
    ).toBe(false);
    expect(store.list()).toEqual([
      { address: "anna@example.de", list: "s", how: "one-click", at: AT, source: null, note: null },
    ]);
  });

  it("removes from one list, from all lists, or only entries made a given way", () => {
    const store = openStore();
    store.addMany([
      { address: "anna@example.de", list: "s", how: "page", at: AT },
      { address: "anna@example.de", list: "t", how: "manual", at: AT },
      { address: "anna@example.de", list: ALL_LISTS, how: "bounce", at: AT },
    ]);
    expect(store.remove("anna@example.de", "t", ["one-click", "page"])).toBe(0);
    expect(store.remove("anna@example.de", "s", ["one-click", "page"])).toBe(1);
    expect(store.remove("anna@example.de", "t")).toBe(1);
    expect(store.count()).toMatchObject({ bounce: 1, total: 1 });
    expect(store.remove("Anna@example.de")).toBe(1);
    expect(store.count().total).toBe(0);
  });

  it("suppresses a hard-bouncing address for every list once the threshold is reached", () => {
    const store = openStore();
    const bounce = (source: string) =>
      store.recordHardBounce({
        address: "weg@example.de",
        response: "550 5.1.1 user unknown",
        at: AT,
        source,
        threshold: 2,
      });
    expect(bounce("2026-11-26/politik/s")).toBe(false);
    expect(store.isSuppressed("weg@example.de", "s")).toBe(false);
    expect(bounce("2026-11-27/politik/s")).toBe(true);
    expect(store.get("weg@example.de", ALL_LISTS)).toMatchObject({
      how: "bounce",
      source: "2026-11-27/politik/s",
      note: "550 5.1.1 user unknown",
    });
    expect(store.countBouncedIn("2026-11-27/politik/s")).toBe(1);
    expect(store.countBouncedIn("2026-11-26/politik/s")).toBe(0);
  });

  it("keeps notes on one line without control or bidi characters", () => {
    expect(cleanNote("550 5.1.1\r\n\u001b[31mrot\u202e")).toBe("550 5.1.1 [31mrot");
    expect(cleanNote("  ")).toBeNull();
  });
});
