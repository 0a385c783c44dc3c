import { describe, expect, it } from "vitest";
import { isDigestError } from "../errors.js";
import {
  resolveUnsubscribeSecret,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from "./unsubscribe-token.js";

const SECRET = "0123456789abcdef0123456789abcdef";

describe("unsubscribe tokens", () => {
  it("verify for the address and list they were signed for, and nothing else", () => {
    const token = signUnsubscribeToken(SECRET, "subscribers", "anna@example.de");
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(verifyUnsubscribeToken(SECRET, "subscribers", token)).toBe("anna@example.de");
    expect(verifyUnsubscribeToken(SECRET, "other", token)).toBeNull();
    expect(verifyUnsubscribeToken("another-secret-0123456789", "subscribers", token)).toBeNull();
  });

  it("cannot be forged by swapping in someone else's address", () => {
    const [, mac] = signUnsubscribeToken(SECRET, "subscribers", "anna@example.de").split(".");
    const forged = `${Buffer.from("bob@example.de").toString("base64url")}.${mac}`;
    expect(verifyUnsubscribeToken(SECRET, "subscribers", forged)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "subscribers", "garbage")).toBeNull();
  });

  it("needs DIGEST_UNSUBSCRIBE_SECRET for a real send and makes a throw-away one otherwise", () => {
    expect(() => resolveUnsubscribeSecret({}, { real: true })).toThrow(
      /DIGEST_UNSUBSCRIBE_SECRET is not set/,
    );
    expect(resolveUnsubscribeSecret({}, { real: false }).ephemeral).toBe(true);
    expect(resolveUnsubscribeSecret({ DIGEST_UNSUBSCRIBE_SECRET: SECRET }, { real: true })).toEqual({
      value: SECRET,
      ephemeral: false,
    });
    try {
      resolveUnsubscribeSecret({ DIGEST_UNSUBSCRIBE_SECRET: "short" }, { real: true });
    } catch (error) {
      expect(isDigestError(error, "E_CONFIG")).toBe(true);
    }
  });
});
