import { describe, expect, it } from "vitest";
import { parseConfig } from "./load-config.js";

describe("deriveWebLinks (through parseConfig)", () => {
  it("points unsubscribe and web view at links.base unless they are configured", () => {
    const config = parseConfig({
      section: "Außenpolitik",
      links: { base: "https://newsletter.zeitung.de/" },
    });
    expect(config.links.unsubscribe).toBe("https://newsletter.zeitung.de/abmelden");
    expect(config.links.webView).toBe("https://newsletter.zeitung.de/newsletter/au%C3%9Fenpolitik/{date}");
    const own = parseConfig({
      links: { base: "http://127.0.0.1:8080", unsubscribe: "https://zeitung.de/ab", webView: null },
    });
    expect(own.links.unsubscribe).toBe("https://zeitung.de/ab");
    expect(own.links.webView).toBe("http://127.0.0.1:8080/newsletter/politik/{date}");
  });

  it("leaves the links alone without links.base and refuses a base that is not http(s)", () => {
    expect(parseConfig({}).links).toMatchObject({ base: null, unsubscribe: null, webView: null });
    expect(() => parseConfig({ links: { base: "ftp://zeitung.de" } })).toThrow(/links\.base/);
  });
});
