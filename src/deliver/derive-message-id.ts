import { createHash } from "node:crypto";

/**
 * The Message-ID of one edition for one reader: a hash of edition key and address at the sender's
 * domain. Deterministic, so a message re-sent after a crash carries the same ID and mail clients
 * (and the ledger) can tell it is the same message.
 *
 * @example
 * deriveMessageId("2026-11-26/politik/subscribers", "anna@example.de", "news.example.de");
 * // "<5b0c…e1@news.example.de>"
 */
export function deriveMessageId(editionKey: string, email: string, domain: string): string {
  const hash = createHash("sha256").update(`${editionKey}|${email}`).digest("hex").slice(0, 32);
  return `<${hash}@${domain}>`;
}

/**
 * The domain part of an address (for Message-ID and List-Id).
 *
 * @example
 * domainOf("newsletter@news.example.de"); // "news.example.de"
 */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}
