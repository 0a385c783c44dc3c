/**
 * Sentence ends the punctuation scanner of split-sentences.ts does not see on its own: spaced
 * ellipses, footnote markers and hashtags after the final punctuation, a lost space after a
 * period, and sentences that end in an emoji.
 */

/** Words before an emoji that may end a sentence without punctuation ("Wir sind im Finale 🎉"). */
const MIN_WORDS_BEFORE_EMOJI = 3;

/**
 * The middle or last dot of a spaced ellipsis ". . .".
 *
 * @example
 * isSpacedEllipsisDot("mal . . . weiter", 5); // → true (the space after the first dot)
 */
export function isSpacedEllipsisDot(block: string, index: number): boolean {
  return (
    (block[index] === " " && block[index - 1] === "." && block[index + 1] === ".") ||
    (block[index] === "." && block[index - 1] === " " && block[index - 2] === ".")
  );
}

/**
 * Position after footnote markers ("[6]") and hashtags (" #EM2024") that follow `from`.
 *
 * @example
 * skipTrailers("erfolgen.[6] Es gilt", 9); // → 12
 */
export function skipTrailers(block: string, from: number): number {
  let after = from;
  for (;;) {
    const trailer = /^(?:\[\d{1,3}\]| #[\p{L}\p{N}_]+)/u.exec(block.slice(after, after + 40));
    if (!trailer) return after;
    after += trailer[0].length;
  }
}

/**
 * "Verhältnisse.Mit": a long lower-case word, a period, then a capitalised word, no space.
 *
 * @example
 * isMissingSpaceBoundary("Verhältnisse.Mit denen", 12); // → true
 */
export function isMissingSpaceBoundary(block: string, index: number): boolean {
  return (
    /\p{Ll}{4}$/u.test(block.slice(index - 4, index)) &&
    /^\p{Lu}\p{Ll}{2}/u.test(block.slice(index + 1, index + 4))
  );
}

/**
 * An emoji (pictograph from U+2300 on, so not ©, ® or ™) starts at `index`.
 *
 * @example
 * isEmoji("Finale 🎉", 7); // → true
 */
export function isEmoji(block: string, index: number): boolean {
  const code = block.codePointAt(index) ?? 0;
  return code >= 0x2300 && /\p{Extended_Pictographic}/u.test(String.fromCodePoint(code));
}

/**
 * "Wir sind im Finale 🎉 Morgen geht es weiter": where a sentence that ends in emoji (and
 * hashtags) stops, or -1. The next word must be capitalised and the sentence must have words.
 *
 * @example
 * endOfEmojiSentence("Wir sind im Finale 🎉 Morgen geht es weiter", 19, 0); // → 22
 */
export function endOfEmojiSentence(block: string, index: number, sentenceStart: number): number {
  const rest = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0F)+/u.exec(block.slice(index));
  if (!rest) return -1;
  const after = skipTrailers(block, index + rest[0].length);
  if (block[after] !== " " || !/[\p{Lu}„"»]/u.test(block[after + 1] ?? "")) return -1;
  const words = block.slice(sentenceStart, index).match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS_BEFORE_EMOJI || /[.!?…]\s*$/u.test(block.slice(sentenceStart, index)))
    return -1;
  return after + 1;
}
