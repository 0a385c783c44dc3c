import { describe, expect, it } from "vitest";
import { normalizeInline, normalizeText } from "./normalize-text.js";

describe("normalizeText", () => {
  it.each([
    ["BOM at the start", "\uFEFFHallo", "Hallo"],
    ["CRLF line ends", "a\r\nb\r\n", "a\nb"],
    ["lone CR line ends", "a\rb", "a\nb"],
    ["NBSP becomes a space", "©\u00A0Alexei Druzhinin/dpa", "© Alexei Druzhinin/dpa"],
    ["narrow NBSP becomes a space", "15.\u202FJuni", "15. Juni"],
    ["tabs become spaces", "a\t\tb", "a b"],
    ["C0 controls removed", "Ber\u0000lin\u0007", "Berlin"],
    ["C1 controls removed", "Ber\u0080lin\u009F", "Berlin"],
    ["NEL becomes a line break", "a\u0085b", "a\nb"],
    ["soft hyphen removed", "Bundes\u00ADtag", "Bundestag"],
    ["zero-width space removed", "Bundes\u200Btag", "Bundestag"],
    ["decomposed umlaut composed (NFC)", "Ru\u0308cken", "R\u00FCcken"],
    ["space runs collapsed", "a   b", "a b"],
    ["lines trimmed", "  a  \n  b  ", "a\nb"],
    ["blank line runs collapsed", "a\n\n\n\n\nb", "a\n\nb"],
    ["whitespace-only lines count as blank", "a\n \u00A0 \n\t\n\nb", "a\n\nb"],
    // Issue 12, item 3: bidi controls reached Subject, HTML and text.
    ["right-to-left override removed", "Rechnung\u202Efdp.exe", "Rechnungfdp.exe"],
    ["bidi embeddings and overrides removed", "\u202Aa\u202Bb\u202Cc\u202Dd", "abcd"],
    ["bidi isolates removed", "\u2066a\u2067b\u2068c\u2069", "abc"],
    ["LRM, RLM and the Arabic letter mark removed", "a\u200Eb\u200Fc\u061Cd", "abcd"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("keeps German typography intact", () => {
    const text = "„Souveränität und Sicherheit“ – Peking/Moskau, Maßnahmen (15. Juni) €";
    expect(normalizeText(text)).toBe(text);
  });
});

describe("normalizeInline", () => {
  it.each([
    ["joins lines with a space", "China will\nPutin", "China will Putin"],
    ["joins paragraphs with a space", "a\n\nb", "a b"],
    ["trims and collapses", "  a \u00A0 b  ", "a b"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeInline(input)).toBe(expected);
  });
});
