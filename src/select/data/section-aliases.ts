/**
 * Section names that mean the same desk. A page filed under "Ausland" or "Inland" is a politics
 * story; the keys are the lower-case names editions are made of (config `section`).
 * "Deutschland" and "Welt" are left out on purpose: sites use them for Panorama too.
 */
export const SECTION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  politik: [
    "politik",
    "inland",
    "ausland",
    "innenpolitik",
    "außenpolitik",
    "bundespolitik",
    "landespolitik",
    "weltpolitik",
    "europapolitik",
    "politics",
  ],
  wirtschaft: ["wirtschaft", "finanzen", "börse", "unternehmen", "business"],
  sport: ["sport", "fußball", "bundesliga", "sports"],
  kultur: ["kultur", "feuilleton", "kunst", "musik", "film", "literatur", "culture"],
  panorama: ["panorama", "vermischtes", "aus aller welt", "gesellschaft", "leute"],
  wissen: ["wissen", "wissenschaft", "gesundheit", "forschung", "science"],
};

/**
 * URL path segments that name a section ("/politik/", "/inland/"), mapped to the section name.
 * Only the first path segments are read (see inferSection).
 */
export const URL_SECTION_SEGMENTS: Readonly<Record<string, string>> = {
  politik: "Politik",
  inland: "Politik",
  ausland: "Politik",
  innenpolitik: "Politik",
  aussenpolitik: "Politik",
  außenpolitik: "Politik",
  bundespolitik: "Politik",
  wirtschaft: "Wirtschaft",
  finanzen: "Wirtschaft",
  boerse: "Wirtschaft",
  sport: "Sport",
  fussball: "Sport",
  kultur: "Kultur",
  feuilleton: "Kultur",
  panorama: "Panorama",
  vermischtes: "Panorama",
  wissen: "Wissen",
  wissenschaft: "Wissen",
  gesundheit: "Wissen",
  reise: "Reise",
  auto: "Auto",
  digital: "Digital",
};

/**
 * Section names that say nothing about the desk ("Nachrichten", "Aktuelles"): an article filed
 * there is treated as having no section, so its breadcrumbs, URL or the classifier decide.
 */
export const GENERIC_SECTIONS: readonly string[] = [
  "nachrichten",
  "news",
  "aktuelles",
  "aktuell",
  "meldungen",
  "schlagzeilen",
  "topthemen",
  "top-themen",
  "top themen",
  "startseite",
  "home",
  "alle",
  "artikel",
];
