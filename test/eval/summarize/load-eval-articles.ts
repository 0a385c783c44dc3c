/**
 * Reads test/eval/data/summarize/articles.json (the hand-written reference set) and turns each
 * entry into an Article as ingest would deliver it: headings as heading blocks, ticker entries in
 * `updates` (newest first) with only the summary above them in `paragraphs`, and the dateline
 * ("Berlin – ") moved out of the first paragraph into `dateline`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Article, ArticleSchema } from "../../../src/types.js";

export interface EvalArticle {
  id: string;
  style: string;
  article: Article;
  reference: { teaser: string; keyPoints: string[] };
}

interface RawArticle {
  id: string;
  style: string;
  kicker: string | null;
  headline: string;
  lead: string | null;
  dateline: string | null;
  paragraphs: (string | { heading: string })[];
  updates: { label: string; paragraphs: string[] }[];
  reference: { teaser: string; keyPoints: string[] };
}

const DATA_FILE = fileURLToPath(new URL("../data/summarize/articles.json", import.meta.url));

export function loadEvalArticles(): EvalArticle[] {
  const raw = JSON.parse(readFileSync(DATA_FILE, "utf8")) as { articles: RawArticle[] };
  return raw.articles.map((entry) => ({
    id: entry.id,
    style: entry.style,
    reference: entry.reference,
    article: ArticleSchema.parse({
      id: entry.id,
      source: `test/eval/data/summarize/articles.json#${entry.id}`,
      format: "json",
      section: "Politik",
      breadcrumbs: [],
      kicker: entry.kicker,
      headline: entry.headline,
      authors: [],
      published: null,
      lead: entry.lead,
      dateline: entry.dateline,
      paragraphs: entry.paragraphs.map((block, index) =>
        typeof block === "string"
          ? { kind: "text", text: index === 0 ? withoutDateline(block, entry.dateline) : block }
          : { kind: "heading", text: block.heading },
      ),
      image: null,
      updates: entry.updates.map((update) => ({
        label: update.label,
        time: null,
        paragraphs: update.paragraphs,
      })),
    }),
  }));
}

function withoutDateline(text: string, dateline: string | null): string {
  if (dateline === null || !text.startsWith(dateline)) return text;
  return text.slice(dateline.length).replace(/^(?: \([^)]*\))? [–-] /u, "");
}
