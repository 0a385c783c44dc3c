/**
 * The only module that chains the stages. One edition is made in these steps:
 *
 *   1. ingest     inputs (files, folders, URLs) → Article[]            (I/O: reads files)
 *   2. select     Article[] → top story + further headlines              (pure)
 *   3. summarize  each story → teaser + key points                      (pure)
 *   4. edition    stories + date → Edition (date line, subject, preheader)  (pure)
 *   5. render     Edition → RenderedEdition (MJML compiled once) → RenderedEmail  (pure)
 *   6. deliver    preview files, .eml outbox or SMTP                    (I/O, see src/deliver/)
 *
 * Steps 2–5 read no clock: the edition date and time are passed in.
 */
import { resolve } from "node:path";
import { zonedTime } from "./clock.js";
import type { Config } from "./config/index.js";
import { DigestError } from "./errors.js";
import { readInputs } from "./ingest/index.js";
import { derivePreheader, deriveSubject, formatGermanDate } from "./render/index.js";
import { selectStories } from "./select/index.js";
import { summarizeArticle } from "./summarize/index.js";
import type { Article, Edition, Selection, Story } from "./types.js";

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
  const stories: Story[] = [selection.top, ...selection.more].map((article, index) =>
    storyOf(article, index === 0 ? "top" : "more", config),
  );
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

/**
 * Step 3 for one article (pure): the story as the edition carries it. Further headlines show a
 * one-line teaser only; key points belong to the top story. The desk uses it when an editor makes
 * another candidate the top story or adds one.
 *
 * @example
 * storyOf(article, "top", config).keyPoints.length; // 3–5
 */
export function storyOf(article: Article, role: Story["role"], config: Config): Story {
  const summary = summarizeArticle(article, {
    teaserChars: config.limits.teaserChars,
    keyPointsMin: config.limits.keyPointsMin,
    keyPointsMax: config.limits.keyPointsMax,
    keyPointChars: config.limits.keyPointChars,
  });
  return {
    id: article.id,
    role,
    section: article.section,
    kicker: article.kicker,
    headline: article.headline,
    authors: article.authors,
    dateline: article.dateline,
    published: article.published,
    updated: article.updated,
    teaser: summary.teaser,
    keyPoints: role === "top" ? summary.keyPoints : [],
    url: article.url,
    image: article.image,
  };
}

/** The edition's nominal time: the configured send time on the edition date, in its time zone. */
export function editionTime(request: EditionRequest): Date {
  return zonedTime(request.date, request.config.schedule.at, request.config.timeZone);
}
