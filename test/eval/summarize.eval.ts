/**
 * Evaluates the summarize stage (issue 3) and prints one table:
 *
 * - Segmentation on test/eval/data/summarize/segmentation.json (hand-written German news cases):
 *   exact match (every sentence of a case right) and boundary precision/recall/F1, for our
 *   splitter, Intl.Segmenter("de", sentence) and the npm package sentencex ("de").
 * - Teasers and key points on test/eval/data/summarize/articles.json (hand-written articles with
 *   reference teasers and key points): ROUGE-1/2/L F1 (German Snowball stems, umlauts kept),
 *   next to Lead-1/2/3 and a greedy oracle computed here; redundancy = mean over articles of the
 *   largest unigram overlap (ROUGE-1 F1) between two points of one summary; points = mean count;
 *   ≤220ch = share of points within 220 characters; dangling = share of points that open with an
 *   unresolved reference ("Dabei …", "Er …"), judged by the stage's own word lists.
 *
 * Baselines: teaser Lead-k = the first k sentences of lead + body; key-point Lead-k = the first k
 * sentences of the body (the lead is the teaser), tickers: summary, then newest updates first.
 * Oracle = greedily add the sentence that most raises ROUGE-1 + ROUGE-2 against the reference,
 * up to the reference's number of points (teaser: up to 3 sentences) — an upper bound for any
 * extractive method. Run: `npm run eval`, or alone `npx tsx test/eval/run.ts`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { segment as sentencexSegment } from "sentencex";
import { assessSentence } from "../../src/summarize/assess-sentence.js";
import { splitSentences, summarizeArticle } from "../../src/summarize/index.js";
import type { Article } from "../../src/types.js";
import { greedyOracle } from "./summarize/greedy-oracle.js";
import { type EvalArticle, loadEvalArticles } from "./summarize/load-eval-articles.js";
import { rougeL, rougeN, rougeTokens } from "./summarize/rouge.js";
import { emptyScore, f1, precision, recall, scoreCase } from "./summarize/segmentation-metrics.js";

interface SegmentationCase {
  class: string;
  text: string;
  sentences: string[];
}

const SEGMENTATION_FILE = fileURLToPath(new URL("./data/summarize/segmentation.json", import.meta.url));
const MAX_ORACLE_TEASER_SENTENCES = 3;

type Row = (string | number | null)[];
const HEADER = [
  "task",
  "system",
  "exact",
  "P",
  "R",
  "F1",
  "R-1",
  "R-2",
  "R-L",
  "redund.",
  "points",
  "≤220ch",
  "dangling",
];
/** The preferred maximum length of a key point (SummarizeOptions.keyPointChars). */
const KEY_POINT_CHARS = 220;

export async function run(): Promise<void> {
  console.log(
    "Self-written cases and references (regression tests, not evidence of quality: the project wrote them for itself; see the devdata section and docs/summarize-quality.md).\n",
  );
  const rows: Row[] = [...segmentationRows(), ...summaryRows(loadEvalArticles())];
  printTable(rows);
}

function segmentationRows(): Row[] {
  const { cases } = JSON.parse(readFileSync(SEGMENTATION_FILE, "utf8")) as { cases: SegmentationCase[] };
  const intl = new Intl.Segmenter("de", { granularity: "sentence" });
  const systems: [string, (text: string) => string[]][] = [
    ["ours (splitSentences)", splitSentences],
    ["Intl.Segmenter de", (text) => Array.from(intl.segment(text), (part) => part.segment)],
    ["sentencex de", (text) => sentencexSegment("de", text)],
  ];
  return systems.map(([name, split]) => {
    const score = emptyScore();
    for (const item of cases) scoreCase(score, split(item.text), item.sentences);
    return [
      `segmentation (${cases.length} cases)`,
      name,
      percent(score.exact / score.cases),
      fixed(precision(score)),
      fixed(recall(score)),
      fixed(f1(score)),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ];
  });
}

function summaryRows(articles: readonly EvalArticle[]): Row[] {
  const teaserSystems = new Map<string, string[][]>();
  const pointSystems = new Map<string, string[][]>();
  const add = (map: Map<string, string[][]>, name: string, texts: string[]) => {
    const list = map.get(name) ?? [];
    list.push(texts);
    map.set(name, list);
  };
  for (const { article, reference } of articles) {
    const summary = summarizeArticle(article);
    const fullText = [...(article.lead ? splitSentences(article.lead) : []), ...bodySentences(article)];
    const body = bodySentences(article);
    add(teaserSystems, "ours", [summary.teaser]);
    add(
      pointSystems,
      "ours",
      summary.keyPoints.map((point) => point.text),
    );
    for (const k of [1, 2, 3]) {
      add(teaserSystems, `Lead-${k}`, [fullText.slice(0, k).join(" ")]);
      add(pointSystems, `Lead-${k}`, body.slice(0, k));
    }
    add(teaserSystems, "oracle", [
      greedyOracle(fullText, [reference.teaser], MAX_ORACLE_TEASER_SENTENCES).join(" "),
    ]);
    add(pointSystems, "oracle", greedyOracle(body, reference.keyPoints, reference.keyPoints.length));
  }
  const references = {
    teaser: articles.map((entry) => [entry.reference.teaser]),
    points: articles.map((entry) => entry.reference.keyPoints),
  };
  const rows: Row[] = [];
  const label = (what: string) => `${what} (${articles.length} articles)`;
  for (const [name, outputs] of teaserSystems)
    rows.push(summaryRow(label("teaser"), name, outputs, references.teaser, false));
  for (const [name, outputs] of pointSystems)
    rows.push(summaryRow(label("key points"), name, outputs, references.points, true));
  rows.push(summaryRow(label("key points"), "reference", references.points, references.points, true));
  return rows;
}

function summaryRow(
  task: string,
  name: string,
  outputs: string[][],
  references: string[][],
  withPoints: boolean,
): Row {
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  let redundancy = 0;
  let points = 0;
  let short = 0;
  let dangling = 0;
  outputs.forEach((output, index) => {
    const candidate = rougeTokens(output.join(" "));
    const reference = rougeTokens((references[index] ?? []).join(" "));
    r1 += rougeN(candidate, reference, 1);
    r2 += rougeN(candidate, reference, 2);
    rl += rougeL(candidate, reference);
    redundancy += maxPairwiseOverlap(output);
    points += output.length;
    short += output.filter((point) => point.length <= KEY_POINT_CHARS).length;
    dangling += output.filter((point) => assessSentence(point).dangling).length;
  });
  const n = Math.max(1, outputs.length);
  return [
    task,
    name,
    null,
    null,
    null,
    null,
    fixed(r1 / n),
    fixed(r2 / n),
    fixed(rl / n),
    withPoints ? fixed(redundancy / n) : null,
    withPoints ? (points / n).toFixed(1) : null,
    withPoints ? percent(short / Math.max(1, points)) : null,
    withPoints ? percent(dangling / Math.max(1, points)) : null,
  ];
}

/** Text sentences of the body in the order a reader meets them; tickers: summary, newest updates. */
function bodySentences(article: Article): string[] {
  const sentences: string[] = [];
  for (const block of article.paragraphs)
    if (block.kind === "text") sentences.push(...splitSentences(block.text));
  for (const update of article.updates)
    for (const paragraph of update.paragraphs) sentences.push(...splitSentences(paragraph));
  return sentences;
}

function maxPairwiseOverlap(points: readonly string[]): number {
  let max = 0;
  const tokens = points.map(rougeTokens);
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j < tokens.length; j++) max = Math.max(max, rougeN(tokens[i]!, tokens[j]!, 1));
  }
  return max;
}

function printTable(rows: Row[]): void {
  const cells = [HEADER, ...rows.map((row) => row.map((cell) => (cell === null ? "–" : String(cell))))];
  const widths = HEADER.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(line(cells[0]!));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of cells.slice(1)) console.log(line(row));
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function fixed(value: number): string {
  return value.toFixed(3);
}
