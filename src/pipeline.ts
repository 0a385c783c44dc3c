/**
 * The only module that chains the stages. Every command that makes an edition (`digest preview`,
 * `check`, `send`, `schedule`, the studio) calls `runEdition`, which runs these steps in order:
 *
 *   1. ingest     inputs (files, folders, URLs) → Article[]               (I/O: reads files, URLs)
 *   2. select     Article[] → top story + further headlines                 (pure)
 *   3. summarize  each story → teaser + key points                         (pure)
 *   4. edition    stories + date → Edition (date line, subject, preheader)  (pure)
 *   5. render     Edition → RenderedEdition, MJML compiled once; the preview email from it  (pure)
 *   6. check      the pre-send gate on the message the sink would write for a sample reader;
 *                 before a send, errors refuse unless --force                (pure)
 *   7. sink       the caller's: preview files, the check report, the studio view, the .eml
 *                 outbox, SMTP or a dry run                                 (I/O, src/deliver/)
 *
 * Steps 1–4 are skipped when the edition is given (`digest check --edition`), 1–5 when a resumed
 * send takes the content it was first sent with from the ledger. Step 6 runs when the sink asks
 * for it. Steps 2–6 read no clock: the edition date and time are passed in.
 */
import { resolve } from "node:path";
import { type CheckReport, checkEdition, enforceGate, reportRenderFailure } from "./check/index.js";
import { zonedTime } from "./clock.js";
import type { Config } from "./config/index.js";
import { composeSampleMessage, type DkimKey } from "./deliver/index.js";
import { DigestError } from "./errors.js";
import { readInputs } from "./ingest/index.js";
import {
  derivePreheader,
  deriveSubject,
  formatGermanDate,
  type Renderer,
  resolveWebViewUrl,
} from "./render/index.js";
import { selectStories } from "./select/index.js";
import { summarizeArticle } from "./summarize/index.js";
import type { Article, Edition, RenderedEdition, RenderedEmail, Selection, Story } from "./types.js";

export interface EditionRequest {
  config: Config;
  /** Edition date, YYYY-MM-DD in config.timeZone. */
  date: string;
}

export interface BuiltEdition {
  edition: Edition;
  selection: Selection;
  articles: Article[];
  /** Inputs that were skipped, one line each (file and reason). */
  warnings: string[];
}

/** Where the edition of a run comes from. */
export type EditionSource =
  /** Steps 1–4 on the configured inputs (the default). */
  | { from: "inputs" }
  /** A built edition, e.g. `digest check --edition FILE`: steps 5–7. */
  | { from: "edition"; edition: Edition }
  /** The content a resumed send was first sent with (from the ledger): steps 6–7. */
  | { from: "saved"; edition: Edition; rendered: RenderedEdition };

export interface RunRequest extends EditionRequest {
  source?: EditionSource;
}

export interface RunDeps {
  cwd: string;
  /** Reads its templates once; the scheduler keeps one for every fire. */
  renderer: Renderer;
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
}

/** The pre-send gate as a sink wants it run (step 6). */
export interface GateRequest {
  /** Check as for a send: the unsubscribe headers become mandatory. */
  sending: boolean;
  /**
   * The message the sink would write for a sample reader (deliver's `composeSampleMessage`): the
   * gate measures it and reads its headers, and checks its `email` when given (else the preview).
   * Without it the gate composes a generic message.
   */
  sample?: (rendered: RenderedEdition) => { mime: Buffer; email?: RenderedEmail };
  /**
   * Before a send: warnings go to `warn`, errors refuse (E_CHECK) unless `force`. Without it the
   * report goes to the sink (`digest check`, the studio), and MJML that does not compile becomes
   * `mjml/valid` findings for the sink's `deliverUnrendered` instead of an error.
   */
  enforce?: { force: boolean; warn: (message: string) => void };
}

/** Everything a run made, handed to the sink. */
export interface EditionRun {
  edition: Edition;
  /** Inputs that were skipped, one line each (file and reason). */
  warnings: string[];
  /** The MJML source (null when the content came from the ledger, which keeps no MJML). */
  mjml: string | null;
  /** The edition rendered once. */
  rendered: RenderedEdition;
  /** The anonymous preview email. */
  email: RenderedEmail;
  /** The encoded sample message the gate measured, when the sink gave one. */
  mime: Buffer | null;
  /** The gate's report; null when the sink asked for no gate. */
  report: CheckReport | null;
}

/** A run whose MJML did not compile, with the gate's `mjml/valid` findings. */
export interface UnrenderedRun {
  edition: Edition;
  warnings: string[];
  mjml: string;
  report: CheckReport;
}

/** Where a run's result goes (step 7). */
export interface EditionSink<R> {
  /** The gate this sink wants for the edition, or null (preview files, an edition already complete). */
  gate(edition: Edition): GateRequest | null;
  deliver(run: EditionRun): Promise<R>;
  /** For a reporting gate (no `enforce`): receives MJML that did not compile; without it, the error is thrown. */
  deliverUnrendered?(run: UnrenderedRun): Promise<R>;
}

/**
 * Runs the steps listed at the top of this file for one edition and hands the result to `sink`.
 *
 * @throws DigestError E_NO_STORY when no story qualifies, E_INPUT for unreadable inputs, E_CHECK
 *   when an enforced gate fails; whatever the sink throws.
 * @example
 * const files = await runEdition({ config, date: "2026-11-26" }, { cwd, renderer: createRenderer() }, {
 *   gate: () => null,
 *   deliver: (run) => writePreview("preview", run.email!, run.edition),
 * });
 */
export async function runEdition<R>(request: RunRequest, deps: RunDeps, sink: EditionSink<R>): Promise<R> {
  const { config } = request;
  const source = request.source ?? { from: "inputs" };
  let edition: Edition;
  let warnings: string[] = [];
  if (source.from === "inputs") {
    ({ edition, warnings } = await readEdition(request, {
      cwd: deps.cwd,
      ...(deps.onWarning ? { onWarning: deps.onWarning } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    }));
  } else {
    edition = source.edition;
  }
  const gate = sink.gate(edition);

  let mjml: string | null = null;
  let rendered: RenderedEdition;
  if (source.from === "saved") {
    rendered = source.rendered;
  } else {
    mjml = deps.renderer.renderMjml(edition, config);
    try {
      rendered = await deps.renderer.renderEdition(edition, config);
    } catch (error) {
      const report =
        gate && !gate.enforce && sink.deliverUnrendered ? await reportRenderFailure(error, mjml) : null;
      if (report === null || !sink.deliverUnrendered) throw error;
      return sink.deliverUnrendered({ edition, warnings, mjml, report });
    }
  }
  const email = deps.renderer.personalize(
    rendered,
    {
      name: null,
      unsubscribeUrl: config.links.unsubscribe,
      webViewUrl: resolveWebViewUrl(config, edition.date),
    },
    config,
  );

  let mime: Buffer | null = null;
  let report: CheckReport | null = null;
  if (gate) {
    const sample = gate.sample?.(rendered) ?? null;
    mime = sample?.mime ?? null;
    report = await checkEdition({
      edition,
      email: sample?.email ?? email,
      mjml: mjml ?? undefined,
      mime: mime ?? undefined,
      config,
      sending: gate.sending,
    });
    if (gate.enforce) enforceGate(report, gate.enforce);
  }
  return sink.deliver({ edition, warnings, mjml, rendered, email, mime, report });
}

/**
 * The gate before a send to `list`: on the message the send would write for a sample reader (same
 * template, secret and DKIM key), as for a real send unless `dryRun`; errors refuse unless `force`.
 *
 * @example
 * const gate = sendGate({ config, list: "subscribers", secret, dkim, now: new Date(), dryRun: false,
 *   force: false, warn: logger.warn });
 */
export function sendGate(options: {
  config: Config;
  list: string;
  secret: string;
  dkim: DkimKey | null;
  now: Date;
  dryRun: boolean;
  force: boolean;
  warn: (message: string) => void;
}): GateRequest {
  const { config, list, secret, dkim, now } = options;
  return {
    sending: !options.dryRun,
    sample: (rendered) => composeSampleMessage(rendered, config, { now, secret, list, dkim }),
    enforce: { force: options.force, warn: options.warn },
  };
}

/**
 * Steps 1–4: reads the configured inputs and builds the edition.
 *
 * @example
 * const { edition } = await readEdition({ config, date: "2026-11-26" }, { cwd: process.cwd() });
 */
export async function readEdition(
  request: EditionRequest,
  io: { cwd: string; onWarning?: (message: string) => void; signal?: AbortSignal },
): Promise<BuiltEdition> {
  const { config } = request;
  const { articles, warnings } = await readInputs(config.inputs, {
    cwd: io.cwd,
    maxBytes: config.limits.inputBytes,
    referenceDate: editionTime(request),
    stateDir: resolve(io.cwd, config.delivery.stateDir),
    ...(io.onWarning ? { onWarning: io.onWarning } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  // Stopped while reading: an edition built from part of the inputs must not be sent or kept.
  if (io.signal?.aborted) {
    throw new DigestError("E_STOPPED", "stopped while reading the inputs - no edition was built.");
  }
  const { edition, selection } = buildEdition(articles, request);
  return { edition, selection, articles, warnings };
}

/**
 * Steps 2–4 (pure): selects, summarizes and assembles the edition from parsed articles.
 *
 * @example
 * const { edition } = buildEdition([article], { config, date: "2026-11-26" });
 * edition.stories[0].keyPoints.length; // 3–5
 */
export function buildEdition(
  articles: readonly Article[],
  request: EditionRequest,
): { edition: Edition; selection: Selection } {
  const { config, date } = request;
  const selection = selectStories(articles, {
    section: config.section,
    furtherHeadlines: config.limits.furtherHeadlines,
    editionTime: editionTime(request),
    freshnessHours: config.limits.freshnessHours,
  });
  const summarizeOptions = {
    teaserChars: config.limits.teaserChars,
    keyPointsMin: config.limits.keyPointsMin,
    keyPointsMax: config.limits.keyPointsMax,
    keyPointChars: config.limits.keyPointChars,
  };
  const stories: Story[] = [selection.top, ...selection.more].map((article, index) => {
    const summary = summarizeArticle(article, summarizeOptions);
    return {
      id: article.id,
      role: index === 0 ? "top" : "more",
      section: article.section,
      kicker: article.kicker,
      headline: article.headline,
      authors: article.authors,
      dateline: article.dateline,
      published: article.published,
      updated: article.updated,
      teaser: summary.teaser,
      // Further headlines show a one-line teaser only; key points belong to the top story.
      keyPoints: index === 0 ? summary.keyPoints : [],
      url: article.url,
      image: article.image,
    };
  });
  const draft = {
    date,
    timeZone: config.timeZone,
    section: config.section,
    dateLine: formatGermanDate(date),
    stories,
  };
  const edition: Edition = { ...draft, subject: deriveSubject(draft), preheader: derivePreheader(draft) };
  return { edition, selection };
}

/** The edition's nominal time: the configured send time on the edition date, in its time zone. */
export function editionTime(request: EditionRequest): Date {
  return zonedTime(request.date, request.config.schedule.at, request.config.timeZone);
}

// What the commands need from the stages besides runEdition, so that they import no stage: the
// renderer (it reads the templates once, the scheduler keeps one) and, for `digest check`, the
// rule table for its help, the report format and the reader of an edition file.
export { CHECK_RULES, type CheckReport, formatCheckReport, readEditionFile } from "./check/index.js";
export { createRenderer, type Renderer } from "./render/index.js";
