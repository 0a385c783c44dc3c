import { describe, expect, it } from "vitest";
import { classifyUrl, isPlaceholderHost } from "./classify-url.js";

describe("classifyUrl", () => {
  it.each([
    ["https://www.morgenlage-zeitung.de/impressum", "ok"],
    ["https://www.example-zeitung.de/", "ok"],
    ["https://xn--mnchen-3ya.de/", "ok"],
    ["https://www.example.com/x", "placeholder"],
    ["https://newsletter.example.org/abmelden", "placeholder"],
    ["https://example.net", "placeholder"],
    ["https://zeitung.example/", "placeholder"],
    ["https://zeitung.invalid/", "placeholder"],
    ["https://zeitung.test/", "placeholder"],
    ["http://localhost:8080/", "placeholder"],
    ["https://127.0.0.1/", "placeholder"],
    ["/impressum", "relative"],
    ["impressum.html", "relative"],
    ["#", "relative"],
    ["", "relative"],
    ["javascript:alert(1)", "relative"],
    ["ftp://zeitung.de/datei", "relative"],
    ["https://zeitung.de/a b", "malformed"],
    ["https://www.morgenlage-zeitung..de/x", "malformed"],
    ["https://zeitung/x", "malformed"],
    ["https://-zeitung-.de/x", "malformed"],
    ["https:///pfad", "malformed"],
    ["http://www.morgenlage-zeitung.de/", "insecure"],
  ])("%s → %s", (url, kind) => {
    expect(classifyUrl(url).kind).toBe(kind);
  });

  it.each([
    ["mailto:politik@morgenlage-zeitung.de", "ok"],
    ["mailto:abmelden@morgenlage-zeitung.de?subject=unsubscribe%20abc", "ok"],
    ["mailto:leser@example.com", "placeholder"],
    ["mailto:keine-adresse", "malformed"],
  ])("%s → %s when mailto is allowed", (url, kind) => {
    expect(classifyUrl(url, { allowMailto: true }).kind).toBe(kind);
  });

  it("refuses mailto where only http(s) belongs (image sources)", () => {
    expect(classifyUrl("mailto:politik@morgenlage-zeitung.de").kind).toBe("relative");
  });
});

describe("isPlaceholderHost", () => {
  it.each([
    ["example.com", true],
    ["WWW.EXAMPLE.COM", true],
    ["localhost.", true],
    ["192.168.1.4", true],
    ["notexample.com", false],
    ["example.de", false],
    ["93.184.216.34", false],
  ])("%s → %s", (host, expected) => {
    expect(isPlaceholderHost(host)).toBe(expected);
  });
});
