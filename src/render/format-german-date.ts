import { DigestError } from "../errors.js";
import { GERMAN_MONTHS, GERMAN_WEEKDAYS } from "./german-words.js";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a calendar date (YYYY-MM-DD, already in the edition's time zone) as the German date
 * line of the newsletter. Pure: the weekday is computed on the date-only value in UTC, so no
 * clock, time zone or daylight-saving change can shift it, and names come from a table rather
 * than from the runtime's ICU data.
 *
 * @throws DigestError E_INPUT when the value is not a real calendar date.
 * @example
 * formatGermanDate("2026-11-26"); // "Donnerstag, 26. November 2026"
 */
export function formatGermanDate(date: string): string {
  const match = DATE_PATTERN.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  // setUTCFullYear (unlike Date.UTC) keeps years below 100 literal; it rolls 2026-02-30 over
  // to March, so a round trip catches impossible dates.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  if (
    !match ||
    utc.getUTCFullYear() !== year ||
    utc.getUTCMonth() !== month - 1 ||
    utc.getUTCDate() !== day
  ) {
    throw new DigestError(
      "E_INPUT",
      `could not format the edition date "${date}" - it is not a calendar date. Expected YYYY-MM-DD, e.g. 2026-11-26`,
      { where: "edition.date" },
    );
  }
  const weekday = GERMAN_WEEKDAYS[utc.getUTCDay()];
  const monthName = GERMAN_MONTHS[month - 1];
  return `${weekday}, ${day}. ${monthName} ${year}`;
}
