import { describe, expect, it } from "vitest";
import { isLoopbackHost, isStudioHost, studioUrl } from "./is-studio-host.js";

describe("isStudioHost", () => {
  it.each([
    ["127.0.0.1:7530", "127.0.0.1", true],
    ["localhost:7530", "127.0.0.1", true],
    ["LOCALHOST:7530", "127.0.0.1", true],
    ["127.0.0.1:7531", "127.0.0.1", false],
    ["evil.test:7530", "127.0.0.1", false],
    ["127.0.0.1", "127.0.0.1", false],
    ["192.0.2.10:7530", "192.0.2.10", true],
    ["evil.test:7530", "192.0.2.10", false],
    ["desk.newsroom.test:7530", "0.0.0.0", true],
    ["bad host:7530", "0.0.0.0", false],
    ["[::1]:7530", "::1", true],
    ["127.0.0.2:7530", "127.0.0.2", true],
  ])("Host %s on a studio bound to %s: %s", (header, bound, expected) => {
    expect(isStudioHost(header, bound, 7530)).toBe(expected);
  });

  it("refuses a request without Host", () => {
    expect(isStudioHost(undefined, "127.0.0.1", 7530)).toBe(false);
  });
});

describe("helpers", () => {
  it("knows loopback", () => {
    expect(isLoopbackHost("127.0.0.2")).toBe(true);
    expect(isLoopbackHost("::1")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
  });

  it("brackets IPv6 in the URL", () => {
    expect(studioUrl("::1", 7530)).toBe("http://[::1]:7530/");
    expect(studioUrl("127.0.0.1", 80)).toBe("http://127.0.0.1:80/");
  });
});
