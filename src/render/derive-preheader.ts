import type { EditionStories } from "./derive-subject.js";
import { toCleanLine } from "./escape-html.js";
import { GERMAN_PHRASES } from "./german-words.js";
import { truncateAtWord } from "./truncate-at-word.js";

/** Inbox preview lines show roughly 40-140 characters; the pre-send gate checks this range. */
export const MIN_PREHEADER_CHARS = 40;
export const MAX_PREHEADER_CHARS = 140;
/** The top story's teaser keeps at least this much room when further headlines are appended. */
const MIN_LEAD_CHARS = 70;
const HEADLINE_SEPARATOR = " · ";

/**
 * Derives the preheader (the inbox preview line) from the edition: the top story's teaser,
 * ending at a sentence or word boundary, then "Außerdem: " and as many further headlines as fit
 * in {@link MAX_PREHEADER_CHARS}. Too short a result is padded with a neutral line so the
 * preview is never filled with the email's first words instead. Pure.
 *
 * @example
 * derivePreheader({ stories: [top, second] });
 * // "China und Russland rücken enger zusammen. Außerdem: Bundestag beschließt Haushalt"
 */
export function derivePreheader(edition: EditionStories): string {
  const [top, ...rest] = edition.stories;
  if (!top) throw new TypeError("derivePreheader needs at least one story (stories[0] is the top story)");
  const teaser = toCleanLine(top.teaser);
  const headlines = rest.map((story) => toCleanLine(story.headline)).filter((headline) => headline !== "");

  const firstHeadline = headlines[0];
  const alsoFirst = firstHeadline ? ` ${GERMAN_PHRASES.alsoToday} ${firstHeadline}` : "";
  const leadBudget =
    alsoFirst && MAX_PREHEADER_CHARS - alsoFirst.length >= MIN_LEAD_CHARS
      ? MAX_PREHEADER_CHARS - alsoFirst.length
      : MAX_PREHEADER_CHARS;
  let preheader = cutAtSentence(teaser, leadBudget);

  const also: string[] = [];
  for (const headline of headlines) {
    const candidate = `${GERMAN_PHRASES.alsoToday} ${[...also, headline].join(HEADLINE_SEPARATOR)}`;
    if (joinWithSpace(preheader, candidate).length > MAX_PREHEADER_CHARS) break;
    also.push(headline);
  }
  if (also.length > 0) {
    preheader = joinWithSpace(preheader, `${GERMAN_PHRASES.alsoToday} ${also.join(HEADLINE_SEPARATOR)}`);
  }
  if (preheader.length < MIN_PREHEADER_CHARS) {
    preheader = truncateAtWord(
      joinWithSpace(preheader, GERMAN_PHRASES.preheaderFallback),
      MAX_PREHEADER_CHARS,
    );
  }
  return preheader;
}

/**
 * Cuts at the last sentence end within `maxChars` when that keeps at least half the room, else
 * at a word boundary. A sentence end is ".", "!" or "?" after a word of three or more letters,
 * followed by a space: this skips "z. B.", "Dr." and ordinals such as "15. Juni".
 */
function cutAtSentence(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = text.slice(0, maxChars + 1);
  const sentenceEnd = /\p{L}{3}[.!?]["“”»«']?(?=\s)/gu;
  let end = -1;
  for (let match = sentenceEnd.exec(room); match !== null; match = sentenceEnd.exec(room)) {
    const stop = match.index + match[0].length;
    if (stop <= maxChars) end = stop;
  }
  return end >= maxChars / 2 ? text.slice(0, end) : truncateAtWord(text, maxChars);
}

function joinWithSpace(first: string, second: string): string {
  return first === "" ? second : `${first} ${second}`;
}
