/**
 * Makes a sentence that opens on an elliptic comment ("Umso bedeutender, dass …") readable on
 * its own: the comment points back to what was said before and carries no fact, the
 * "dass" clause after it carries the news. The comment is dropped and the clause becomes a main
 * clause by moving its finite verb (the last word of a German subordinate clause) behind the
 * subject:
 *
 *   "Umso bedeutender, dass der Präsident am Mittwoch betonte, dass man Moskau unterstütze."
 *   → "Der Präsident betonte am Mittwoch, dass man Moskau unterstütze."
 *
 * Nothing else changes: every word of the clause stays, in its order, and a quotation, a number
 * or a name is never touched. The sentence is left as it is whenever the clause is not plainly
 * "subject … verb": no noun or name as subject (a pronoun would still point back), a verb that
 * is not a lower-case word or may carry a separable prefix, a quotation left open at the comma.
 */
import { ELLIPTIC_COMMENTS, SEPARABLE_PREFIXES } from "./data/compression.js";

const COMMENT = new RegExp(`^(${ELLIPTIC_COMMENTS.join("|")}), dass (?=\\p{L})`, "u");
/** Determiners that open a subject noun phrase ("der Präsident", "keine Partei"). */
const DETERMINERS = new Set([
  "der",
  "die",
  "das",
  "ein",
  "eine",
  "kein",
  "keine",
  "sein",
  "seine",
  "ihr",
  "ihre",
  "dessen",
  "deren",
  "alle",
]);
/** An attributive adjective inside a noun phrase: "chinesische", "neuen", "früherer". */
const ADJECTIVE = /^\p{Ll}{3,}(?:e|en|er|es|em)$/u;
/** Lower-case words with an adjective's ending that end a noun phrase instead (prepositions, adverbs). */
const NOT_ADJECTIVES = new Set([
  "gegen",
  "unter",
  "hinter",
  "über",
  "wieder",
  "immer",
  "aber",
  "oder",
  "sehr",
  "seither",
  "vorher",
  "nachher",
  "später",
  "bereits",
  "wegen",
  "neben",
  "zwischen",
  "innerhalb",
  "außerhalb",
  "oben",
  "unten",
  "gestern",
  "morgen",
  "heute",
  "selbst",
  "ebenfalls",
  "jedoch",
  "ohne",
  "seitens",
  "gerne",
  "eher",
  "sogar",
]);
/** Capitalised noun or name: "Präsident", "Xi", "FPÖ-Chef", "Jinping". */
const CAPITALISED = /^\p{Lu}[\p{L}.'’-]*$/u;
const FINITE_VERB = /^\p{Ll}{2,}$/u;
/**
 * A verb that may carry a separable prefix ("zustimmte" → "stimmte … zu") cannot simply move;
 * such clauses are left alone (a few inseparable verbs such as "überlegte" are left alone too).
 */
const SEPARABLE = new RegExp(`^(?:${SEPARABLE_PREFIXES.join("|")})\\p{Ll}{3,}$`, "u");
/** The clause may be at most this many words: longer ones are not lifted. */
const MAX_CLAUSE_WORDS = 25;

/** The sentence with the comment dropped and the clause lifted, and the comment removed. */
export interface LiftedClause {
  text: string;
  removed: string | null;
}

/**
 * Lifts the "dass" clause after an elliptic comment to a main clause (see the module comment).
 *
 * @example
 * liftThatClause("Umso wichtiger, dass die Regierung am Montag entschied, zu klagen.");
 * // → { text: "Die Regierung entschied am Montag, zu klagen.", removed: "Umso wichtiger, dass" }
 */
export function liftThatClause(sentence: string): LiftedClause {
  const unchanged = { text: sentence, removed: null };
  const comment = COMMENT.exec(sentence);
  if (comment === null) return unchanged;
  const rest = sentence.slice(comment[0].length);
  const end = clauseEnd(rest);
  if (end < 0) return unchanged;
  const words = rest.slice(0, end).split(" ");
  if (words.length < 2 || words.length > MAX_CLAUSE_WORDS) return unchanged;
  const verb = words[words.length - 1] ?? "";
  if (!FINITE_VERB.test(verb) || SEPARABLE.test(verb)) return unchanged;
  const subjectLength = subjectWords(words.slice(0, -1));
  if (subjectLength === 0) return unchanged;
  const subject = words.slice(0, subjectLength).join(" ");
  const middle = words.slice(subjectLength, -1);
  const lifted = [capitalise(subject), verb, ...middle].join(" ");
  return { text: lifted + rest.slice(end), removed: `${comment[1]}, dass` };
}

/**
 * Where the clause ends: the first comma, semicolon or final punctuation outside quotation
 * marks and brackets. −1 when a quotation or bracket is still open there.
 */
function clauseEnd(text: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "„" || char === "(" || char === "»") depth++;
    else if (char === "“" || char === ")" || char === "«") depth--;
    else if (depth === 0 && (char === "," || char === ";" || char === "." || char === "!" || char === "?"))
      return text[index - 1] === " " ? -1 : index;
  }
  return -1;
}

/**
 * How many of the leading words form the subject: determiner + adjectives + nouns, or names. A
 * pronoun ("dass sie …") is no subject here: the lifted sentence would still point back.
 */
function subjectWords(words: readonly string[]): number {
  let index = DETERMINERS.has(words[0] ?? "") ? 1 : 0;
  if (index === 1) {
    while (ADJECTIVE.test(words[index] ?? "") && !NOT_ADJECTIVES.has(words[index] ?? "")) index++;
  }
  const nounsFrom = index;
  while (CAPITALISED.test(words[index] ?? "")) index++;
  return index > nounsFrom ? index : 0;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
