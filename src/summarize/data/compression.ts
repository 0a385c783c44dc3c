// biome-ignore-all format: word lists read best as compact tables
/**
 * Word lists for sentence compression (compress-sentence.ts): what may be dropped from a key
 * point because it carries no fact of its own.
 */

/**
 * Unnamed sources in "<source> zufolge" ("Expertinnen und Experten zufolge"): who they are is
 * not said, so the phrase tells the reader nothing. Named sources ("der Polizei zufolge") stay.
 */
export const GENERIC_SOURCES: readonly string[] = [
  "Expertinnen und Experten", "Experten und Expertinnen", "Experten", "Expertinnen", "Fachleuten",
  "Beobachterinnen und Beobachtern", "Beobachtern", "Analystinnen und Analysten", "Analysten", "Kritikern",
  "Kritikerinnen und Kritikern", "Medienberichten", "Berichten", "Presseberichten", "Insidern", "Kreisen",
  "informierten Kreisen", "Diplomaten", "Schätzungen",
];

/** Qualifiers that may stand before a generic source ("vielen Experten zufolge"). */
export const SOURCE_QUALIFIERS: readonly string[] = ["den", "vielen", "einigen", "manchen", "mehreren", "übereinstimmenden"];

/**
 * Bracketed asides that carry no fact for the reader of a key point: agency tags, picture
 * references and cross-references ("(dpa)", "(Archivbild)", "(siehe Grafik)"). Written as the
 * text between the brackets; "…" stands for any text without brackets.
 */
export const NO_FACT_ASIDES: readonly string[] = [
  "dpa", "AFP", "Reuters", "AP", "KNA", "epd", "dts", "APA", "sda", "SID", "Archivfoto", "Archivbild",
  "Symbolbild", "Symbolfoto", "Foto: …", "Bild: …", "Grafik: …", "siehe …", "s. …", "vgl. …", "mehr dazu …",
  "Anm. d. Red.",
];

/** Verbs of reporting in a "wie … berichtete" clause. */
export const REPORTING_VERBS: readonly string[] = [
  "berichtete", "berichteten", "berichtet", "meldete", "meldeten", "meldet", "schrieb", "schreibt", "schrieben",
  "mitteilte", "mitteilten", "bekanntgab", "erfuhr", "erfahren hat", "berichtet hatte", "gemeldet hatte",
];

/**
 * Capitalised function words that cannot stand inside a German sentence: a sentence in which
 * one follows a few words without a verb started with a sub-heading whose paragraph break was
 * lost ("Keine Personaldebatte Mit FPÖ-Chef …").
 */
export const HEADING_BREAK_WORDS: readonly string[] = [
  "Mit", "Nach", "Bei", "Seit", "Von", "Vor", "Für", "Gegen", "Ohne", "Um", "Unter", "Über", "Während",
  "Wegen", "Trotz", "Laut", "Auch", "Doch", "Aber", "Denn", "Dass", "Wenn", "Weil", "Als", "Nachdem",
  "Obwohl", "Er", "Es", "Wir", "Ich", "Man", "Am", "Im", "Zum", "Zur", "Beim", "Vom", "Dabei", "Damit",
  "Dazu", "Daher", "Deshalb", "Zudem", "Außerdem", "Bereits", "Bislang", "Bisher", "Inzwischen", "Nun",
  "Jetzt", "Zuletzt", "Zunächst", "So", "Dort", "Hier", "Dennoch", "Trotzdem", "Allerdings", "Jedoch",
];

/** Lower-case words a sub-heading may contain ("Streit um die Rente", "Neue Regeln für Mieter"). */
export const HEADING_FUNCTION_WORDS: readonly string[] = [
  "und", "oder", "um", "die", "der", "das", "den", "dem", "des", "für", "mit", "in", "im", "am", "an", "auf",
  "aus", "bei", "nach", "vor", "von", "vom", "zu", "zum", "zur", "über", "unter", "gegen", "ohne", "als",
  "wie", "ein", "eine", "einer", "einen", "kein", "keine", "nicht", "mehr", "neue", "neuer", "neues",
];

/**
 * Elliptic comments that open a sentence before a "dass" clause and point back to what was said
 * ("Umso bedeutender, dass …", "Kein Wunder, dass …"): lift-that-clause.ts drops them. Regular
 * expression sources, matched at the start of the sentence before ", dass".
 */
export const ELLIPTIC_COMMENTS: readonly string[] = [
  "(?:Umso|Um so|Desto|Noch) \\p{Ll}+er", "Kein Wunder", "Kein Zufall", "Nicht verwunderlich", "Kaum verwunderlich",
];

/** Separable verb prefixes ("zu-stimmen", "an-kündigen"): a verb starting with one is not moved. */
export const SEPARABLE_PREFIXES: readonly string[] = [
  "ab", "an", "auf", "aus", "bei", "dar", "durch", "ein", "empor", "fest", "fort", "frei", "her", "hin", "hoch",
  "los", "mit", "nach", "nieder", "statt", "teil", "um", "über", "vor", "weg", "weiter", "wieder", "zu",
  "zurück", "zusammen", "bekannt", "klar", "offen", "kennen",
];
