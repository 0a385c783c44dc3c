import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./read-desk-form.js";

describe("isSameOriginPost", () => {
  it.each([
    [{ host: "127.0.0.1:7530" }, true],
    [{ host: "127.0.0.1:7530", origin: "http://127.0.0.1:7530" }, true],
    [{ host: "desk.example:8443", origin: "https://desk.example:8443" }, true],
    [{ host: "127.0.0.1:7530", origin: "http://evil.test" }, false],
    [{ host: "127.0.0.1:7530", origin: "null" }, false],
    [{ host: "127.0.0.1:7530", "sec-fetch-site": "same-origin" }, true],
    [{ host: "127.0.0.1:7530", "sec-fetch-site": "same-site" }, false],
    [{ host: "127.0.0.1:7530", "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:7530" }, false],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOriginPost(headers)).toBe(expected);
  });
});
