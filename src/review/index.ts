/**
 * The desk (I/O at the edges): drafts of an edition, the editors' changes and their log, approval
 * with a frozen rendering, holds, and what required review means for a send. `digest review …`,
 * the studio's desk, `digest send` and the scheduler go through this module. See docs/desk.md.
 */

export type { DraftStore } from "../deliver/index.js";
export { applyEdits } from "./apply-edits.js";
export {
  type ApproveResult,
  checkEditor,
  createDesk,
  type Desk,
  type DeskOptions,
  type DraftConflict,
  type DraftRendering,
  hashRendering,
  type SaveResult,
} from "./create-desk.js";
export { decideReview, type ReviewDecision } from "./decide-review.js";
export { describeConflict } from "./describe-conflict.js";
export { diffEditions, type FieldChange, formatIntro } from "./diff-editions.js";
export {
  type Approval,
  type Candidate,
  type CandidateView,
  type DraftChange,
  type DraftKey,
  type DraftState,
  type DraftView,
  draftKeyOf,
  type EditableEdition,
  EditableEditionSchema,
  type FallbackRecord,
  type Hold,
  MACHINE,
  type StoredDraft,
} from "./draft.js";
export { findSourceSentence } from "./find-source-sentence.js";
export { refreshDraft, toDraftView } from "./refresh-draft.js";
export {
  describeIgnoredDraft,
  markDraftSent,
  type ReviewedContent,
  resolveReviewedContent,
} from "./resolve-reviewed-content.js";
