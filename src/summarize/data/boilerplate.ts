// biome-ignore-all format: word lists read best as compact tables
/**
 * Patterns of page furniture that must never become a teaser or key point even if ingest let
 * them through: newsletter promos, photo credits, "read also" links, caption tags.
 */
export const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /jetzt\s+kostenlos\s+(?:anmelden|abonnieren)/i,
  /\bnewsletter\b.*\banmelden\b/i,
  /^\s*(?:auch\s+interessant|lesen\s+sie\s+auch|mehr\s+zum\s+thema|weitere\s+artikel|kommentare)\b/i,
  /©/,
  /\((?:archivfoto|archivbild|symbolbild|foto|bild)\)\s*$/i,
  /^\s*(?:foto|bild|quelle)\s*:/i,
  /ausgewählt\s+von\s+unserer\s+\w+redaktion/i,
];
