import { describe, expect, it } from "vitest";
import { isHardBounce } from "./is-hard-bounce.js";

describe("isHardBounce", () => {
  it.each([
    ["550 5.1.1 <anna@example.de>: Recipient address rejected: User unknown", true],
    ["550 5.1.1 mailbox unavailable", true],
    ["550-5.1.1 The email account that you tried to reach does not exist.", true],
    ["550 5.2.1 The email account that you tried to reach is disabled.", true],
    ["553 5.1.3 bad recipient address syntax", true],
    ["550 5.1.10 RESOLVER.ADR.RecipientNotFound", true],
    ["550 no such user here", true],
    ["551 user not local", true],
    ["552 5.2.2 mailbox full", false],
    ["554 5.7.1 Message rejected as spam", false],
    ["550 5.7.1 Service unavailable; client host blocked", false],
    ["554 transaction failed", false],
    ["451 4.7.1 try again later", false],
  ])("%s → %s", (response, expected) => {
    expect(isHardBounce(response)).toBe(expected);
  });
});
