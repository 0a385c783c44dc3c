export function learnAbbreviations(_texts: readonly string[]): unknown {
  return {};
}
