import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./cli/logger.js";
import {
  escapeControlChars,
  findBidiControl,
  hasControlOrBidi,
  MAX_LOGGED_VALUE_CHARS,
  quoteLogValue,
} from "./unsafe-chars.js";

describe("quoteLogValue", () => {
  it.each([
    ["a@example.de", '"a@example.de"'],
    ["a@x.de\r\nBcc: y@evil.test", '"a@x.de\\r\\nBcc: y@evil.test"'],
    ["\u001b[31mred\u001b[0m", '"\\u001b[31mred\\u001b[0m"'],
    ['say "hi" \\', '"say \\"hi\\" \\\\"'],
    ["C1\u009bcsi", '"C1\\u009bcsi"'],
    ["moc.\u202Eelgoog", '"moc.\\u202eelgoog"'],
    ["zero\u200Bwidth\uFEFF", '"zero\\u200bwidth\\ufeff"'],
    ["line\u2028sep", '"line\\u2028sep"'],
    ["Jürgen Groß", '"Jürgen Groß"'],
  ])("quotes %j as %s", (value, quoted) => {
    expect(quoteLogValue(value)).toBe(quoted);
  });

  it("cuts long values", () => {
    const quoted = quoteLogValue("x".repeat(10_000));
    expect(quoted).toBe(`"${"x".repeat(MAX_LOGGED_VALUE_CHARS)}…"`);
  });
});

describe("escapeControlChars", () => {
  it("escapes terminal escapes, CR and bidi controls but keeps newlines and tabs", () => {
    expect(escapeControlChars("a\u001b[2Jb\rc\u202Ed\ne\tf")).toBe("a\\u001b[2Jb\\u000dc\\u202ed\ne\tf");
  });
});

describe("hasControlOrBidi / findBidiControl", () => {
  it.each([
    "\r",
    "\n",
    "\t",
    "\u0000",
    "\u007f",
    "\u0085",
    "\u2028",
    "\u061c",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
  ])("finds U+%s", (char) => {
    expect(hasControlOrBidi(`a${char}b`)).toBe(true);
  });

  it("passes ordinary German text", () => {
    expect(hasControlOrBidi("Jürgen Groß – „Politik“ €")).toBe(false);
    expect(findBidiControl("Jürgen Groß")).toBe(-1);
    expect(findBidiControl("ab\u2067c")).toBe(2);
  });
});

// Issue 12, item 4: a log line stays one line and prints no terminal control sequence.
describe("createLogger", () => {
  it("never writes raw control characters, whatever the message holds", () => {
    const stream = new PassThrough();
    let written = "";
    stream.on("data", (chunk) => {
      written += String(chunk);
    });
    const logger = createLogger({ stream, timestamps: false });
    logger.warn("list.csv:3: skipped - \u001b]0;owned\u0007\u001b[2J\rfake line");
    expect(written).toBe("warn: list.csv:3: skipped - \\u001b]0;owned\\u0007\\u001b[2J\\u000dfake line\n");
  });
});
