import { describe, expect, it } from "vitest";
import { findFormat, INPUT_FORMATS, isSupportedFileName } from "./formats.js";
import { parseInputBytes } from "./parse-input-bytes.js";

describe("findFormat", () => {
  it.each([
    [{ name: "in/a.json" }, "json"],
    [{ name: "in/A.TXT" }, "text"],
    [{ name: "https://example.org/artikel.json?x=1" }, "json"],
    [{ mediaType: "application/json; charset=utf-8" }, "json"],
    [{ name: "in/article", text: ' [{"headline": "H"}]' }, "json"],
    [{ name: "in/article", text: "Titel\n\nText." }, "text"],
    [{ mediaType: "text/plain", text: '{"headline": "H"}' }, "json"],
  ])("%j → %s", (hints, name) => {
    expect(findFormat(hints)?.name).toBe(name);
  });

  it("returns null when no format is known for the hints", () => {
    expect(findFormat({ name: "a.pdf" })).toBeNull();
  });

  it("keeps the catch-all text format last", () => {
    expect(INPUT_FORMATS.at(-1)?.name).toBe("text");
  });
});

describe("isSupportedFileName", () => {
  it.each([
    ["a.txt", true],
    ["a.JSON", true],
    ["a.jpg", false],
    ["README", false],
    [".txt", false],
  ])("%s → %s", (name, supported) => {
    expect(isSupportedFileName(name)).toBe(supported);
  });
});

describe("parseInputBytes", () => {
  it("uses a charset the format declares in the bytes", () => {
    const declaring = {
      name: "declaring",
      extensions: ["decl"],
      mediaTypes: [],
      sniff: () => false,
      declaredCharset: () => "iso-8859-15",
      parse: (text: string) => INPUT_FORMATS.at(-1)?.parse(text, { source: null }) ?? [],
    };
    // 0xA4 is "€" in ISO-8859-15 but "¤" in Windows-1252.
    const bytes = new Uint8Array([...new TextEncoder().encode("Titel\n\nEs kostet 5 "), 0xa4, 0x2e]);
    const [article] = parseInputBytes(bytes, { source: "a.decl", formats: [declaring] });
    expect(article?.lead).toBe("Es kostet 5 €.");
    // The HTTP header's charset outranks the document's own declaration.
    const [fromHeader] = parseInputBytes(bytes, {
      source: "a.decl",
      formats: [declaring],
      charset: "windows-1252",
    });
    expect(fromHeader?.lead).toBe("Es kostet 5 ¤.");
  });
});
