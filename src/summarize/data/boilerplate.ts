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
  // live-ticker self-references: "Wir berichten im Live-Ticker.", "Alle Entwicklungen im Ticker."
  /^\s*wir\s+(?:berichten|informieren|halten\s+sie)\b.*\b(?:live-?ticker|liveblog|newsblog|ticker|auf\s+dem\s+laufenden)\b/i,
  /^\s*(?:alle\s+)?(?:entwicklungen|infos|informationen|news)\s+im\s+(?:live-?)?ticker\b/i,
  /^\s*(?:dieser\s+(?:artikel|ticker)\s+wird\s+(?:laufend|fortlaufend|ständig)\s+aktualisiert|mehr\s+in\s+kürze)\b/i,
];
