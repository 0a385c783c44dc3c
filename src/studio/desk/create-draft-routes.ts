/**
 * The draft's routes at the desk, each through the review service (which records who changed
 * which field when, from what to what):
 *
 *   GET  /desk?date=D             the desk page (opens the draft: creates it, or rebuilds an untouched proposal)
 *   POST /desk/save?date=D        saves the form against the version it started from; stale → 409 with the merge
 *   POST /desk/approve?date=D     runs the gate on the draft; errors block (409), else approves and freezes it
 *   POST /desk/hold?date=D        holds the edition with a reason
 *   GET  /desk/email.html?date=D  the draft's email (?scheme=dark), GET /desk/email.txt its text part
 *   GET  /desk/draft.json?date=D  the draft as `digest review show --json` prints it
 *   GET  /desk/version?date=D     `{ version, state, updatedBy }`, polled by open desk pages
 *
 * A successful POST answers 303 back to the desk (reloading then repeats nothing).
 */
import type { Config } from "../../config/index.js";
import { toDigestError } from "../../errors.js";
import { createRenderer } from "../../pipeline.js";
import type { DraftChange, DraftConflict, DraftView } from "../../review/index.js";
import { toEmailView } from "../to-email-view.js";
import type { DeskAnswer, DeskRequest, DraftRoutes } from "./create-studio-desk.js";
import { formValuesOf, mergeDeskValues, parseDeskForm, toEditable } from "./desk-form.js";
import { explainRank, labelField, labelValue } from "./desk-reasons.js";
import type { DeskChange, DeskFormValues, DeskGate, DeskNotice } from "./desk-view.js";
import { openReviewDesk } from "./open-review-desk.js";
import { renderDeskPage } from "./render-desk-page.js";
import { renderDeskMessage } from "./render-desk-shell.js";

export interface DraftRoutesOptions {
  /** The config as it is on disk now (the studio reloads it on every request). */
  loadConfig: () => Config;
  cwd: string;
  templatesDir?: string | undefined;
  /** Edition date when a request names none. */
  date: string;
  now?: (() => Date) | undefined;
}

const DONE: Record<string, DeskNotice> = {
  saved: { kind: "saved", text: "Gespeichert. Vorschau und Prüfung zeigen die neue Fassung." },
  approved: { kind: "approved", text: "Freigegeben: genau diese Fassung wird verschickt." },
  held: { kind: "held", text: "Zurückgehalten: diese Ausgabe wird nicht verschickt." },
};

/**
 * @example
 * const desk = createStudioDesk({ access, routes: createDraftRoutes({ loadConfig, cwd, date }) });
 */
export function createDraftRoutes(options: DraftRoutesOptions): DraftRoutes {
  return async (request) => {
    const { url } = request;
    const date = parseDate(url.searchParams.get("date") ?? options.date);
    if (date === null) {
      return failure(400, "Ungültiges Datum", "?date= muss ein Kalenderdatum JJJJ-MM-TT sein.", "/desk");
    }
    const route = `${request.form ? "POST" : "GET"} ${url.pathname}`;
    const known = [
      "GET /desk",
      "GET /desk/email.html",
      "GET /desk/email.txt",
      "GET /desk/draft.json",
      "GET /desk/version",
    ];
    if (
      !known.includes(route) &&
      !["POST /desk/save", "POST /desk/approve", "POST /desk/hold"].includes(route)
    ) {
      return null;
    }
    const config = options.loadConfig();
    const renderer = createRenderer(options.templatesDir ? { templatesDir: options.templatesDir } : {});
    const review = openReviewDesk({ config, cwd: options.cwd, renderer, now: options.now });
    try {
      return await answer(route, date, request, config, review.desk);
    } catch (thrown) {
      const error = toDigestError(thrown);
      if (error.code === "E_INTERNAL") throw thrown;
      const title = error.code === "E_NO_STORY" ? "Keine Ausgabe für diesen Tag" : "Nicht möglich";
      return failure(STATUS_BY_CODE[error.code] ?? 500, title, error.message, `/desk?date=${date}`);
    } finally {
      review.close();
    }
  };
}

type ReviewDesk = ReturnType<typeof openReviewDesk>["desk"];

async function answer(
  route: string,
  date: string,
  request: DeskRequest,
  config: Config,
  desk: ReviewDesk,
): Promise<DeskAnswer> {
  const { session, form, url } = request;
  const editor = config.review.editors.find((item) => item.id === session.editor.id) ?? {
    ...session.editor,
    signature: null,
  };
  const back = `/desk?date=${encodeURIComponent(date)}`;
  const nameOf = (id: string) => config.review.editors.find((item) => item.id === id)?.name ?? id;
  const shown = (change: DraftChange, draft: DraftView): DeskChange => {
    const headlineOf = (id: string) =>
      draft.candidates.find((candidate) => candidate.id === id)?.headline ?? null;
    return {
      ...change,
      by: nameOf(change.by),
      field: labelField(change.field, headlineOf),
      before: change.before === null ? "–" : labelValue(change.field, change.before),
      after: change.after === null ? "–" : labelValue(change.field, change.after),
    };
  };
  const page = async (status: number, draft: DraftView, extra: PageExtra = {}): Promise<DeskAnswer> => {
    const rendering = await desk.renderDraft(date).catch((error: unknown) => toDigestError(error));
    const gate: DeskGate = rendering instanceof Error ? { error: rendering.message } : rendering.report;
    const current = formValuesOf(draft, editor);
    return {
      kind: "page",
      status,
      page: renderDeskPage({
        date,
        editorName: session.editor.name,
        csrf: session.csrf,
        version: draft.version,
        state: draft.state,
        heldReason: draft.held?.reason ?? null,
        updatedBy: nameOf(draft.updatedBy),
        updatedAt: draft.updatedAt,
        values: extra.values ?? current,
        base: current,
        candidates: draft.candidates.map((candidate) => ({
          id: candidate.id,
          headline: candidate.headline,
          rank: candidate.rank,
          reasons: explainRank(candidate),
          isNew: candidate.isNew,
        })),
        gate,
        text: rendering instanceof Error ? null : (rendering.email?.text ?? null),
        log: desk.draftLog(date).map((change) => shown(change, draft)),
        notice: extra.notice ?? null,
      }),
    };
  };
  const conflictPage = (
    conflict: DraftConflict,
    mine: DeskFormValues | null,
    base: DeskFormValues | null,
  ) => {
    const theirs = formValuesOf(conflict.draft, editor);
    const merged = mine ? mergeDeskValues(base, mine, theirs) : { values: theirs, clashes: [] };
    const notice: DeskNotice = {
      kind: "conflict",
      text: `Nicht gespeichert: jemand hat den Entwurf inzwischen geändert (Ihre Fassung beruhte auf Version ${conflict.yourVersion}, jetzt gilt Version ${conflict.draft.version}). Im Formular stehen Ihre Änderungen zusammen mit den anderen - prüfen und erneut speichern.`,
      changes: conflict.changes.map((change) => shown(change, conflict.draft)),
      clashes: merged.clashes,
    };
    return page(409, conflict.draft, { values: merged.values, notice });
  };

  switch (route) {
    case "GET /desk": {
      const draft = await desk.openDraft(date);
      const done = DONE[url.searchParams.get("done") ?? ""];
      return page(200, draft, done ? { notice: done } : {});
    }
    case "GET /desk/email.html":
    case "GET /desk/email.txt": {
      if (desk.readDraft(date) === null)
        return failure(404, "Kein Entwurf", `Für ${date} gibt es noch keinen Entwurf.`, back);
      const { email } = await desk.renderDraft(date);
      if (email === null)
        return {
          kind: "raw",
          status: 503,
          type: "text/plain",
          body: "the draft's HTML did not compile - see the gate on the desk\n",
        };
      if (route.endsWith(".txt")) return { kind: "raw", status: 200, type: "text/plain", body: email.text };
      const scheme = url.searchParams.get("scheme") === "dark" ? "dark" : "light";
      return { kind: "raw", status: 200, type: "text/html", body: toEmailView(email.html, { scheme }) };
    }
    case "GET /desk/version": {
      // What the open desk pages poll to tell their editor that someone else saved.
      const draft = desk.readDraft(date);
      const body = draft
        ? { version: draft.version, state: draft.state, updatedBy: nameOf(draft.updatedBy) }
        : { version: 0, state: null, updatedBy: null };
      return { kind: "raw", status: 200, type: "application/json", body: `${JSON.stringify(body)}\n` };
    }
    case "GET /desk/draft.json": {
      const draft = desk.readDraft(date);
      if (draft === null)
        return failure(404, "Kein Entwurf", `Für ${date} gibt es noch keinen Entwurf.`, back);
      return {
        kind: "raw",
        status: 200,
        type: "application/json",
        body: `${JSON.stringify(draft, null, 2)}\n`,
      };
    }
    case "POST /desk/save": {
      const posted = parseDeskForm(form ?? new URLSearchParams());
      const current = desk.readDraft(date);
      if (current === null || posted.version === null)
        return failure(400, "Kein Entwurf", "Öffnen Sie den Desk neu.", back);
      if (current.version !== posted.version) {
        const changes = desk.draftLog(date).filter((change) => change.version > (posted.version ?? 0));
        return conflictPage(
          { draft: current, yourVersion: posted.version, changes },
          posted.values,
          posted.base,
        );
      }
      let editable: ReturnType<typeof toEditable>;
      try {
        editable = toEditable(posted, current, session.editor);
        const result = await desk.saveDraft(date, editable, {
          by: session.editor.id,
          version: posted.version,
        });
        if (result.outcome === "conflict") return conflictPage(result.conflict, posted.values, posted.base);
      } catch (thrown) {
        const error = toDigestError(thrown);
        if (error.code !== "E_INPUT" && error.code !== "E_USAGE") throw thrown;
        const notice: DeskNotice = { kind: "error", text: `Nicht gespeichert: ${error.message}` };
        return page(400, current, {
          values: { ...posted.values, points: withSources(posted.values, current, editor) },
          notice,
        });
      }
      return { kind: "redirect", location: `${back}&done=saved` };
    }
    case "POST /desk/approve": {
      const version = versionOf(form);
      if (version === null)
        return failure(400, "Veraltetes Formular", "Die Version fehlt: laden Sie den Desk neu.", back);
      const result = await desk.approveDraft(date, { by: session.editor.id, version });
      if (result.outcome === "conflict") return conflictPage(result.conflict, null, null);
      if (result.outcome === "gate-failed") {
        const errors = result.report.findings.filter((finding) => finding.severity === "error");
        const text = `Nicht freigegeben: die Prüfung vor dem Versand meldet ${errors.length === 1 ? "einen Fehler" : `${errors.length} Fehler`} (${errors.map((finding) => finding.rule).join(", ")}).`;
        return page(409, result.draft, { notice: { kind: "error", text } });
      }
      return { kind: "redirect", location: `${back}&done=approved` };
    }
    default: {
      const reason = (form?.get("reason") ?? "").trim();
      const version = versionOf(form);
      if (version === null)
        return failure(400, "Veraltetes Formular", "Die Version fehlt: laden Sie den Desk neu.", back);
      const result = await desk.holdDraft(date, { by: session.editor.id, reason, version });
      if (result.outcome === "conflict") return conflictPage(result.conflict, null, null);
      return { kind: "redirect", location: `${back}&done=held` };
    }
  }
}

interface PageExtra {
  values?: DeskFormValues;
  notice?: DeskNotice;
}

/** The posted points with the source sentences of the draft (a refused save shows them again). */
function withSources(values: DeskFormValues, draft: DraftView, editor: { signature: string | null }) {
  const sources = new Map(formValuesOf(draft, editor).points.map((point) => [point.ref, point.source]));
  return values.points.map((point) => ({ ...point, source: sources.get(point.ref) ?? null }));
}

/** HTTP status of a refused desk action, by error code (anything else is a 500). */
const STATUS_BY_CODE: Partial<Record<string, number>> = {
  E_NO_STORY: 404,
  E_USAGE: 400,
  E_INPUT: 400,
  E_CONFIG: 400,
  E_REVIEW: 409,
};

function versionOf(form: URLSearchParams | null): number | null {
  const version = Number(form?.get("version"));
  return Number.isInteger(version) && version > 0 ? version : null;
}

function failure(status: number, title: string, message: string, back: string): DeskAnswer {
  return { kind: "page", status, page: { title, header: "", body: renderDeskMessage(title, message, back) } };
}

function parseDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}
