import type { CandidateView } from "../../review/index.js";

/** Where the section came from, in the desk's German. */
const SECTION_SOURCES: Record<string, string> = {
  article: "Ressort aus dem Artikel",
  breadcrumb: "Ressort aus der Navigation",
  url: "Ressort aus der Adresse",
  classifier: "Ressort vom Klassifikator erkannt",
};

/** The select stage's deciding signals (English, as `--debug` prints them) in German. */
const DECIDING: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /^a summary only, the one above is full text$/,
    () => "nur Zusammenfassung, der Artikel darüber ist Volltext",
  ],
  [/^fewer inputs carried it \((\d+) vs (\d+)\)$/, (m) => `in weniger Quellen (${m[1]} gegen ${m[2]})`],
  [/^weaker section signal \((\w+) vs (\w+)\)$/, (m) => `schwächeres Ressort-Signal (${m[1]} gegen ${m[2]})`],
  [/^undated$/, () => "ohne Datum"],
  [/^older$/, () => "älter"],
  [/^shorter body text$/, () => "kürzerer Text"],
  [/^equal on every signal; ordered by id$/, () => "in allem gleich; nach Kennung geordnet"],
];

/**
 * Why a candidate ranked where it did, in German: the deciding signal against the one above it,
 * then its signals (full text, how many inputs carried it, where its section came from, its time,
 * its length). An unknown reason is shown as the select stage wrote it.
 *
 * @example
 * explainRank(candidate); // ["unter #1: älter", "Volltext", "in 1 Quelle", …]
 */
export function explainRank(candidate: Pick<CandidateView, "reasons" | "signals">): string[] {
  const first = candidate.reasons[0] ?? "";
  const below = /^below #(\d+): (.*)$/.exec(first);
  let ranking = first === "ranked first" ? "Platz 1 der Maschine" : first;
  if (below) {
    const rule = DECIDING.find(([pattern]) => pattern.test(below[2] ?? ""));
    const match = rule ? rule[0].exec(below[2] ?? "") : null;
    ranking = `unter #${below[1]}: ${rule && match ? rule[1](match) : below[2]}`;
  }
  const { signals } = candidate;
  return [
    ranking,
    signals.fullText ? "Volltext" : "nur Zusammenfassung (Feed)",
    `in ${signals.coverage} ${signals.coverage === 1 ? "Quelle" : "Quellen"}`,
    SECTION_SOURCES[signals.sectionSource] ?? `Ressort: ${signals.sectionSource}`,
    signals.time === null ? "ohne Datum" : `Stand ${formatUtc(signals.time)}`,
    `${String(signals.bodyChars).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} Zeichen Text`,
  ].filter((reason) => reason !== "");
}

function formatUtc(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]} ${match[4]} UTC` : iso;
}

/** The log's field names (`subject`, `stories[<id>].keyPoints[1]` …) in the desk's German. */
const FIELD_LABELS: Record<string, string> = {
  subject: "Betreff",
  preheader: "Vorschauzeile",
  intro: "Einleitung",
  top: "Topgeschichte",
  more: "Weitere Meldungen",
  state: "Status",
  proposal: "Vorschlag der Maschine",
};

/** The draft states in the desk's German (the log's `state` values start with one). */
export const STATE_LABELS: Record<string, string> = {
  proposed: "Vorschlag",
  edited: "bearbeitet",
  approved: "freigegeben",
  held: "zurückgehalten",
  sent: "verschickt",
};

/**
 * A logged change's field in German, naming the story by its headline.
 *
 * @example
 * labelField("stories[58da].keyPoints[1]", (id) => "Koalition einigt sich …"); // "Kernpunkt 2 · Koalition einigt sich …"
 */
export function labelField(field: string, headlineOf: (id: string) => string | null): string {
  const story = /^stories\[([^\]]+)\]\.(teaser|keyPoints\[(\d+)\])$/.exec(field);
  if (!story) return FIELD_LABELS[field] ?? field;
  const what = story[2] === "teaser" ? "Teaser" : `Kernpunkt ${Number(story[3]) + 1}`;
  const headline = headlineOf(story[1] ?? "");
  return headline === null ? what : `${what} · ${headline}`;
}

/**
 * A logged value in German where it is a state (`approved`, `held: Faktencheck`); other values as they are.
 *
 * @example
 * labelValue("state", "held: Faktencheck läuft"); // "zurückgehalten: Faktencheck läuft"
 */
export function labelValue(field: string, value: string): string {
  if (field !== "state") return value;
  const [state = "", ...rest] = value.split(": ");
  const label = STATE_LABELS[state] ?? state;
  return rest.length > 0 ? `${label}: ${rest.join(": ")}` : label;
}
