// biome-ignore-all format: word lists read best as compact tables
/**
 * Capitalised German function words that typically open a sentence. Used to disambiguate a
 * period after an ambiguous token (an initial "S.", a roman numeral, "usw.", "Mrd.", an
 * ordinal-looking number): "Frank-Walter S. Er …" is a boundary, "Frank-Walter S. Steinmeier"
 * is not, because a surname is not a function word.
 */
export const SENTENCE_OPENERS: readonly string[] = [
  // articles and determiners
  "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Einen", "Einem", "Eines", "Kein",
  "Keine", "Dieser", "Diese", "Dieses", "Diesen", "Diesem", "Jeder", "Jede", "Jedes", "Alle", "Viele",
  "Einige", "Manche", "Mehrere", "Beide", "Solche", "Welche", "Welcher", "Welches", "Wessen",
  // pronouns
  "Er", "Sie", "Es", "Wir", "Ich", "Ihr", "Du", "Man", "Dies", "Das", "Dessen", "Deren", "Sein", "Seine",
  "Ihre", "Unsere", "Unser", "Mein", "Meine", "Niemand", "Jemand", "Nichts", "Alles", "Wer", "Was",
  // prepositions and contractions
  "Am", "Im", "Vom", "Zum", "Zur", "Beim", "Ins", "Ans", "An", "In", "Auf", "Aus", "Bei", "Mit", "Nach",
  "Seit", "Von", "Vor", "Zu", "Für", "Gegen", "Ohne", "Um", "Unter", "Über", "Hinter", "Neben", "Zwischen",
  "Durch", "Wegen", "Trotz", "Während", "Laut", "Bis", "Ab", "Angesichts", "Infolge", "Dank", "Gemäß",
  // conjunctions and adverbs
  "Und", "Oder", "Aber", "Doch", "Denn", "Sondern", "Dass", "Daß", "Ob", "Wenn", "Weil", "Als", "Wie",
  "Obwohl", "Nachdem", "Bevor", "Damit", "Dabei", "Dazu", "Daher", "Darum", "Deshalb", "Deswegen",
  "Dennoch", "Trotzdem", "Allerdings", "Jedoch", "Zudem", "Außerdem", "Ausserdem", "Auch", "Noch", "Schon",
  "Bereits", "Nun", "Jetzt", "Heute", "Gestern", "Morgen", "Damals", "Dann", "Danach", "Davor", "Zuvor",
  "Später", "Zuletzt", "Zunächst", "Zuerst", "Anschließend", "Inzwischen", "Mittlerweile", "Derzeit",
  "Bislang", "Bisher", "Immer", "Nie", "Oft", "So", "Da", "Dort", "Hier", "Hierbei", "Hierzu", "Darüber",
  "Darauf", "Daraufhin", "Davon", "Demnach", "Demzufolge", "Stattdessen", "Gleichzeitig", "Zugleich",
  "Indes", "Indessen", "Insgesamt", "Vor allem", "Vielmehr", "Eigentlich", "Offenbar", "Offensichtlich",
  "Wahrscheinlich", "Vermutlich", "Möglicherweise", "Vielleicht", "Tatsächlich", "Nur", "Erst", "Sogar",
  "Selbst", "Ebenfalls", "Ebenso", "Weiter", "Weitere", "Weiterhin", "Außerdem", "Umso", "Also", "Zwar",
  "Nicht", "Kaum", "Fast", "Rund", "Etwa", "Mehr", "Weniger", "Wo", "Wann", "Warum", "Wieso", "Weshalb",
  "Ja", "Nein", "Bitte", "Hinzu", "Ferner", "Schließlich", "Letztlich", "Immerhin", "Jedenfalls",
];
