import type { Story } from "../types.js";
import { toCleanLine } from "./escape-html.js";
import { GERMAN_PHRASES } from "./german-words.js";
import { truncateAtWord } from "./truncate-at-word.js";

/** Longer subjects are cut by most mail clients and flagged by the pre-send gate. */
export const MAX_SUBJECT_CHARS = 90;

/** The part of an edition the subject and preheader are derived from. */
export interface EditionStories {
  /** stories[0] is the top story. */
  stories: readonly Pick<Story, "kicker" | "headline" | "teaser">[];
}

/**
 * Derives the subject line from the top story: "Kicker: Headline" (the German Dachzeile and
 * Schlagzeile) when that fits in {@link MAX_SUBJECT_CHARS}, else the headline, cut at a word
 * boundary if even that is too long. Pure.
 *
 * @example
 * deriveSubject({ stories: [{ kicker: "Entwicklung militärischer Beziehung", headline: "China will Putin den Rücken stärken", teaser: "…" }] });
 * // "Entwicklung militärischer Beziehung: China will Putin den Rücken stärken"
 */
export function deriveSubject(edition: EditionStories): string {
  const top = edition.stories[0];
  if (!top) throw new TypeError("deriveSubject needs at least one story (stories[0] is the top story)");
  const headline = toCleanLine(top.headline);
  const kicker = toCleanLine(top.kicker ?? "").replace(/[:\s]+$/u, "");
  const withKicker =
    kicker && !headline.startsWith(kicker)
      ? `${kicker}${GERMAN_PHRASES.kickerSeparator}${headline}`
      : headline;
  if (withKicker.length <= MAX_SUBJECT_CHARS) return withKicker;
  return truncateAtWord(headline, MAX_SUBJECT_CHARS);
}
