// biome-ignore-all format: word lists read best as compact tables
/**
 * Words that attribute a quotation to a speaker ("…“, sagte Scholz.", "so der Kanzler",
 * "erklärte der Kreml"). A sentence that is a bare quotation with none of them is a quote without
 * a speaker and is demoted as a key point.
 */
export const SPEECH_VERBS: readonly string[] = [
  "sagte", "sagt", "sagten", "sagen", "gesagt", "erklärte", "erklärt", "erklärten", "betonte", "betont",
  "betonten", "sprach", "meinte", "meint", "fügte", "ergänzte", "ergänzt", "warnte", "warnt", "warnten",
  "kritisierte", "kritisiert", "forderte", "fordert", "forderten", "kündigte", "versprach", "verspricht",
  "räumte", "gab", "bekräftigte", "unterstrich", "stellte", "teilte", "mitteilte", "berichtete",
  "berichtet", "schrieb", "schreibt", "twitterte", "postete", "zitierte", "zitiert", "hieß", "heißt",
  "antwortete", "entgegnete", "sagte", "rief", "mahnte", "appellierte", "bestätigte", "bestätigt",
  "dementierte", "verkündete", "verkündet", "argumentierte", "behauptete", "behauptet", "klagte",
  "beklagte", "lobte", "kommentierte", "resümierte", "bilanzierte", "erläuterte", "urteilte", "räumt",
  "verteidigte", "bekannte", "gestand", "drohte", "droht", "insistierte", "unterstrich", "sagt",
  "zufolge", "laut", "so",
];
