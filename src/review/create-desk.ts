import { createHash } from "node:crypto";
import type { CheckReport } from "../check/index.js";
import type { Config } from "../config/index.js";
import type { DraftStore } from "../deliver/index.js";
import { composeSampleMessage } from "../deliver/index.js";
import { DigestError, isDigestError } from "../errors.js";
import { createRenderer, type Renderer, readEdition, runEdition } from "../pipeline.js";
import type { RenderedEdition, RenderedEmail } from "../types.js";
import { hasControlOrBidi, quoteLogValue } from "../unsafe-chars.js";
import { applyEdits } from "./apply-edits.js";
import { diffEditions } from "./diff-editions.js";
import {
  type DraftChange,
  type DraftView,
  draftKeyOf,
  type EditableEdition,
  MACHINE,
  MAX_REASON_CHARS,
  type StoredDraft,
} from "./draft.js";
import { refreshDraft, toDraftView } from "./refresh-draft.js";

export interface DeskOptions {
  config: Config;
  /** Folder the config's relative paths (inputs) are resolved against. */
  cwd: string;
  store: DraftStore;
  /** The clock for change times (default: the system clock). */
  now?: () => Date;
  /** Default: a renderer of the package's templates. */
  renderer?: Renderer;
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
}

/** A stale save or approval: the draft moved on since `yourVersion`; `changes` say how. */
export interface DraftConflict {
  draft: DraftView;
  yourVersion: number;
  /** Every change made after `yourVersion`: who, when, field, before, after. */
  changes: DraftChange[];
}

export type SaveResult =
  | { outcome: "saved"; draft: DraftView; changes: DraftChange[] }
  | { outcome: "conflict"; conflict: DraftConflict };

export type ApproveResult =
  | { outcome: "approved"; draft: DraftView; report: CheckReport }
  | { outcome: "gate-failed"; draft: DraftView; report: CheckReport }
  | { outcome: "conflict"; conflict: DraftConflict };

/** The draft rendered as a reader gets it, and the pre-send gate's verdict. */
export interface DraftRendering {
  draft: DraftView;
  /** The anonymous preview, or null when the MJML did not compile (see report). */
  email: RenderedEmail | null;
  mjml: string;
  /** The header block of the message `digest send` would write for a sample reader. */
  headers: string;
  report: CheckReport;
}

/** A draft rendered once and gated; `rendered` is null when its MJML did not compile. */
interface Rendered {
  rendered: RenderedEdition | null;
  email: RenderedEmail | null;
  mjml: string;
  mime: Buffer | null;
  report: CheckReport;
}

/** The desk service: what `digest review …` and the studio's desk call. */
export interface Desk {
  readonly config: Config;
  /** Opens the draft of `date`: creates it, or rebuilds the proposal while it is untouched. */
  openDraft(date: string): Promise<DraftView>;
  /** The stored draft without reading the inputs, or null. */
  readDraft(date: string): DraftView | null;
  /** Saves an edit that started from `version`; stale → conflict, nothing written. */
  saveDraft(
    date: string,
    editable: EditableEdition,
    who: { by: string; version: number },
  ): Promise<SaveResult>;
  /** Runs the gate and, when it passes, freezes the rendering and approves. */
  approveDraft(date: string, who: { by: string; version?: number | undefined }): Promise<ApproveResult>;
  /** Holds the edition with a reason: it is not sent. */
  holdDraft(
    date: string,
    who: { by: string; reason: string; version?: number | undefined },
  ): Promise<SaveResult>;
  /** The change log, oldest first. */
  draftLog(date: string): DraftChange[];
  /** Renders the draft's current edition and runs the gate (as for a send). */
  renderDraft(date: string): Promise<DraftRendering>;
}

/**
 * Creates the desk for one config. Editors are checked against `review.editors`.
 *
 * @throws DigestError E_USAGE for an unknown editor, E_REVIEW for an action the state forbids
 *   (changing a sent draft) or a draft that was never opened, E_NO_STORY from the inputs.
 * @example
 * const desk = createDesk({ config, cwd, store: ledger.drafts });
 * const draft = await desk.openDraft("2026-11-26");
 * const saved = await desk.saveDraft("2026-11-26", { ...draft.edition, subject: "Neu" }, { by: "anna", version: draft.version });
 */
export function createDesk(options: DeskOptions): Desk {
  const { config, store } = options;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  let renderer: Renderer | null = options.renderer ?? null;
  const getRenderer = () => {
    renderer ??= createRenderer();
    return renderer;
  };
  const keyOf = (date: string) => draftKeyOf({ date, section: config.section });
  const require = (date: string): StoredDraft => {
    const draft = store.get(keyOf(date));
    if (draft) return draft;
    throw new DigestError(
      "E_REVIEW",
      `there is no draft of ${date} yet - open it with 'digest review show --date ${date}' (or the desk)`,
      { where: date },
    );
  };
  const conflictOf = (draft: StoredDraft, yourVersion: number): DraftConflict => ({
    draft: toDraftView(draft),
    yourVersion,
    changes: store.changes(draft.key, yourVersion),
  });
  const notSent = (draft: StoredDraft, action: string) => {
    if (draft.state !== "sent") return;
    throw new DigestError(
      "E_REVIEW",
      `could not ${action} the draft of ${draft.date} - it was sent at ${draft.sent?.at ?? "?"}; a sent edition is final`,
      { where: draft.key },
    );
  };

  /** Steps 5–6 of runEdition on the draft's edition: rendered once, gated as for a send. */
  function render(draft: StoredDraft): Promise<Rendered> {
    return runEdition<Rendered>(
      { config, date: draft.date, source: { from: "edition", edition: draft.edition } },
      { cwd: options.cwd, renderer: getRenderer() },
      {
        gate: () => ({
          sending: true,
          sample: (rendered) => ({
            mime: composeSampleMessage(rendered, config, { now: new Date(now()) }).mime,
          }),
        }),
        deliver: async ({ rendered, email, mjml, mime, report }) => ({
          rendered,
          email,
          mjml: mjml ?? "",
          mime,
          report: report as CheckReport,
        }),
        deliverUnrendered: async ({ mjml, report }) => ({
          rendered: null,
          email: null,
          mjml,
          mime: null,
          report,
        }),
      },
    );
  }

  return {
    config,
    async openDraft(date) {
      let built: Awaited<ReturnType<typeof readEdition>>;
      try {
        built = await readEdition(
          { config, date },
          {
            cwd: options.cwd,
            ...(options.onWarning ? { onWarning: options.onWarning } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
          },
        );
      } catch (error) {
        // Inputs gone (rotated overnight, say): a draft already opened stays workable.
        const stored = store.get(keyOf(date));
        if (!stored || !(isDigestError(error, "E_NO_STORY") || isDigestError(error, "E_INPUT"))) throw error;
        options.onWarning?.(`${error.message} - showing the draft as stored (version ${stored.version})`);
        return toDraftView(stored);
      }
      // Two desks may open the same draft at once: the compare-and-set decides, the loser re-reads.
      for (let attempt = 0; ; attempt += 1) {
        const stored = store.get(keyOf(date));
        const next = refreshDraft({ stored, built, config, key: keyOf(date), at: now() });
        if (next.write === null) return toDraftView(next.draft);
        const ok = stored
          ? store.update(next.draft, stored.version, next.write)
          : store.create(next.draft, next.write);
        if (ok || attempt >= 2) return toDraftView(ok ? next.draft : require(date));
      }
    },
    readDraft(date) {
      const draft = store.get(keyOf(date));
      return draft ? toDraftView(draft) : null;
    },
    async saveDraft(date, editable, who) {
      checkEditor(config, who.by);
      const draft = require(date);
      notSent(draft, "edit");
      if (draft.version !== who.version)
        return { outcome: "conflict", conflict: conflictOf(draft, who.version) };
      const edition = applyEdits({ current: draft.edition, candidates: draft.candidates, editable, config });
      const at = now();
      const fields = diffEditions(draft.edition, edition);
      if (fields.length === 0) return { outcome: "saved", draft: toDraftView(draft), changes: [] };
      const version = draft.version + 1;
      const changes: DraftChange[] = fields.map((f) => ({ ...f, version, at, by: who.by }));
      if (draft.state !== "edited") {
        changes.push({ version, at, by: who.by, field: "state", before: draft.state, after: "edited" });
      }
      const next: StoredDraft = {
        ...draft,
        version,
        state: "edited",
        edition,
        approved: null,
        frozen: null,
        held: null,
        updatedBy: who.by,
        updatedAt: at,
      };
      if (!store.update(next, draft.version, changes)) {
        return { outcome: "conflict", conflict: conflictOf(require(date), who.version) };
      }
      return { outcome: "saved", draft: toDraftView(next), changes };
    },
    async approveDraft(date, who) {
      checkEditor(config, who.by);
      const draft = require(date);
      notSent(draft, "approve");
      const version = who.version ?? draft.version;
      if (draft.version !== version) return { outcome: "conflict", conflict: conflictOf(draft, version) };
      const checked = await render(draft);
      if (!checked.report.ok || checked.rendered === null) {
        return { outcome: "gate-failed", draft: toDraftView(draft), report: checked.report };
      }
      // The rendering the gate passed is frozen as it will be sent: the send personalises it, never rebuilds it.
      const frozen = JSON.stringify(checked.rendered);
      const at = now();
      const { next, change } = changeState(draft, who.by, at, "approved", "approved", {
        approved: { by: who.by, at, hash: hashRendering(frozen) },
        frozen,
        held: null,
      });
      if (!store.update(next, draft.version, [change])) {
        return { outcome: "conflict", conflict: conflictOf(require(date), version) };
      }
      return { outcome: "approved", draft: toDraftView(next), report: checked.report };
    },
    async holdDraft(date, who) {
      checkEditor(config, who.by);
      const reason = who.reason.replace(/\s+/g, " ").trim();
      if (hasControlOrBidi(reason)) {
        throw new DigestError(
          "E_USAGE",
          `the reason ${quoteLogValue(reason)} holds control or bidi characters (escapes, U+202E …) - write it as plain text`,
          { where: "--reason" },
        );
      }
      if (reason === "" || reason.length > MAX_REASON_CHARS) {
        throw new DigestError(
          "E_USAGE",
          `a hold needs a reason of 1 to ${MAX_REASON_CHARS} characters, e.g. --reason "Faktencheck läuft"`,
          { where: "--reason" },
        );
      }
      const draft = require(date);
      notSent(draft, "hold");
      const version = who.version ?? draft.version;
      if (draft.version !== version) return { outcome: "conflict", conflict: conflictOf(draft, version) };
      const at = now();
      const { next, change } = changeState(draft, who.by, at, "held", `held: ${reason}`, {
        held: { by: who.by, at, reason },
        approved: null,
        frozen: null,
      });
      if (!store.update(next, draft.version, [change])) {
        return { outcome: "conflict", conflict: conflictOf(require(date), version) };
      }
      return { outcome: "saved", draft: toDraftView(next), changes: [change] };
    },
    draftLog(date) {
      return store.changes(require(date).key);
    },
    async renderDraft(date) {
      const draft = require(date);
      const { email, mjml, mime, report } = await render(draft);
      return { draft: toDraftView(draft), email, mjml, headers: mime ? headerBlock(mime) : "", report };
    },
  };
}

/** A state change by an editor: the next version of the draft and the line it adds to the log. */
function changeState(
  draft: StoredDraft,
  by: string,
  at: string,
  state: StoredDraft["state"],
  logged: string,
  patch: Partial<StoredDraft>,
): { next: StoredDraft; change: DraftChange } {
  const next: StoredDraft = {
    ...draft,
    ...patch,
    version: draft.version + 1,
    state,
    updatedBy: by,
    updatedAt: at,
  };
  const change: DraftChange = {
    version: next.version,
    at,
    by,
    field: "state",
    before: draft.state,
    after: logged,
  };
  return { next, change };
}

/**
 * The hash an approval records: sha256 (hex) of the frozen rendering's JSON.
 *
 * @example
 * hashRendering('{"date":"2026-11-26",…}'); // "3f1a…" (64 hex digits)
 */
export function hashRendering(frozen: string): string {
  return createHash("sha256").update(frozen, "utf8").digest("hex");
}

/**
 * Throws unless `by` is a configured editor id (config `review.editors`).
 *
 * @example
 * checkEditor(config, "anna"); // passes when review.editors holds { id: "anna", … }
 */
export function checkEditor(config: Config, by: string): void {
  if (by === MACHINE || !config.review.editors.some((editor) => editor.id === by)) {
    const known = config.review.editors.map((editor) => editor.id);
    throw new DigestError(
      "E_USAGE",
      `${quoteLogValue(by)} is not a configured editor - ${known.length > 0 ? `config review.editors has ${known.join(", ")}` : 'config review.editors is empty; add { "id", "name" } entries'}`,
      { where: "review.editors" },
    );
  }
}

function headerBlock(mime: Buffer): string {
  const text = mime.toString("utf8");
  const end = text.indexOf("\r\n\r\n");
  return (end === -1 ? text : text.slice(0, end)).replace(/\r\n/g, "\n");
}
