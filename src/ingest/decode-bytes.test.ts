import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeBytes, decodeBytesDetailed, isBinaryBytes } from "./decode-bytes.js";

const GERMAN = "Für „Souveränität“ – 5 € Maß, Élysée";
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (bom: number[], bytes: Uint8Array): Uint8Array => new Uint8Array([...bom, ...bytes]);

describe("decodeBytes", () => {
  it.each([
    ["UTF-8", utf8(GERMAN), "utf-8", "detected"],
    ["UTF-8 with BOM", withBom([0xef, 0xbb, 0xbf], utf8(GERMAN)), "utf-8", "bom"],
    ["UTF-16 LE with BOM", withBom([0xff, 0xfe], iconv.encode(GERMAN, "utf-16le")), "utf-16le", "bom"],
    ["UTF-16 BE with BOM", withBom([0xfe, 0xff], iconv.encode(GERMAN, "utf-16be")), "utf-16be", "bom"],
    ["UTF-16 LE without BOM", iconv.encode(GERMAN, "utf-16le"), "utf-16le", "detected"],
    ["UTF-16 BE without BOM", iconv.encode(GERMAN, "utf-16be"), "utf-16be", "detected"],
    ["Windows-1252 (invalid UTF-8)", iconv.encode(GERMAN, "windows-1252"), "windows-1252", "detected"],
  ] as const)("%s", (_name, bytes, encoding, decidedBy) => {
    expect(decodeBytesDetailed(bytes)).toEqual({ text: GERMAN, encoding, decidedBy });
  });

  it("decodes ISO-8859-1 umlauts (detected as Windows-1252, its superset)", () => {
    expect(decodeBytes(iconv.encode("Jörg Maßmann aus München", "latin1"))).toBe("Jörg Maßmann aus München");
  });

  it.each([
    ["iso-8859-1", "windows-1252"],
    ["ISO-8859-1", "windows-1252"],
    ['"latin1"', "windows-1252"],
    ["windows-1252", "windows-1252"],
    ["iso-8859-15", "iso-8859-15"],
  ])("trusts a declared charset %s", (declared, encoding) => {
    const bytes = iconv.encode("Preis: 5 € für Bürger", encoding);
    expect(decodeBytesDetailed(bytes, declared)).toMatchObject({
      text: "Preis: 5 € für Bürger",
      encoding,
      decidedBy: "declared",
    });
  });

  it("lets a BOM win over a wrong declaration", () => {
    expect(decodeBytesDetailed(withBom([0xef, 0xbb, 0xbf], utf8(GERMAN)), "iso-8859-1")).toMatchObject({
      text: GERMAN,
      decidedBy: "bom",
    });
  });

  it("falls back to detection when bytes declared as UTF-8 are not UTF-8", () => {
    expect(decodeBytesDetailed(iconv.encode(GERMAN, "windows-1252"), "utf-8")).toMatchObject({
      text: GERMAN,
      encoding: "windows-1252",
      decidedBy: "detected",
    });
  });

  it("ignores an unknown charset label", () => {
    expect(decodeBytesDetailed(utf8(GERMAN), "x-klingon")).toMatchObject({
      text: GERMAN,
      decidedBy: "detected",
    });
  });
});

describe("isBinaryBytes", () => {
  it.each([
    ["PNG header", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
    [
      "mostly control bytes",
      new Uint8Array(Array.from({ length: 100 }, (_, index) => (index % 3 === 0 ? 0x41 : 0x01))),
    ],
    ["a NUL in the middle of text", utf8("Berlin\u0000Moskau")],
  ])("%s is binary", (_name, bytes) => {
    expect(isBinaryBytes(bytes)).toBe(true);
  });

  it.each([
    ["UTF-8 German text", utf8(`${GERMAN}\n\tmit Tab\r\n`)],
    ["UTF-16 LE with BOM", withBom([0xff, 0xfe], iconv.encode(GERMAN, "utf-16le"))],
    ["UTF-16 BE without BOM", iconv.encode(GERMAN, "utf-16be")],
    ["Windows-1252", iconv.encode(GERMAN, "windows-1252")],
    ["empty", new Uint8Array()],
  ])("%s is text", (_name, bytes) => {
    expect(isBinaryBytes(bytes)).toBe(false);
  });
});

describe("charsetFromContentType", () => {
  it.each([
    ["text/html; charset=ISO-8859-1", "iso-8859-1"],
    ['application/rss+xml; charset="utf-8"', "utf-8"],
    ["text/plain", null],
    [null, null],
  ])("%s → %s", (header, charset) => {
    expect(charsetFromContentType(header)).toBe(charset);
  });
});
