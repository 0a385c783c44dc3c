/**
 * German words the render stage needs outside the templates: calendar names for the date line
 * and the few phrases of the derived subject and preheader. Kept as one data table so that the
 * code stays language-neutral and an editor can change the wording in one place.
 */

/** Weekday names indexed like `Date.prototype.getUTCDay()` (0 = Sunday). */
export const GERMAN_WEEKDAYS = [
  "Sonntag",
  "Montag",
  "Dienstag",
  "Mittwoch",
  "Donnerstag",
  "Freitag",
  "Samstag",
] as const;

/** Month names indexed 0 = January. */
export const GERMAN_MONTHS = [
  "Januar",
  "Februar",
  "März",
  "April",
  "Mai",
  "Juni",
  "Juli",
  "August",
  "September",
  "Oktober",
  "November",
  "Dezember",
] as const;

/** Phrases used when deriving the subject line and the preheader. */
export const GERMAN_PHRASES = {
  /** Joins the top story's teaser and the further headlines in the preheader. */
  alsoToday: "Außerdem:",
  /** Pads a preheader that would otherwise be too short to fill the inbox preview line. */
  preheaderFallback: "Das Wichtigste aus der Politik, ausgewählt von unserer Politikredaktion.",
  /** Separates kicker and headline in the subject ("Dachzeile: Schlagzeile"). */
  kickerSeparator: ": ",
  /** Marks a cut text. */
  ellipsis: "…",
  /** The word after a clock time ("7:30 Uhr"); the HTML keeps the two on one line. */
  clockTimeUnit: "Uhr",
  /** Subject of the unsubscribe mail when only a mailto address is configured. */
  unsubscribeSubject: "Abmelden",
} as const;
