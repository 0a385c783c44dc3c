// biome-ignore-all format: word lists read best as compact tables
/**
 * Sentence openings that point back to something said before ("Dabei …", "Er …", "Das ist …").
 * A key point is read on its own, out of context, so sentences that open this way are demoted.
 *
 * Multi-word entries are matched as a prefix of the sentence (case-sensitive, on whole words).
 */
export const DANGLING_OPENERS: readonly string[] = [
  // personal and demonstrative pronouns without a noun
  "Er", "Sie", "Es", "Ihm", "Ihn", "Ihr", "Ihnen", "Dies", "Diese", "Dieses", "Dieser", "Diesen", "Diesem",
  "Jener", "Jene", "Jenes", "Derselbe", "Dieselbe", "Dasselbe", "Letzterer", "Letztere", "Ersterer",
  "Erstere", "Beide", "Beiden", "Dessen", "Deren",
  // pronominal adverbs and connectives that continue an argument
  "Dabei", "Dazu", "Damit", "Dadurch", "Dafür", "Dagegen", "Daher", "Darum", "Darauf", "Daraufhin",
  "Daraus", "Darin", "Davon", "Davor", "Danach", "Daneben", "Darunter", "Darüber hinaus", "Darüber",
  "Deshalb", "Deswegen", "Demnach", "Demzufolge", "Dementsprechend", "Somit", "Folglich", "Hierbei",
  "Hierzu", "Hierfür", "Hiermit", "Außerdem", "Ausserdem", "Zudem", "Ferner", "Weiterhin", "Überdies",
  "Ebenso", "Ebenfalls", "Gleichzeitig", "Zugleich", "Stattdessen", "Trotzdem", "Dennoch", "Allerdings",
  "Jedoch", "Doch", "Aber", "Und", "Oder", "Denn", "Also", "So", "Auch", "Umso", "Zuvor", "Anschließend",
  "Dort", "Da", "Damals", "Indes", "Indessen", "Hinzu kommt", "Nicht zuletzt", "Vor allem", "Vielmehr",
  "Zumal", "Wobei", "Insofern", "Insoweit", "Immerhin", "Schließlich", "Letztlich", "Im Gegenzug",
  "Im Gegenteil", "In diesem Zusammenhang", "In diesem Fall", "Aus diesem Grund", "Vor diesem Hintergrund",
  "Zu diesem Zeitpunkt", "Mit diesem", "Mit dieser", "Nach diesem", "Nach dieser", "Bei diesem",
  "Bei dieser", "Laut ihm", "Laut ihr", "Ihm zufolge", "Ihr zufolge", "Ihnen zufolge",
];

/**
 * "Das", "Die", "Der" are dangling only as pronouns: "Das sei falsch" points back, "Das neue
 * Kabinett beschloss" does not. They count as dangling when a finite verb follows directly.
 */
export const PRONOUN_IF_VERB_NEXT: readonly string[] = ["Das", "Der", "Die", "Den", "Dem", "Was", "Welches"];

/** Finite verbs that follow a demonstrative pronoun at the start of a sentence. */
export const FINITE_VERBS_AFTER_PRONOUN: readonly string[] = [
  "ist", "sei", "war", "wäre", "sind", "seien", "waren", "hat", "habe", "hatte", "hätte", "haben", "hatten",
  "wird", "werde", "wurde", "würde", "werden", "wurden", "kann", "könne", "konnte", "könnte", "muss", "müsse",
  "musste", "soll", "solle", "sollte", "will", "wolle", "wollte", "darf", "dürfe", "dürfte", "zeigt", "zeige",
  "zeigte", "bedeutet", "bedeute", "bedeutete", "gilt", "gelte", "galt", "sagte", "sagt", "erklärte", "betonte",
  "heißt", "hieß", "bleibt", "bleibe", "blieb", "macht", "mache", "machte", "reicht", "reiche", "geht", "gehe",
  "ging", "passt", "klingt", "steht", "stehe", "stand", "sieht", "sehe", "sah", "lässt", "liegt", "liege", "lag",
  "betrifft", "betreffe", "traf", "trifft", "kommt", "komme", "kam", "führt", "führe", "führte", "gab", "gibt",
];

/**
 * "Es" opens many self-contained sentences as an expletive ("Es gibt …", "Es wurde vereinbart …").
 * After these verbs it does not point back.
 */
export const EXPLETIVE_ES_VERBS: readonly string[] = [
  "gibt", "gab", "geht", "ging", "handelt", "handelte", "wurde", "wurden", "werde", "wird", "werden",
  "kam", "kommt", "hieß", "heißt", "bleibt", "blieb", "besteht", "bestand", "fehlt", "fehlte", "fehlen",
  "herrscht", "herrschte", "droht", "drohte", "brauche", "braucht", "sei", "war", "ist", "müsse", "muss",
];
