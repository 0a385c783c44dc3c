import { createHash } from "node:crypto";
import type { Config } from "../config/index.js";
import { type BuiltEdition, storyOf } from "../pipeline.js";
import { diffEditions } from "./diff-editions.js";
import {
  type Candidate,
  type CandidateView,
  type DraftChange,
  type DraftKey,
  type DraftView,
  MACHINE,
  type StoredDraft,
} from "./draft.js";
import { findSourceSentence } from "./find-source-sentence.js";

/**
 * What opening a draft does with freshly built inputs (pure):
 * - no draft yet: the proposal becomes version 1, state `proposed`;
 * - inputs unchanged: nothing;
 * - untouched (`proposed`): the proposal is rebuilt; the version goes up when the edition changed
 *   (a save started from the old version then conflicts and shows the machine's changes);
 * - touched: the edited text stays; new articles only join the candidates (`isNew`).
 * `write` is null when nothing is to be stored, else the log entries to append.
 *
 * @example
 * const { draft, write } = refreshDraft({ stored: null, built, config, key, at });
 * draft.state; // "proposed"
 */
export function refreshDraft(input: {
  stored: StoredDraft | null;
  built: Pick<BuiltEdition, "edition" | "selection">;
  config: Config;
  key: DraftKey;
  at: string;
}): { draft: StoredDraft; write: DraftChange[] | null } {
  const { stored, built, config, at } = input;
  const inputsHash = createHash("sha256")
    .update(JSON.stringify({ edition: built.edition, ranked: built.selection.ranked }))
    .digest("hex");
  const ranked = built.selection.ranked.map(
    (r): Candidate => ({ ...r, teaser: storyOf(r.article, "more", config).teaser, isNew: false }),
  );
  if (stored === null) {
    const draft: StoredDraft = {
      key: input.key,
      date: built.edition.date,
      section: built.edition.section,
      version: 1,
      state: "proposed",
      proposal: built.edition,
      edition: built.edition,
      candidates: ranked,
      inputsHash,
      approved: null,
      frozen: null,
      held: null,
      fallback: null,
      sent: null,
      createdAt: at,
      updatedBy: MACHINE,
      updatedAt: at,
    };
    return {
      draft,
      write: [{ version: 1, at, by: MACHINE, field: "state", before: null, after: "proposed" }],
    };
  }
  if (stored.inputsHash === inputsHash) return { draft: stored, write: null };
  if (stored.state === "proposed") {
    const fields = diffEditions(stored.edition, built.edition);
    const version = fields.length > 0 ? stored.version + 1 : stored.version;
    const draft: StoredDraft = {
      ...stored,
      version,
      proposal: built.edition,
      edition: built.edition,
      candidates: ranked,
      inputsHash,
      updatedBy: MACHINE,
      updatedAt: at,
    };
    return { draft, write: fields.map((f) => ({ ...f, version, at, by: MACHINE })) };
  }
  // Touched: the edition and the proposal stay as they are; the candidates are brought up to date.
  const known = new Map(stored.candidates.map((c) => [c.article.id, c]));
  const current = ranked.map((c) => ({ ...c, isNew: known.get(c.article.id)?.isNew ?? true }));
  const ids = new Set(current.map((c) => c.article.id));
  // Articles gone from the inputs stay candidates: the edition may carry them.
  const gone = stored.candidates.filter((c) => !ids.has(c.article.id));
  return { draft: { ...stored, candidates: [...current, ...gone], inputsHash }, write: [] };
}

/**
 * The draft as `digest review show --json` prints it and the desk reads it (pure).
 *
 * @example
 * toDraftView(draft).sources[draft.edition.stories[0].id]; // ["Der Kanzler sagte …", null, …]
 */
export function toDraftView(draft: StoredDraft): DraftView {
  const articles = new Map(draft.candidates.map((c) => [c.article.id, c.article]));
  const positions = new Map(draft.edition.stories.map((story, index) => [story.id, index]));
  const sources: Record<string, (string | null)[]> = {};
  for (const story of draft.edition.stories) {
    const article = articles.get(story.id);
    sources[story.id] = story.keyPoints.map((point) => (article ? findSourceSentence(article, point) : null));
  }
  return {
    key: draft.key,
    date: draft.date,
    section: draft.section,
    version: draft.version,
    state: draft.state,
    edition: draft.edition,
    proposal: draft.proposal,
    candidates: draft.candidates.map(
      (c): CandidateView => ({
        id: c.article.id,
        rank: c.rank,
        headline: c.article.headline,
        kicker: c.article.kicker,
        section: c.article.section,
        source: c.article.source,
        url: c.article.url,
        published: c.article.published,
        updated: c.article.updated,
        teaser: c.teaser,
        position: positions.get(c.article.id) ?? null,
        isNew: c.isNew,
        signals: c.signals,
        reasons: c.reasons,
      }),
    ),
    sources,
    approved: draft.approved,
    held: draft.held,
    fallback: draft.fallback,
    sent: draft.sent,
    createdAt: draft.createdAt,
    updatedBy: draft.updatedBy,
    updatedAt: draft.updatedAt,
  };
}
