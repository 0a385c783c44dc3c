/**
 * Every German word and phrase the text-format parser recognises, in one table. The parser code
 * holds no German; to teach it a new boilerplate line, agency or month spelling, add it here.
 * All comparisons are case-insensitive and run on normalised text (NFC, plain spaces).
 */
export const MARKERS = {
  /** First breadcrumb items that stand for the home page, not a section. */
  homeCrumbs: ["Startseite", "Home", "Start", "Homepage"],
  /** Separators of a one-line breadcrumb ("Startseite › Politik › Ausland"). */
  breadcrumbSeparators: ["›", "»", ">", "/", "|", "→"],

  /** Labels of the creation date ("Erstellt: 15.06.2022, 14:03 Uhr"). */
  publishedLabels: ["Erstellt", "Veröffentlicht", "Veröffentlicht am", "Publiziert", "Datum"],
  /** Labels of the last update ("Aktualisiert: …", "Stand: 14.03.2024, 13:10 Uhr"). */
  updatedLabels: ["Aktualisiert", "Zuletzt aktualisiert", "Aktualisiert am", "Stand", "Geändert"],
  /** Words between date and time: "15.06.2022 um 14:03 Uhr". */
  timeJoiners: ["um"],
  /** The word after a clock time. */
  clockSuffix: "Uhr",

  /** Byline labels; the label with a colon is unambiguous anywhere, without only in the header. */
  bylineLabels: [
    "Von",
    "Autor",
    "Autorin",
    "Autoren",
    "Ein Artikel von",
    "Eine Analyse von",
    "Ein Kommentar von",
  ],
  /** Words that join the last author: "A, B und C". */
  authorJoiners: ["und", "sowie", "&"],
  /** Words that introduce agencies after the authors: "Von: A, B mit dpa". */
  agencyIntros: ["mit Material von", "mit Material der", "mit Material aus", "mit", "nach Material von"],
  /** Filler before agency names: "mit Material der Nachrichtenagenturen dpa und AFP". */
  agencyFillers: ["Nachrichtenagenturen", "Nachrichtenagentur", "Agenturen", "Agentur"],
  /** News agencies, as printed. A byline entry (or a dateline's "(dpa)") matching one is an agency. */
  agencies: [
    "dpa",
    "dpa-AFX",
    "AFP",
    "Reuters",
    "AP",
    "epd",
    "KNA",
    "dts",
    "SID",
    "AFX",
    "APA",
    "sda",
    "ANSA",
    "Bloomberg",
    "Xinhua",
    "Interfax",
    "dpa/lno",
    "dpa/lby",
    "dpa/lnw",
    "dpa/lhe",
    "dpa/lsw",
  ],

  /**
   * Whole lines that are page furniture (share/print/comment buttons, section links). Glued
   * combinations such as "KommentareDrucken" are recognised by concatenating these words.
   */
  boilerplateLines: [
    "Kommentare",
    "Kommentar",
    "Kommentieren",
    "Drucken",
    "Teilen",
    "Artikel teilen",
    "Merken",
    "Speichern",
    "Vorlesen",
    "Artikel anhören",
    "Feedback",
    "Fehler melden",
    "Zur Startseite",
    "Zurück",
    "Weiterlesen",
    "Mehr anzeigen",
    "Facebook",
    "Twitter",
    "X",
    "WhatsApp",
    "E-Mail",
    "Mail",
    "Link kopieren",
    "Anzeige",
  ],
  /** Separators that may stand between glued furniture words: "Teilen | Drucken". */
  gluedSeparators: ["|", "•", "·", "/", ","],

  /**
   * Lines that announce a block of teasers to other articles. The marker line and the lines
   * directly below it (up to the next blank line) are dropped.
   */
  teaserBlockMarkers: [
    "Auch interessant",
    "Mehr zum Thema",
    "Lesen Sie auch",
    "Das könnte Sie auch interessieren",
    "Empfehlungen der Redaktion",
    "Weitere Artikel",
    "Mehr aus Politik",
    "Meistgelesen",
  ],
  /** Lines that open a publisher's promo block; dropped together with the rest of their block. */
  promoBlockMarkers: [
    "Verlagsangebot",
    "ePaper",
    "Abo-Angebot",
    "Sonderangebot",
    "Unser Angebot",
    "Jetzt abonnieren",
  ],
  /**
   * Phrases that make a whole line a promo (newsletter sign-up, subscription pitch), wherever it
   * stands. "Das Wichtigste aus der Politik: … jetzt kostenlos anmelden." is the seed's.
   */
  promoPhrases: [
    "kostenlos anmelden",
    "jetzt anmelden",
    "newsletter abonnieren",
    "zum newsletter",
    "newsletter anmelden",
    "jetzt abonnieren",
    "jetzt testen",
    "jetzt kostenlos",
    "hier anmelden",
    "hier geht es zum",
    "hier geht's zum",
    "folgen sie uns",
    "epaper lesen",
    "im epaper",
    "zum epaper",
    "abo abschließen",
    "verlagsangebot",
  ],
  /** Lines from which on everything is page furniture. */
  endMarkers: ["Rubriklistenbild", "Zur Startseite", "Weitere Nachrichten aus", "Nächster Artikel"],

  /** What introduces a photo credit inside a caption line. */
  creditMarkers: ["©", "(c)", "Foto:", "Fotos:", "Bild:", "Bildquelle:", "Quelle:"],
  /** Caption endings that mark a line as a caption even without a credit line. */
  captionSuffixes: ["(Archivfoto)", "(Archivbild)", "(Symbolbild)", "(Symbolfoto)", "(Illustration)"],

  /** First words that rule out a dateline: "Die USA – und nicht China – …" is a sentence. */
  datelineNonPlaces: [
    "Der",
    "Die",
    "Das",
    "Ein",
    "Eine",
    "Und",
    "Aber",
    "Doch",
    "Auch",
    "Es",
    "Er",
    "Sie",
    "Wir",
    "Ich",
    "Was",
    "Wer",
    "Wie",
    "Dann",
    "Nun",
    "So",
  ],
  /** Lower-case words allowed inside a place name: "Frankfurt am Main", "Halle an der Saale". */
  datelineConnectors: ["am", "an", "der", "im", "in", "bei", "ob", "vor", "upon", "de"],

  /** Live-ticker entry headers: "Update vom 14. März, 13.10 Uhr:", "Update von 13.10 Uhr:". */
  tickerUpdateLabels: [
    "Update vom",
    "Update von",
    "Update am",
    "Update",
    "Aktualisierung vom",
    "Aktualisierung",
  ],
  /** Prepositions that may still stand before a ticker entry's date ("Update, vom 14. März"). */
  tickerDatePrepositions: ["vom", "von", "am"],

  /** Month names and abbreviations → month number. */
  months: {
    januar: 1,
    jänner: 1,
    jan: 1,
    februar: 2,
    feb: 2,
    märz: 3,
    maerz: 3,
    mär: 3,
    mrz: 3,
    april: 4,
    apr: 4,
    mai: 5,
    juni: 6,
    jun: 6,
    juli: 7,
    jul: 7,
    august: 8,
    aug: 8,
    september: 9,
    sept: 9,
    sep: 9,
    oktober: 10,
    okt: 10,
    november: 11,
    nov: 11,
    dezember: 12,
    dez: 12,
  } as Readonly<Record<string, number>>,
  /** Weekdays that may precede a date ("Mittwoch, 15.06.2022"). */
  weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Sonnabend"],
} as const;

/** The time zone German newsroom dates without an offset are in. */
export const NEWSROOM_TIME_ZONE = "Europe/Berlin";
