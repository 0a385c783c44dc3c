/**
 * The German wording of the reader-facing pages of `digest web`, kept as data (house rule:
 * German lives in tables, not scattered through code). `{brand}` is replaced by the brand name.
 */
export const WEB_TEXTS = {
  confirmTitle: "Newsletter abbestellen",
  confirmLead: "Möchten Sie „{brand}“ nicht mehr erhalten?",
  confirmAddress: "Abmelden wird die Adresse",
  confirmButton: "Abmelden",
  confirmNote:
    "Sie erhalten danach keine weiteren Ausgaben. Sie können das gleich auf der nächsten Seite rückgängig machen.",
  doneTitle: "Abgemeldet",
  doneLead: "Sie erhalten „{brand}“ nicht mehr.",
  doneUndoLead: "Versehentlich abgemeldet?",
  undoButton: "Rückgängig machen",
  undoneTitle: "Wieder angemeldet",
  undoneLead: "Sie erhalten „{brand}“ wieder, ab der nächsten Ausgabe.",
  undoBlocked:
    "Diese Adresse wurde nicht über diesen Link abgemeldet. Bitte wenden Sie sich an die Redaktion, um den Newsletter wieder zu erhalten.",
  invalidTitle: "Ungültiger Link",
  invalidLead:
    "Dieser Abmeldelink ist ungültig oder unvollständig. Bitte nutzen Sie den Link „Abmelden“ am Ende einer Ausgabe, genau wie er in der E-Mail steht.",
  noTokenTitle: "Newsletter abbestellen",
  noTokenLead:
    "Um sich abzumelden, nutzen Sie bitte den Link „Abmelden“ am Ende einer Ausgabe, die Sie per E-Mail erhalten haben.",
  notFoundTitle: "Nicht gefunden",
  notFoundLead: "Diese Seite gibt es nicht.",
  tooManyTitle: "Zu viele Anfragen",
  tooManyLead: "Bitte versuchen Sie es in einer Minute noch einmal.",
  errorTitle: "Fehler",
  errorLead: "Das hat leider nicht geklappt. Bitte versuchen Sie es später noch einmal.",
  archiveTitle: "Alle Ausgaben",
  archiveEmpty: "Noch keine Ausgabe verschickt.",
  feedLink: "Atom-Feed",
} as const;

/**
 * A text with `{brand}` filled in (plain text; the page escapes it).
 *
 * @example
 * webText("doneLead", "Morgenlage"); // "Sie erhalten „Morgenlage“ nicht mehr."
 */
export function webText(key: keyof typeof WEB_TEXTS, brand: string): string {
  return WEB_TEXTS[key].replaceAll("{brand}", brand);
}
