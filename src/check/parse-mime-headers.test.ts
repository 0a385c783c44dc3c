import { describe, expect, it } from "vitest";
import { parseMimeHeaders } from "./parse-mime-headers.js";

describe("parseMimeHeaders", () => {
  it("unfolds folded headers, lower-cases names and stops at the blank line", () => {
    const mime = Buffer.from(
      "From: a@zeitung.de\r\nList-Unsubscribe: <https://zeitung.de/u?t=1>,\r\n <mailto:u@zeitung.de>\r\n\r\nList-Unsubscribe: body\r\n",
    );
    const headers = parseMimeHeaders(mime);
    expect(headers.get("list-unsubscribe")).toBe("<https://zeitung.de/u?t=1>, <mailto:u@zeitung.de>");
    expect([...headers.keys()]).toEqual(["from", "list-unsubscribe"]);
  });
});
