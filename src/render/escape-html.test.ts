import { describe, expect, it } from "vitest";
import { escapeHtml, toCleanLine, toSafeHttpUrl } from "./escape-html.js";
import { neutraliseToken, splitSlots } from "./split-slots.js";

describe("escapeHtml", () => {
  it.each([
    ["Guten Morgen", "Guten Morgen"],
    ['<b>Ann</b> & "Bob"', "&lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Bob&quot;"],
    ["{{constructor}} {{{x}}}", "&#123;&#123;constructor&#125;&#125; &#123;&#123;&#123;x&#125;&#125;&#125;"],
    ["it's `x`", "it&#39;s &#96;x&#96;"],
    ["</mjml><mj-raw>", "&lt;/mjml&gt;&lt;mj-raw&gt;"],
    ["„Zitat“ – Straße", "„Zitat“ – Straße"],
  ])("%j → %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe("toCleanLine", () => {
  it.each([
    ["  Berlin\u0007 –\n  Der  Bundestag ", "Berlin – Der Bundestag"],
    ["a\u0085b\u009fc\u007fd", "abcd"],
    ["Zeile\r\nZwei\tDrei", "Zeile Zwei Drei"],
    ["\u00a0geschützt\u00a0", "geschützt"],
  ])("%j → %j", (input, expected) => {
    expect(toCleanLine(input)).toBe(expected);
  });
});

describe("toSafeHttpUrl", () => {
  it.each([
    ["https://example.de/a", "https://example.de/a"],
    ["http://example.de", "http://example.de/"],
    [" https://example.de/a b ", "https://example.de/a%20b"],
    ["javascript:alert(1)", null],
    ["JAVASCRIPT:alert(1)", null],
    ["data:text/html,<script>", null],
    ["/politik/a.html", null],
    ["https://user:pw@example.de/", null],
    ["", null],
    [null, null],
  ])("%j → %j", (input, expected) => {
    expect(toSafeHttpUrl(input)).toBe(expected);
  });
});

describe("splitSlots", () => {
  const token = "sl00ff00ff00ff00ff00ff00ff";

  it("cuts at every marker and keeps the order", () => {
    expect(splitSlots(`<a href="${token}w">x</a> ${token}g!${token}u`, token, "test")).toEqual({
      chunks: ['<a href="', '">x</a> ', "!", ""],
      slots: ["webViewUrl", "greeting", "unsubscribeUrl"],
    });
  });

  it("returns one chunk when there is no slot", () => {
    expect(splitSlots("nichts", token, "test")).toEqual({ chunks: ["nichts"], slots: [] });
  });

  it("refuses a mangled marker", () => {
    expect(() => splitSlots(`a ${token}X b`, token, "the HTML part")).toThrow(
      /the HTML part - a slot marker was altered/,
    );
    expect(() => splitSlots(`a ${token}z b`, token, "the HTML part")).toThrow(/unknown slot marker/);
  });

  it("neutralises the token in data so it cannot pass for a marker", () => {
    const data = neutraliseToken(`x ${token}g y`, token);
    expect(data).not.toContain(token);
    expect(splitSlots(data, token, "test").slots).toEqual([]);
  });
});
