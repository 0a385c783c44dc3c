/**
 * Reads the real development data in `shared/devdata/` (see docs/summarize-quality.md): the
 * Potsdam Commentary Corpus sentences and German Wikinews articles with their lead. The data is
 * not in the repository; `findDevdata()` returns null when it is absent and callers skip with a
 * note. Every record belongs to one half by the split rule fixed before tuning:
 * SHA-1(id) first byte even → development, odd → held-out (commentary: the document id).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Article, ArticleSchema } from "../../../src/types.js";

export type Half = "development" | "held-out";
export const HALVES: readonly Half[] = ["development", "held-out"];

export interface CommentaryRecord {
  id: string;
  unit: "document" | "paragraph";
  half: Half;
  text: string;
  /**
   * Gold sentences with each sentence that ends in a colon or a semicolon joined to the next one:
   * TIGER ends a sentence at both, this splitter (by design) at neither.
   */
  sentences: string[];
}

export interface WikinewsRecord {
  id: string;
  half: Half;
  headline: string;
  /** The article without its lead: what the summarizer sees. */
  article: Article;
  /** The withheld lead paragraph: the reference teaser. */
  lead: string;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const COMMENTARY_FILE = "segmentation/pcc_de_commentary.jsonl";
const WIKINEWS_FILE = "summaries/dewikinews_lead.jsonl";

/**
 * The devdata folder: `DIGEST_DEVDATA` when set, else the first `shared/devdata` beside the
 * checkout or one of its parents (`../shared/devdata/` from the main checkout). Null when absent.
 */
export function findDevdata(): string | null {
  const fromEnv = process.env.DIGEST_DEVDATA;
  if (fromEnv !== undefined && fromEnv.length > 0)
    return existsSync(join(fromEnv, WIKINEWS_FILE)) ? fromEnv : null;
  let folder = dirname(REPO_ROOT);
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(folder, "shared", "devdata");
    if (existsSync(join(candidate, WIKINEWS_FILE))) return candidate;
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return null;
}

/** The half a record id belongs to (the rule in docs/summarize-quality.md). */
export function halfOf(id: string): Half {
  const firstByte = createHash("sha1").update(id, "utf8").digest()[0] ?? 0;
  return firstByte % 2 === 0 ? "development" : "held-out";
}

export function readCommentary(devdata: string): CommentaryRecord[] {
  return readJsonl(join(devdata, COMMENTARY_FILE)).map((raw) => {
    const record = raw as {
      id: string;
      unit: "document" | "paragraph";
      text: string;
      sentencesColonMerged: string[];
    };
    return {
      id: record.id,
      unit: record.unit,
      half: halfOf(record.id.replace(/-p\d+$/, "")),
      text: record.text,
      sentences: mergeAfterSemicolons(record.sentencesColonMerged),
    };
  });
}

export function readWikinews(devdata: string): WikinewsRecord[] {
  return readJsonl(join(devdata, WIKINEWS_FILE)).map((raw) => {
    const record = raw as {
      id: string;
      headline: string;
      date: string;
      text: string;
      reference: { teaser: string };
    };
    const paragraphs = record.text
      .split(/\n[ \t]*\n/)
      .map((text) => text.trim())
      .filter((text) => text.length > 0)
      .map((text) => ({ kind: "text" as const, text }));
    const article = ArticleSchema.parse({
      id: record.id,
      source: `devdata:${record.id}`,
      format: "json",
      section: null,
      breadcrumbs: [],
      kicker: null,
      headline: record.headline,
      authors: [],
      published: null,
      lead: null,
      dateline: null,
      paragraphs,
      image: null,
    });
    return {
      id: record.id,
      half: halfOf(record.id),
      headline: record.headline,
      article,
      lead: record.reference.teaser,
    };
  });
}

/** The devdata's colon merge, done for semicolons too (3 sentences in the whole corpus). */
function mergeAfterSemicolons(sentences: readonly string[]): string[] {
  const merged: string[] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    if (previous?.trimEnd().endsWith(";")) merged[merged.length - 1] = `${previous} ${sentence}`;
    else merged.push(sentence);
  }
  return merged;
}

/** The annotated Wikinews paragraphs (stored in the repository, CC BY-NC-SA 4.0). */
export interface AnnotatedParagraph {
  id: string;
  paragraph: number;
  half: Half;
  text: string;
  sentences: string[];
}

export function readAnnotatedWikinews(): AnnotatedParagraph[] {
  return readJsonl(
    join(REPO_ROOT, "test/eval/data/summarize/wikinews-sentences.jsonl"),
  ) as AnnotatedParagraph[];
}

function readJsonl(file: string): unknown[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as unknown);
}
