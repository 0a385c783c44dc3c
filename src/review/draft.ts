/**
 * The desk's data: a draft is the machine's proposal for one edition plus the editors' changes,
 * with a version number, a state and the log of every change. See docs/desk.md.
 */
import { z } from "zod";
import type { Approval, DraftKey, DraftState, FallbackRecord, Hold } from "../deliver/index.js";
import type { Edition, RankedArticle } from "../types.js";
import { hasControlOrBidi } from "../unsafe-chars.js";

export type {
  Approval,
  Candidate,
  DraftChange,
  DraftKey,
  DraftState,
  FallbackRecord,
  Hold,
  StoredDraft,
} from "../deliver/index.js";

/** The author of machine changes in the log. */
export const MACHINE = "digest";

/** Limits on what an editor may write (the gate judges subject and preheader lengths on top). */
export const MAX_SUBJECT_INPUT_CHARS = 300;
export const MAX_PREHEADER_INPUT_CHARS = 500;
export const MAX_TEASER_INPUT_CHARS = 2000;
export const MAX_KEY_POINT_INPUT_CHARS = 1000;
export const MAX_KEY_POINTS = 10;
export const MAX_REASON_CHARS = 500;

const SAFE_TEXT = "must not hold control or bidi characters (line breaks, tabs, U+202E …)";
const safe = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !hasControlOrBidi(value), SAFE_TEXT);

/** A key point as an editor sends it: with its source position, or `written` (no source). */
export const EditableKeyPointSchema = z.strictObject({
  text: safe(MAX_KEY_POINT_INPUT_CHARS).min(1),
  paragraph: z.number().int().min(0).optional(),
  sentence: z.number().int().min(0).optional(),
  update: z.number().int().min(0).optional(),
  written: z.literal(true).optional(),
  /** As `review show --json` prints it (KeyPoint.removed); kept with a point that has a source. */
  removed: z.array(z.string().max(MAX_KEY_POINT_INPUT_CHARS)).max(20).optional(),
});

/**
 * A story as an editor sends it. `id` names a candidate; teaser and key points default to the
 * machine's for that article. The other Story fields may be present (the shape `review show
 * --json` prints) but must equal the article's: headlines and bylines are not edited at the desk.
 */
export const EditableStorySchema = z.looseObject({
  id: z.string().min(1),
  teaser: safe(MAX_TEASER_INPUT_CHARS).optional(),
  keyPoints: z.array(EditableKeyPointSchema).max(MAX_KEY_POINTS).optional(),
});

/** The editable fields of an edition; the order of `stories` decides: stories[0] is the top story. */
export const EditableEditionSchema = z.looseObject({
  subject: safe(MAX_SUBJECT_INPUT_CHARS).min(1),
  preheader: safe(MAX_PREHEADER_INPUT_CHARS),
  // IntroSchema (types.ts) with the same limits, and no control or bidi characters.
  intro: z
    .strictObject({
      text: safe(1000).min(1),
      editor: safe(100).min(1),
      signature: safe(200).nullable(),
    })
    .nullable()
    .optional(),
  stories: z.array(EditableStorySchema).min(1).max(21),
});
export type EditableEdition = z.infer<typeof EditableEditionSchema>;

/** A candidate as the desk shows it (no article body). */
export interface CandidateView {
  id: string;
  rank: number;
  headline: string;
  kicker: string | null;
  section: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  updated: string | null;
  /** The machine's teaser for it, so an editor can judge a candidate before picking it. */
  teaser: string;
  /** Where it stands in the current edition: 0 = top story, 1… = further headlines, null = not in it. */
  position: number | null;
  isNew: boolean;
  signals: RankedArticle["signals"];
  reasons: string[];
}

/** What `digest review show --json` prints and the studio's desk reads. */
export interface DraftView {
  key: DraftKey;
  date: string;
  section: string;
  version: number;
  state: DraftState;
  /** The current edition: send `edition` (changed) back to `digest review edit`. */
  edition: Edition;
  proposal: Edition;
  candidates: CandidateView[];
  /** For each story id of `edition`, the source sentence of each key point (null = written by an editor). */
  sources: Record<string, (string | null)[]>;
  approved: Approval | null;
  held: Hold | null;
  fallback: FallbackRecord | null;
  sent: { at: string; editionKey: string } | null;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/**
 * The draft key of a date and section.
 *
 * @example
 * draftKeyOf({ date: "2026-11-26", section: "Politik" }); // "2026-11-26/politik"
 */
export function draftKeyOf(parts: { date: string; section: string }): DraftKey {
  return `${parts.date}/${parts.section.toLowerCase()}`;
}
