/**
 * Traits that make a sentence a poor key point when read on its own, out of context.
 */
import { BOILERPLATE_PATTERNS } from "./data/boilerplate.js";
import {
  DANGLING_OPENERS,
  EXPLETIVE_ES_VERBS,
  FINITE_VERBS_AFTER_PRONOUN,
  PRONOUN_IF_VERB_NEXT,
} from "./data/dangling-openers.js";
import { SPEECH_VERBS } from "./data/speech-verbs.js";

/** What `assessSentence` finds out about one sentence. */
export interface SentenceTraits {
  /** Opens with a reference back to something earlier ("Dabei …", "Er …", "Das ist …"). */
  dangling: boolean;
  /** Ends with a question mark. */
  question: boolean;
  /** Too short, or without final punctuation (a heading or list line), or ends with a colon. */
  fragment: boolean;
  /** A bare quotation with no speaker named in the sentence. */
  speakerlessQuote: boolean;
  /** Page furniture: promo line, photo credit, caption tag. */
  boilerplate: boolean;
}

/** Sentences with fewer words than this are fragments. */
const MIN_WORDS = 4;

/**
 * Classifies one sentence.
 *
 * @example
 * assessSentence("Dabei soll es sich um das zweite Telefonat gehandelt haben.").dangling; // → true
 * assessSentence("Das Kabinett beschloss am Mittwoch den Haushalt.").dangling; // → false
 */
export function assessSentence(text: string): SentenceTraits {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return {
    dangling: isDangling(trimmed),
    question: /\?["“”»«’)]*$/u.test(trimmed),
    fragment: words.length < MIN_WORDS || !/[.!?…]["“”»«’)\]]*$/u.test(trimmed),
    speakerlessQuote: isSpeakerlessQuote(trimmed),
    boilerplate: BOILERPLATE_PATTERNS.some((pattern) => pattern.test(trimmed)),
  };
}

/**
 * How much a sentence's traits lower its key-point score (1 = self-contained). The factors are
 * multiplicative; they were set so that a central but dangling sentence still loses against a
 * slightly less central self-contained one, and a question or fragment almost never wins.
 *
 * @example
 * selfContainedness(assessSentence("Er lehnte ab.")); // → 0.09 (dangling × fragment)
 */
export function selfContainedness(traits: SentenceTraits): number {
  if (traits.boilerplate) return 0;
  let factor = 1;
  if (traits.dangling) factor *= DANGLING_FACTOR;
  if (traits.question) factor *= QUESTION_FACTOR;
  if (traits.fragment) factor *= FRAGMENT_FACTOR;
  if (traits.speakerlessQuote) factor *= SPEAKERLESS_QUOTE_FACTOR;
  return Math.round(factor * 1000) / 1000;
}

const DANGLING_FACTOR = 0.45;
const QUESTION_FACTOR = 0.3;
const FRAGMENT_FACTOR = 0.2;
const SPEAKERLESS_QUOTE_FACTOR = 0.5;

const OPENERS_BY_LENGTH = [...DANGLING_OPENERS].sort((a, b) => b.length - a.length);
const PRONOUN_IF_VERB = new Set(PRONOUN_IF_VERB_NEXT);
const FINITE_VERBS = new Set(FINITE_VERBS_AFTER_PRONOUN);
const SPEECH = new Set(SPEECH_VERBS);
const EXPLETIVE_ES = new Set(EXPLETIVE_ES_VERBS);
const OPENING_QUOTES = /^[„“"»«‚]/u;

function isDangling(text: string): boolean {
  // A quotation is read with its attribution; only the narrator's own openers count.
  const body = text;
  const [first, second] = body.split(/\s+/, 2);
  if (first === "Es" && second !== undefined && EXPLETIVE_ES.has(second)) return false;
  for (const opener of OPENERS_BY_LENGTH) {
    if (body.startsWith(opener) && !/[\p{L}\p{N}]/u.test(body.charAt(opener.length))) return true;
  }
  return (
    first !== undefined && second !== undefined && PRONOUN_IF_VERB.has(first) && FINITE_VERBS.has(second)
  );
}

/**
 * A sentence that opens with a quotation mark and names no speaker outside the quoted part:
 * no speech verb or "so"/"laut"/"zufolge" there, or only a pronoun as the speaker ("…“, sagte
 * er.") — a name or a noun ("sagte Scholz", "so die Sprecherin") is a capitalised word.
 */
function isSpeakerlessQuote(text: string): boolean {
  if (!OPENING_QUOTES.test(text)) return false;
  const outside = text.replace(/[„“"»«‚][^„“"»«‚‘”]*[“”"«»‘]/gu, " ");
  const words = outside.match(/\p{L}+/gu) ?? [];
  const attributed = words.some((word) => SPEECH.has(word.toLowerCase()));
  const named = words.some((word) => /^\p{Lu}/u.test(word));
  return !attributed || !named;
}
