/**
 * The desk's data: a draft is the machine's proposal for one edition plus the editors' changes,
 * with a version number, a state and the log of every change. See docs/desk.md.
 */
import { z } from "zod";
import { type Edition, IntroSchema, type RankedArticle } from "../types.js";
import { hasControlOrBidi } from "../unsafe-chars.js";

/**
 * Where a draft stands: `proposed` (untouched machine proposal) → `edited` → `approved` | `held`,
 * and `sent` once a send of the approved content (or of the proposal, by the deadline fallback)
 * started. An edit after approval returns it to `edited`.
 */
export type DraftState = "proposed" | "edited" | "approved" | "held" | "sent";

/** The draft key: edition date and section (lower-case), e.g. "2026-11-26/politik". */
export type DraftKey = string;

/** A candidate article of the draft: the ranking, plus whether it arrived after an editor's first edit. */
export interface Candidate extends RankedArticle {
  /** The machine's teaser for the article. */
  teaser: string;
  /** True for an article that appeared after the draft was touched (it never replaces edited text). */
  isNew: boolean;
}

/** Who approved, and the hash of the rendering that was frozen with the approval. */
export interface Approval {
  by: string;
  at: string;
  /** sha256 (hex) of the frozen rendering's stored JSON: what `digest send` verifies. */
  hash: string;
}

/** Who held the edition, and why. */
export interface Hold {
  by: string;
  at: string;
  reason: string;
}

/** The deadline fallback, once applied (required mode, nothing approved or held by the deadline). */
export interface FallbackRecord {
  action: "skip" | "send-proposal";
  at: string;
}

/** A draft as the store keeps it. */
export interface StoredDraft {
  key: DraftKey;
  date: string;
  section: string;
  version: number;
  state: DraftState;
  /** The machine's edition, rebuilt from the inputs while the draft is untouched. */
  proposal: Edition;
  /** The edition as it stands now (the proposal until an editor saves). */
  edition: Edition;
  candidates: Candidate[];
  /** sha256 of the parsed inputs the proposal was built from: a change rebuilds an untouched draft. */
  inputsHash: string;
  approved: Approval | null;
  /** The approved rendering (a RenderedEdition as JSON), kept byte for byte; null unless approved. */
  frozen: string | null;
  held: Hold | null;
  fallback: FallbackRecord | null;
  /** When a send of this draft's content started, and the ledger's edition key. */
  sent: { at: string; editionKey: string } | null;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** One recorded change: who, when, which field, before and after (null = absent). */
export interface DraftChange {
  /** The version the change produced. */
  version: number;
  at: string;
  /** An editor id, or "digest" for the machine (proposal rebuilt, sent, deadline fallback). */
  by: string;
  /** `subject`, `preheader`, `intro`, `top`, `more`, `stories[<id>].teaser`, `stories[<id>].keyPoints[<i>]`, `state`, `proposal`. */
  field: string;
  before: string | null;
  after: string | null;
}

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
  intro: IntroSchema.nullable().optional(),
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
