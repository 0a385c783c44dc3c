import { HEADLINE_WEIGHT, POLITICS_BIAS, POLITICS_TERMS } from "./data/politics-terms.js";

/** The classifier's verdict and the words that decided it (for `--debug` and the eval report). */
export interface PoliticsVerdict {
  politics: boolean;
  /** Above 0 is politics; the further from 0, the surer. */
  score: number;
  /** The strongest contributing terms, strongest first. */
  evidence: string[];
}

/** How many tokens of body text are read: the top of a news article says what it is about. */
const MAX_BODY_TOKENS = 400;
const EVIDENCE_TERMS = 5;

interface CompiledTerm {
  pattern: string;
  weight: number;
  test: (token: string) => boolean;
}

const TERMS: readonly CompiledTerm[] = POLITICS_TERMS.map(([pattern, weight, except = []]) => {
  const matches = compile(pattern);
  const vetoes = except.map(compile);
  return {
    pattern,
    weight,
    test: (token: string) => matches(token) && !vetoes.some((veto) => veto(token)),
  };
});
/** Token → indices of the terms it matches; a morning's articles share most of their words. */
const MATCH_CACHE = new Map<string, readonly number[]>();
const MAX_CACHE_ENTRIES = 50_000;

/**
 * Decides whether a German article belongs to the politics desk from its words, for articles
 * that carry no section signal (no JSON-LD section, breadcrumb, feed category or telling URL).
 * Each matching term of `data/politics-terms.ts` adds weight × ln(1 + occurrences), headline
 * words counting double; the article is politics when the sum plus the bias is above zero.
 *
 * @example
 * classifyPolitics({ headline: "Koalition einigt sich auf Haushalt", text: "Die Fraktionen von SPD und Union …" }).politics // → true
 * classifyPolitics({ headline: "Bayern gewinnt Spitzenspiel", text: "Der Trainer lobte die Mannschaft …" }).politics // → false
 */
export function classifyPolitics(input: { headline: string; text: string }): PoliticsVerdict {
  const counts = new Map<number, number>();
  const add = (tokens: readonly string[], times: number) => {
    for (const token of tokens) {
      for (const index of matchesOf(token)) counts.set(index, (counts.get(index) ?? 0) + times);
    }
  };
  add(tokenize(input.headline), HEADLINE_WEIGHT);
  add(tokenize(input.text).slice(0, MAX_BODY_TOKENS), 1);
  let score = POLITICS_BIAS;
  const contributions: { pattern: string; value: number }[] = [];
  for (const [index, count] of counts) {
    const term = TERMS[index] as CompiledTerm;
    const value = term.weight * Math.log1p(count);
    score += value;
    contributions.push({ pattern: term.pattern, value });
  }
  contributions.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  return {
    politics: score > 0,
    score: Math.round(score * 100) / 100,
    evidence: contributions
      .slice(0, EVIDENCE_TERMS)
      .map((c) => `${c.pattern} ${c.value > 0 ? "+" : ""}${c.value.toFixed(1)}`),
  };
}

/**
 * Lower-case word tokens of German text; hyphenated compounds are kept whole and also split
 * ("EU-Kommission" → "eu-kommission", "eu", "kommission").
 *
 * @example
 * tokenize("Die EU-Kommission tagt.") // → ["die", "eu-kommission", "eu", "kommission", "tagt"]
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.toLocaleLowerCase("de").match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) {
    tokens.push(word);
    if (word.includes("-")) tokens.push(...word.split("-"));
  }
  return tokens;
}

function matchesOf(token: string): readonly number[] {
  const cached = MATCH_CACHE.get(token);
  if (cached) return cached;
  const found: number[] = [];
  TERMS.forEach((term, index) => {
    if (term.test(token)) found.push(index);
  });
  if (MATCH_CACHE.size >= MAX_CACHE_ENTRIES) MATCH_CACHE.clear();
  MATCH_CACHE.set(token, found);
  return found;
}

function compile(pattern: string): (token: string) => boolean {
  const starts = pattern.startsWith("*");
  const ends = pattern.endsWith("*");
  const core = pattern.replace(/^\*|\*$/g, "");
  if (starts && ends) return (token) => token.includes(core);
  if (ends) return (token) => token.startsWith(core);
  if (starts) return (token) => token.endsWith(core);
  return (token) => token === core;
}
