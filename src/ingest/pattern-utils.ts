/** Small helpers to build regular expressions from the marker table. */

/**
 * Escapes a literal for use inside a RegExp.
 *
 * @example
 * escapeRegExp("(Archivfoto)") // → "\\(Archivfoto\\)"
 */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * An alternation of literals, longest first so "Update vom" wins over "Update".
 *
 * @example
 * alternation(["Update", "Update vom"]) // → "Update vom|Update"
 */
export function alternation(literals: readonly string[]): string {
  return [...literals]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
}

/**
 * Case-insensitive membership test against a word list.
 *
 * @example
 * createWordSet(["dpa", "AFP"]).has("DPA") // → true
 */
export function createWordSet(words: readonly string[]): { has(word: string): boolean } {
  const set = new Set(words.map((word) => word.toLowerCase()));
  return { has: (word) => set.has(word.toLowerCase()) };
}
