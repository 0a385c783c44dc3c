import type { Config } from "../config/index.js";
import { DigestError } from "../errors.js";
import { storyOf } from "../pipeline.js";
import type { Article, Edition, KeyPoint, Story } from "../types.js";
import { quoteLogValue } from "../unsafe-chars.js";
import type { Candidate, EditableEdition } from "./draft.js";
import { findSourceSentence } from "./find-source-sentence.js";

/** Story fields that come from the article and are not edited at the desk. */
const ARTICLE_FIELDS = [
  "section",
  "kicker",
  "headline",
  "authors",
  "dateline",
  "published",
  "updated",
  "url",
  "image",
] as const;
/** Edition fields fixed by the date and config. */
const FIXED_EDITION_FIELDS = ["date", "timeZone", "section", "dateLine"] as const;

/**
 * Turns an editor's edit into the next edition (pure). Stories are named by candidate id in the
 * order they should appear (stories[0] = top story); a story's teaser and key points default to
 * the current edition's for that story, else the machine's for the article. Every problem is
 * reported at once.
 *
 * @throws DigestError E_INPUT naming each offending field: an unknown story id, a story twice,
 *   a changed headline or other article field, a key point whose source position the article
 *   lacks, a changed date.
 * @example
 * const next = applyEdits({ current: draft.edition, candidates: draft.candidates, editable, config });
 */
export function applyEdits(input: {
  current: Edition;
  candidates: readonly Candidate[];
  editable: EditableEdition;
  config: Config;
}): Edition {
  const { current, editable, config } = input;
  const problems: string[] = [];
  const articles = new Map(input.candidates.map((c) => [c.article.id, c.article]));
  for (const field of FIXED_EDITION_FIELDS) {
    const given = (editable as Record<string, unknown>)[field];
    if (given !== undefined && given !== current[field]) {
      problems.push(`${field} is fixed (${quoteLogValue(String(current[field]))}), not editable`);
    }
  }
  const seen = new Set<string>();
  const stories: Story[] = [];
  editable.stories.forEach((given, index) => {
    const where = `stories[${index}]`;
    const article = articles.get(given.id);
    if (!article) {
      problems.push(`${where}.id ${quoteLogValue(given.id)} is not a candidate of this draft`);
      return;
    }
    if (seen.has(given.id)) {
      problems.push(`${where}.id ${quoteLogValue(given.id)} appears twice`);
      return;
    }
    seen.add(given.id);
    const role: Story["role"] = index === 0 ? "top" : "more";
    const base = baseStory(current, article, role, config);
    for (const field of ARTICLE_FIELDS) {
      if (field in given && JSON.stringify(given[field]) !== JSON.stringify(base[field])) {
        problems.push(`${where}.${field} is the article's and not editable at the desk`);
      }
    }
    // Further headlines show a one-line teaser; key points there would never reach a reader.
    if (role === "more" && (given.keyPoints?.length ?? 0) > 0) {
      problems.push(`${where}.keyPoints: only the top story (stories[0]) carries key points`);
    }
    const keyPoints = (given.keyPoints ?? base.keyPoints).map((point, j): KeyPoint => {
      const resolved = toKeyPoint(point);
      if (!resolved.written && findSourceSentence(article, resolved) === null) {
        problems.push(
          `${where}.keyPoints[${j}] names paragraph ${resolved.paragraph}, sentence ${resolved.sentence}, which the article does not have - set "written": true for a point of your own`,
        );
      }
      return resolved;
    });
    stories.push({ ...base, teaser: given.teaser ?? base.teaser, keyPoints });
  });
  if (problems.length > 0) {
    throw new DigestError("E_INPUT", `could not apply the edit - ${problems.join("; ")}`, {
      where: "edition",
    });
  }
  const next: Edition = {
    date: current.date,
    timeZone: current.timeZone,
    section: current.section,
    dateLine: current.dateLine,
    subject: editable.subject,
    preheader: editable.preheader,
    stories,
  };
  const intro = editable.intro === undefined ? (current.intro ?? null) : editable.intro;
  return intro === null ? next : { ...next, intro };
}

/** The story as it stands in the current edition (role set anew), else the machine's. */
function baseStory(current: Edition, article: Article, role: Story["role"], config: Config): Story {
  const existing = current.stories.find((story) => story.id === article.id);
  if (existing && role === "more") return { ...existing, role, keyPoints: [] };
  if (existing && existing.role === role) return existing;
  // A further headline made the top story gets the machine's key points for it.
  const machine = storyOf(article, role, config);
  return existing ? { ...machine, teaser: existing.teaser } : machine;
}

function toKeyPoint(point: {
  text: string;
  paragraph?: number | undefined;
  sentence?: number | undefined;
  update?: number | undefined;
  written?: true | undefined;
  removed?: string[] | undefined;
}): KeyPoint {
  if (point.written || point.paragraph === undefined || point.sentence === undefined) {
    return { text: point.text, paragraph: 0, sentence: 0, written: true };
  }
  return {
    text: point.text,
    paragraph: point.paragraph,
    sentence: point.sentence,
    ...(point.update === undefined ? {} : { update: point.update }),
    ...(point.removed === undefined ? {} : { removed: point.removed }),
  };
}
