import { describe, expect, it } from "vitest";
import { keepClockTimeTogether, splitAddressForWrapping } from "./build-template-view.js";

describe("splitAddressForWrapping", () => {
  it.each([
    ["politik-newsletter@morgenlage-zeitung.de", ["politik-newsletter@", "morgenlage-zeitung", ".de"]],
    ["leserbriefe@zeitung.example.co.uk", ["leserbriefe@", "zeitung", ".example", ".co", ".uk"]],
    ["a.b@c.de", ["a.b@", "c", ".de"]],
    ['"x@y"@beispiel.de', ['"x@y"@', "beispiel", ".de"]],
  ])("%s", (address, parts) => {
    expect(splitAddressForWrapping(address)).toEqual(parts);
    expect(splitAddressForWrapping(address).join("")).toBe(address);
  });
});

describe("keepClockTimeTogether", () => {
  it.each([
    ["um 7:30 Uhr verschickt", "html", "um 7:30\u00a0Uhr verschickt"],
    ["ab 18.00 Uhr und um 7:30 Uhr", "html", "ab 18.00\u00a0Uhr und um 7:30\u00a0Uhr"],
    ["um 7:30 Uhrzeit", "html", "um 7:30 Uhrzeit"],
    ["um 7:30 Uhr verschickt", "text", "um 7:30 Uhr verschickt"],
  ] as const)("%s (%s)", (text, flavour, expected) => {
    expect(keepClockTimeTogether(text, flavour)).toBe(expected);
  });
});
