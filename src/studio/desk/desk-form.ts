/**
 * The desk form and the draft (pure): the form's values of a draft, the draft edit a posted form
 * makes, and the three-way merge that keeps an editor's work when another editor saved first.
 */
import type { DraftView, EditableEdition } from "../../review/index.js";
import type { KeyPoint } from "../../types.js";
import type { DeskFormValues, DeskPoint } from "./desk-view.js";

/** A posted desk form, read. */
export interface PostedDeskForm {
  version: number | null;
  values: DeskFormValues;
  /** The values the page was rendered with (null when missing or unreadable). */
  base: DeskFormValues | null;
  /** An editor's new key point, or "". */
  newPoint: string;
}

/**
 * The form's values for a draft: its current edition's fields; the signature falls back to the
 * signed-in editor's configured one.
 *
 * @example
 * formValuesOf(draft, { signature: "Chefin vom Dienst" }).points[1].source; // the article's sentence
 */
export function formValuesOf(draft: DraftView, editor: { signature: string | null }): DeskFormValues {
  const { edition } = draft;
  const top = edition.stories[0];
  const sources = top ? (draft.sources[top.id] ?? []) : [];
  return {
    subject: edition.subject,
    preheader: edition.preheader,
    intro: edition.intro?.text ?? "",
    signature: edition.intro ? (edition.intro.signature ?? "") : (editor.signature ?? ""),
    top: top?.id ?? "",
    more: edition.stories.slice(1).map((story) => story.id),
    teaser: top?.teaser ?? "",
    points: (top?.keyPoints ?? []).map((point, index) => ({
      text: point.text,
      ref: refOf(point),
      source: sources[index] ?? null,
    })),
  };
}

/**
 * Reads a posted desk form. Text is folded to one line (line breaks become spaces): every field of
 * the email is one paragraph, and the service refuses control characters.
 *
 * @example
 * const posted = parseDeskForm(form); // { version: 3, values, base, newPoint }
 */
export function parseDeskForm(form: URLSearchParams): PostedDeskForm {
  const line = (name: string) => oneLine(form.get(name) ?? "");
  const candidates: { id: string; position: number; index: number }[] = [];
  const count = boundedCount(form.get("candidates"));
  for (let index = 0; index < count; index += 1) {
    const id = form.get(`c${index}`);
    const position = Number(form.get(`c${index}.pos`) ?? "");
    if (id && (form.get(`c${index}.pos`) ?? "").trim() !== "" && Number.isFinite(position)) {
      candidates.push({ id, position, index });
    }
  }
  const top = form.get("top") ?? "";
  const more = candidates
    .filter((candidate) => candidate.id !== top)
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map((candidate) => candidate.id);
  const points: DeskPoint[] = [];
  for (let index = 0; index < boundedCount(form.get("points")); index += 1) {
    const text = line(`p${index}`);
    if (text === "" || form.get(`p${index}.remove`) !== null) continue;
    points.push({ text, ref: form.get(`p${index}.ref`) ?? "w", source: null });
  }
  const version = Number(form.get("version"));
  return {
    version: Number.isInteger(version) && version > 0 ? version : null,
    values: {
      subject: line("subject"),
      preheader: line("preheader"),
      intro: line("intro"),
      signature: line("signature"),
      top,
      more,
      teaser: line("teaser"),
      points,
    },
    base: parseBase(form.get("base")),
    newPoint: line("new0"),
  };
}

/**
 * The edit a form makes to the draft it was rendered from. A new top story brings its own teaser
 * and key points (the machine's); an unchanged intro keeps its author, a changed one is signed by
 * the editor who saves it.
 *
 * @example
 * desk.saveDraft(date, toEditable(posted, current, { name: "Anna Schmidt" }), { by: "anna", version });
 */
export function toEditable(
  posted: PostedDeskForm,
  current: DraftView,
  editor: { name: string },
): EditableEdition {
  const { values } = posted;
  const currentTop = current.edition.stories[0];
  const topChanged = values.top !== currentTop?.id;
  // What the summarizer left out of a point's source sentence (KeyPoint.removed) stays with the point.
  const removedByRef = new Map(
    (currentTop?.keyPoints ?? []).flatMap((point) =>
      point.removed ? [[refOf(point), point.removed] as const] : [],
    ),
  );
  const keyPoints = values.points.map((point) => {
    const position = positionOf(point.ref);
    const removed = "written" in position ? undefined : removedByRef.get(point.ref);
    return { text: point.text, ...position, ...(removed ? { removed } : {}) };
  });
  if (posted.newPoint !== "") keyPoints.push({ text: posted.newPoint, written: true });
  const top = topChanged ? { id: values.top } : { id: values.top, teaser: values.teaser, keyPoints };
  const introNow = current.edition.intro ?? null;
  const sameIntro =
    introNow !== null && introNow.text === values.intro && (introNow.signature ?? "") === values.signature;
  const intro =
    values.intro === ""
      ? null
      : sameIntro
        ? introNow
        : {
            text: values.intro,
            editor: editor.name,
            signature: values.signature === "" ? null : values.signature,
          };
  return {
    subject: values.subject,
    preheader: values.preheader,
    intro,
    stories: [top, ...values.more.map((id) => ({ id }))],
  };
}

/** A field both editors changed: this editor's value stays in the form, the other's is shown. */
export interface DeskClash {
  field: string;
  mine: string;
  theirs: string;
}

/**
 * Three-way merge after a stale save: fields this editor left alone take the other editor's
 * value, fields only this editor changed keep theirs, and a field both changed keeps this
 * editor's value and is reported. Without a base every differing field counts as changed by both.
 *
 * @example
 * mergeDeskValues(base, mine, theirs); // { values, clashes: [{ field: "Betreff", mine, theirs }] }
 */
export function mergeDeskValues(
  base: DeskFormValues | null,
  mine: DeskFormValues,
  theirs: DeskFormValues,
): { values: DeskFormValues; clashes: DeskClash[] } {
  const clashes: DeskClash[] = [];
  const pick = (field: string, of: (values: DeskFormValues) => string): "mine" | "theirs" => {
    const m = of(mine);
    const t = of(theirs);
    if (m === t) return "theirs";
    if (base !== null && m === of(base)) return "theirs";
    if (base !== null && t === of(base)) return "mine";
    clashes.push({ field, mine: m, theirs: t });
    return "mine";
  };
  const side = (choice: "mine" | "theirs") => (choice === "mine" ? mine : theirs);
  const story = pick("Topgeschichte", (v) => v.top);
  const storyValues = side(story);
  const sameStory = mine.top === theirs.top && (base === null || base.top === mine.top);
  const points = sameStory
    ? side(pick("Kernpunkte", (v) => v.points.map((p) => `${p.ref}\u0000${p.text}`).join("\u0001"))).points
    : storyValues.points;
  const sources = new Map(theirs.points.map((point) => [point.ref, point.source]));
  return {
    values: {
      subject: side(pick("Betreff", (v) => v.subject)).subject,
      preheader: side(pick("Vorschauzeile", (v) => v.preheader)).preheader,
      intro: side(pick("Einleitung", (v) => v.intro)).intro,
      signature: side(pick("Signaturzeile", (v) => v.signature)).signature,
      top: storyValues.top,
      more: side(pick("Weitere Meldungen", (v) => v.more.join(" | "))).more,
      teaser: sameStory ? side(pick("Teaser", (v) => v.teaser)).teaser : storyValues.teaser,
      points: points.map((point) => ({ ...point, source: sources.get(point.ref) ?? point.source })),
    },
    clashes,
  };
}

/** `12.3` for paragraph 12, sentence 3; `u1.2.0` inside ticker update 1; `w` for a written point. */
function refOf(point: KeyPoint): string {
  if (point.written) return "w";
  const at = `${point.paragraph}.${point.sentence}`;
  return point.update === undefined ? at : `u${point.update}.${at}`;
}

function positionOf(
  ref: string,
): { paragraph: number; sentence: number; update?: number } | { written: true } {
  const match = /^(?:u(\d{1,4})\.)?(\d{1,5})\.(\d{1,5})$/.exec(ref);
  if (!match) return { written: true };
  const position = { paragraph: Number(match[2]), sentence: Number(match[3]) };
  return match[1] === undefined ? position : { ...position, update: Number(match[1]) };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A count field, bounded: a forged form cannot make the server loop. */
function boundedCount(value: string | null): number {
  const count = Number(value);
  return Number.isInteger(count) && count > 0 ? Math.min(count, 200) : 0;
}

function parseBase(value: string | null): DeskFormValues | null {
  if (!value) return null;
  try {
    const base = JSON.parse(value) as DeskFormValues;
    const strings = [base.subject, base.preheader, base.intro, base.signature, base.top, base.teaser];
    if (strings.some((item) => typeof item !== "string")) return null;
    if (!Array.isArray(base.more) || !base.more.every((id) => typeof id === "string")) return null;
    if (!Array.isArray(base.points)) return null;
    const points = base.points.map((point) => ({
      text: String(point?.text ?? ""),
      ref: String(point?.ref ?? "w"),
      source: null,
    }));
    return { ...base, points };
  } catch {
    return null;
  }
}
