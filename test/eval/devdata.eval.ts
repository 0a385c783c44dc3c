/**
 * Evaluates the summarize stage on real German text nobody here wrote (docs/summarize-quality.md),
 * each figure on the development half (used for tuning and training) and on the held-out half
 * (only ever scored), side by side:
 *
 * - Sentence splitting on the Potsdam Commentary Corpus (gold sentences, colon-merged; also its
 *   documents hard-wrapped, summarize/hard-wrap.ts) and on the 150 hand-annotated Wikinews
 *   paragraphs: exact match per record and boundary P/R/F1, for our splitter,
 *   Intl.Segmenter("de") and sentencex ("de").
 * - Teaser and key points on German Wikinews with the lead withheld; the reference is the lead:
 *   ROUGE-1/2/L F1 against Lead-k (the first k body sentences) and a greedy extractive oracle.
 *   The edition row scores what the reader sees, teaser and points together, against Lead-4 and
 *   Lead-5 (about as many sentences). The best-rated rows are the ceiling of a per-sentence
 *   scorer: every sentence rated by its own ROUGE-1 against the reference (known only here).
 *
 * Rows that need `shared/devdata/` are skipped with a note when it is absent.
 */
import { segment as sentencexSegment } from "sentencex";
import { assessSentence } from "../../src/summarize/assess-sentence.js";
import { splitSentences, summarizeArticle } from "../../src/summarize/index.js";
import type { Article } from "../../src/types.js";
import {
  findDevdata,
  HALVES,
  type Half,
  readAnnotatedWikinews,
  readCommentary,
  readWikinews,
  type WikinewsRecord,
} from "./summarize/devdata.js";
import { greedyOracle } from "./summarize/greedy-oracle.js";
import { hardWrap } from "./summarize/hard-wrap.js";
import { rougeL, rougeN, rougeTokens } from "./summarize/rouge.js";
import { emptyScore, f1, precision, recall, scoreCase } from "./summarize/segmentation-metrics.js";

type Splitter = [name: string, split: (text: string) => string[]];
const intl = new Intl.Segmenter("de", { granularity: "sentence" });
const SPLITTERS: Splitter[] = [
  ["ours", splitSentences],
  ["Intl.Segmenter de", (text) => Array.from(intl.segment(text), (part) => part.segment)],
  ["sentencex de", (text) => sentencexSegment("de", text)],
];
/** Key points shorter than this are "short" in the table (the target). */
const SHORT_POINT_CHARS = 200;
const MAX_ORACLE_TEASER_SENTENCES = 2;
/** The teaser's budget (DEFAULT_SUMMARIZE_OPTIONS.teaserChars). */
const TEASER_CHARS = 300;
/** Line width of the hard-wrapped copy of the commentary documents (robustness row). */
const WRAP_WIDTH = 72;

export async function run(): Promise<void> {
  const annotated = readAnnotatedWikinews();
  printTable(
    ["corpus", "half", "records", "splitter", "exact", "P", "R", "F1"],
    HALVES.flatMap((half) =>
      segmentationRows(
        "Wikinews annotated paragraphs",
        half,
        annotated.filter((item) => item.half === half),
      ),
    ),
  );
  const devdata = findDevdata();
  if (devdata === null) {
    console.log(
      "\nnote: shared/devdata not found (looked beside the checkout and its parents; set DIGEST_DEVDATA) - commentary and Wikinews summary rows skipped",
    );
    return;
  }
  const commentary = readCommentary(devdata);
  console.log("");
  printTable(
    ["corpus", "half", "records", "splitter", "exact", "P", "R", "F1"],
    HALVES.flatMap((half) => [
      ...segmentationRows(
        "PCC commentary, all records",
        half,
        commentary.filter((item) => item.half === half),
      ),
      ...segmentationRows(
        "PCC commentary, documents",
        half,
        commentary.filter((item) => item.half === half && item.unit === "document"),
      ),
      ...segmentationRows(
        `PCC documents hard-wrapped at ${WRAP_WIDTH} columns`,
        half,
        commentary
          .filter((item) => item.half === half && item.unit === "document")
          .map((item) => ({ ...item, text: hardWrap(item.text, WRAP_WIDTH) })),
      ),
    ]),
  );
  const wikinews = readWikinews(devdata);
  console.log("");
  printTable(
    [
      "task (Wikinews, lead withheld)",
      "half",
      "articles",
      "system",
      "R-1",
      "R-2",
      "R-L",
      "chars",
      "points",
      `≤${SHORT_POINT_CHARS}ch`,
      "dangling",
    ],
    HALVES.flatMap((half) =>
      summaryRows(
        half,
        wikinews.filter((record) => record.half === half),
      ),
    ),
  );
}

function segmentationRows(
  corpus: string,
  half: Half,
  records: readonly { text: string; sentences: string[] }[],
): string[][] {
  return SPLITTERS.map(([name, split]) => {
    const score = emptyScore();
    for (const record of records) scoreCase(score, split(record.text), record.sentences);
    return [
      corpus,
      half,
      String(records.length),
      name,
      percent(score.exact / Math.max(1, score.cases)),
      fixed(precision(score)),
      fixed(recall(score)),
      fixed(f1(score)),
    ];
  });
}

function summaryRows(half: Half, records: readonly WikinewsRecord[]): string[][] {
  const teasers = new Map<string, string[][]>();
  const points = new Map<string, string[][]>();
  const editions = new Map<string, string[][]>();
  const add = (map: Map<string, string[][]>, name: string, output: string[]) => {
    map.set(name, [...(map.get(name) ?? []), output]);
  };
  for (const record of records) {
    const summary = summarizeArticle(record.article);
    const body = bodySentences(record.article);
    add(teasers, "ours", [summary.teaser]);
    add(
      points,
      "ours",
      summary.keyPoints.map((point) => point.text),
    );
    add(editions, "ours", [summary.teaser, ...summary.keyPoints.map((point) => point.text)]);
    for (const k of [1, 2, 3]) {
      add(teasers, `Lead-${k}`, [body.slice(0, k).join(" ")]);
      add(points, `Lead-${k}`, body.slice(0, k));
    }
    for (const k of [4, 5]) add(editions, `Lead-${k}`, body.slice(0, k));
    add(teasers, "oracle", [greedyOracle(body, [record.lead], MAX_ORACLE_TEASER_SENTENCES).join(" ")]);
    add(points, "oracle", greedyOracle(body, [record.lead], summary.keyPoints.length || 3));
    // The ceiling for points that may not repeat the teaser: the oracle without its sentences.
    const afterTeaser = body.filter((sentence) => !summary.teaser.includes(sentence));
    add(points, "oracle w/o teaser", greedyOracle(afterTeaser, [record.lead], summary.keyPoints.length || 3));
    // What a perfect sentence scorer could reach: each sentence rated by its own ROUGE-1 against
    // the reference (known here, never to the summarizer), the best taken as the product would.
    add(teasers, "best-rated (ref known)", bestRated(body, record.lead, 2, TEASER_CHARS));
    add(points, "best-rated w/o teaser (ref known)", bestRated(afterTeaser, record.lead, 3, Infinity));
  }
  const references = records.map((record) => record.lead);
  const rows: string[][] = [];
  for (const [name, outputs] of teasers)
    rows.push(scoreRow("teaser", half, name, outputs, references, false));
  for (const [name, outputs] of points)
    rows.push(scoreRow("key points", half, name, outputs, references, true));
  for (const [name, outputs] of editions)
    rows.push(scoreRow("edition (teaser + points)", half, name, outputs, references, false));
  return rows;
}

function scoreRow(
  task: string,
  half: Half,
  name: string,
  outputs: readonly string[][],
  references: readonly string[],
  withPoints: boolean,
): string[] {
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  let chars = 0;
  let count = 0;
  let short = 0;
  let dangling = 0;
  outputs.forEach((output, index) => {
    const candidate = rougeTokens(output.join(" "));
    const reference = rougeTokens(references[index] ?? "");
    r1 += rougeN(candidate, reference, 1);
    r2 += rougeN(candidate, reference, 2);
    rl += rougeL(candidate, reference);
    chars += output.join(" ").length;
    count += output.length;
    short += output.filter((point) => point.length <= SHORT_POINT_CHARS).length;
    dangling += output.filter((point) => assessSentence(point).dangling).length;
  });
  const n = Math.max(1, outputs.length);
  return [
    task,
    half,
    String(outputs.length),
    name,
    (100 * (r1 / n)).toFixed(1),
    (100 * (r2 / n)).toFixed(1),
    (100 * (rl / n)).toFixed(1),
    String(Math.round(chars / n)),
    withPoints ? (count / n).toFixed(1) : "–",
    withPoints ? percent(short / Math.max(1, count)) : "–",
    withPoints ? percent(dangling / Math.max(1, count)) : "–",
  ];
}

/**
 * The `count` sentences with the highest ROUGE-1 of their own against the reference, in text
 * order, within `maxChars` joined: the ceiling of a scorer that rates sentences one by one
 * (the summarizer's design) if it rated them perfectly. Unlike the greedy oracle it does not
 * choose sentences for how well they complement each other.
 */
function bestRated(
  sentences: readonly string[],
  reference: string,
  count: number,
  maxChars: number,
): string[] {
  const referenceTokens = rougeTokens(reference);
  const order = sentences
    .map((sentence, index) => ({ index, score: rougeN(rougeTokens(sentence), referenceTokens, 1) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: number[] = [];
  let length = 0;
  for (const { index } of order) {
    if (chosen.length >= count) break;
    const added = length + (chosen.length > 0 ? 1 : 0) + (sentences[index]?.length ?? 0);
    if (added > maxChars) continue;
    chosen.push(index);
    length = added;
  }
  return chosen.sort((a, b) => a - b).map((index) => sentences[index] ?? "");
}

/** The body's sentences in reading order (the lead is withheld, so this is what Lead-k takes). */
function bodySentences(article: Article): string[] {
  return article.paragraphs.flatMap((block) => (block.kind === "text" ? splitSentences(block.text) : []));
}

function printTable(header: string[], rows: string[][]): void {
  const cells = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function fixed(value: number): string {
  return value.toFixed(3);
}
