/**
 * Enhanced status codes (RFC 3463) that say the mailbox itself is gone: 5.1.0 other address
 * status, 5.1.1 user unknown, 5.1.2 bad destination domain, 5.1.3 bad address syntax,
 * 5.1.6 mailbox moved, 5.1.10 null MX, 5.2.1 mailbox disabled. Not 5.2.2 (mailbox full), nor 5.7.x
 * (policy, spam filters): those say nothing about the address and must not drop a reader for good.
 */
const DEAD_MAILBOX = /(?:^|\s)5\.(?:1\.(?:0|1|2|3|6|10)|2\.1)(?=\s|$|[^\d.])/;
const ENHANCED_CODE = /(?:^|\s)[245]\.\d{1,3}\.\d{1,3}(?=\s|$|[^\d.])/;
/** Without an enhanced code, the basic replies for "no such user" (550, 551, 553: RFC 5321 4.2.2). */
const BASIC_DEAD_MAILBOX = /^55[013](?:[\s-]|$)/;

/**
 * True when a permanent SMTP reply says the recipient's mailbox does not exist or is disabled,
 * i.e. a hard bounce that should put the address on the suppression list.
 *
 * @example
 * isHardBounce("550 5.1.1 <anna@example.de>: user unknown"); // true
 * isHardBounce("552 5.2.2 mailbox full"); // false
 * isHardBounce("554 5.7.1 message rejected as spam"); // false
 */
export function isHardBounce(response: string): boolean {
  const reply = response.trim();
  if (DEAD_MAILBOX.test(reply)) return true;
  if (ENHANCED_CODE.test(reply)) return false;
  return BASIC_DEAD_MAILBOX.test(reply);
}
