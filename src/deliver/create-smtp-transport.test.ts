import { describe, expect, it } from "vitest";
import { isLoopbackHost, redactUrl, resolveSmtpSecurity } from "./create-smtp-transport.js";

describe("resolveSmtpSecurity", () => {
  // Issue 12, item 6: STARTTLS was opportunistic - a remote server without it got mail in the clear.
  it.each([
    ["mail.example.org", false, true, true, false],
    ["mail.example.org", true, true, false, false],
    ["mail.example.org", false, false, false, true],
    ["127.0.0.1", false, true, false, false],
    ["127.8.9.1", false, true, false, false],
    ["localhost", false, true, false, false],
    ["::1", false, true, false, false],
    ["[::1]", false, false, false, false],
    ["10.0.0.5", false, true, true, false],
    ["128.0.0.1", false, true, true, false],
    ["127.0.0.1", false, "always", true, false],
    ["mail.example.org", true, "always", false, false],
  ] as const)(
    "%s (smtps %s, requireTls %s): requireTLS %s, warned %s",
    (host, secure, requireTls, required, warned) => {
      const security = resolveSmtpSecurity({ host, secure, requireTls });
      expect(security.requireTLS).toBe(required);
      expect(security.warning !== null).toBe(warned);
    },
  );
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST.", true],
    ["app.localhost", true],
    ["127.0.0.1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["localhost.example.org", false],
    ["127.0.0.1.nip.io", false],
    ["0.0.0.0", false],
  ])("%s → %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe("redactUrl", () => {
  it("drops user and password", () => {
    expect(redactUrl("smtp://me:secret@mail.example.org:587")).toBe("smtp://***@mail.example.org:587");
  });
});
