import { createHmac } from "node:crypto";
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

  // Issue 12, item 5: Node's base64url decoder ignores junk, so `token + "!!!"` still verified.
  it("accepts exactly the canonical encoding, nothing that merely decodes to it", () => {
    const token = signUnsubscribeToken(SECRET, "subscribers", "anna@example.de");
    const [payload = "", mac = ""] = token.split(".");
    const standard = (text: string) => Buffer.from(text, "base64url").toString("base64");
    const variants = [
      `${token}!!!`,
      `${token}==`,
      `${token}=`,
      `${token} `,
      ` ${token}`,
      `${token}\n`,
      `${payload}==.${mac}`,
      `${payload}.${mac}A`,
      `${standard(payload)}.${mac}`,
      `${payload}.${standard(mac)}`,
      `${payload}.${mac.slice(0, -1)}${String.fromCharCode(mac.charCodeAt(21) + 1)}`,
      `${payload}!.${mac}`,
      `${payload}.${mac}.x`,
      token.toUpperCase(),
      `.${mac}`,
      `${payload}.`,
      "",
    ];
    for (const variant of variants) {
      if (variant === token) continue;
      expect([variant, verifyUnsubscribeToken(SECRET, "subscribers", variant)]).toEqual([variant, null]);
    }
    expect(verifyUnsubscribeToken(SECRET, "subscribers", token)).toBe("anna@example.de");
  });

  it("refuses a payload whose last character carries non-zero padding bits", () => {
    const token = signUnsubscribeToken(SECRET, "subscribers", "a@b.de");
    const [payload = "", mac = ""] = token.split(".");
    // "a@b.de" is 6 bytes = 8 characters, no spare bits; a 7-byte address leaves 2 spare bits.
    const seven = signUnsubscribeToken(SECRET, "subscribers", "ab@c.de");
    const [p7 = "", m7 = ""] = seven.split(".");
    const last = p7.at(-1) ?? "";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const tweaked = `${p7.slice(0, -1)}${alphabet[alphabet.indexOf(last) + 1]}`;
    expect(Buffer.from(tweaked, "base64url").toString()).toBe("ab@c.de");
    expect(verifyUnsubscribeToken(SECRET, "subscribers", `${tweaked}.${m7}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "subscribers", `${payload}.${mac}`)).toBe("a@b.de");
  });

  it("keeps tokens of the documented format valid: a token built from the formula verifies", () => {
    const email = "jürgen.groß@example.de";
    const mac = createHmac("sha256", SECRET)
      .update(`unsubscribe\nsubscribers\n${email}`)
      .digest()
      .subarray(0, 16)
      .toString("base64url");
    const token = `${Buffer.from(email, "utf8").toString("base64url")}.${mac}`;
    expect(signUnsubscribeToken(SECRET, "subscribers", email)).toBe(token);
    expect(verifyUnsubscribeToken(SECRET, "subscribers", token)).toBe(email);
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
