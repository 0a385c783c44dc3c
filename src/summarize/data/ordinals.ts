// biome-ignore-all format: word lists read best as compact tables
/**
 * Context words that show a number followed by a period is an ordinal ("der 3. Oktober",
 * "im 20. Jahrhundert", "zum 2. Mal") and not the end of a sentence ("Seite 12. Dort …").
 */

/** Determiners and prepositions that stand right before an ordinal (compared lower-cased). */
export const ORDINAL_DETERMINERS: readonly string[] = [
  "der", "die", "das", "dem", "den", "des", "am", "im", "vom", "zum", "zur", "beim", "ins", "ans", "aufs",
  "ab", "bis", "seit", "vor", "nach", "um", "an", "in", "auf", "für", "zu", "von", "ihr", "ihre", "ihrem",
  "ihren", "ihres", "sein", "seine", "seinem", "seinen", "seines", "unser", "unsere", "unseren", "unserem",
  "jeder", "jede", "jedes", "jedem", "jeden", "ein", "eine", "einem", "einen", "einer", "eines", "dieser",
  "diese", "dieses", "diesem", "diesen", "jenes", "sonntag", "montag", "dienstag", "mittwoch", "donnerstag",
  "freitag", "samstag", "sonnabend", "bis zum", "und", "oder", "bzw.", "sowie", "als",
];

/** Nouns that commonly follow an ordinal. */
export const ORDINAL_NOUNS: readonly string[] = [
  "Jahrhundert", "Jahrhunderts", "Jahrtausend", "Jahrtausends", "Jahrestag", "Geburtstag", "Todestag",
  "Mal", "Platz", "Stock", "Stockwerk", "Etage", "Runde", "Liga", "Bundesliga", "Spieltag", "Klasse",
  "Wahlgang", "Lesung", "Sitzung", "Legislaturperiode", "Amtszeit", "Quartal", "Halbjahr", "Kalenderwoche",
  "Woche", "Tag", "Monat", "Jahr", "Lebensjahr", "Kapitel", "Auflage", "Ausgabe", "Staffel", "Folge",
  "Armee", "Division", "Senat", "Strafsenat", "Zivilsenat", "Kammer", "Parteitag", "Bundesparteitag",
  "Parteikongress", "Weltkrieg", "Weltkriegs", "Reich", "Republik", "Internationale", "Stelle", "Bezirk",
  "Versuch", "Anlauf", "Satz", "Halbzeit", "Minute", "Buch", "Band", "Symphonie", "Sinfonie", "Tour",
  "Durchgang", "Stufe", "Generation", "Welle", "Sanktionspaket", "Paket", "Änderung", "Gebot", "Advent",
  "Fastensonntag", "Fastenzeit", "Gipfel", "Treffen", "Verhandlungsrunde", "Kongress", "Pokalrunde",
];
