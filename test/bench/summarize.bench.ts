/**
 * Benchmarks of the summarize stage (issue 3), printed as `name: value` lines:
 * - splitter throughput on the German evaluation texts (sentences per second);
 * - summarize on a 1,000-word article and on the typical articles of the reference set (ms), and
 *   a batch of 1,000 articles as `digest summarize --jsonl` runs it;
 * - scaling with sentence count: long articles and live tickers of 100/400/1600 sentences. The
 *   graph ranking is O(n²) in the ranked sentences, so a cap (MAX_RANKED_SENTENCES, and the
 *   newest MAX_TICKER_UPDATES ticker entries) keeps the cost flat beyond it; the exponent
 *   log(t1600 / t400) / log 4 shows it (2 would be quadratic, 1 linear).
 * Inputs are built from the hand-written evaluation data, so the text is real German news prose.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTextArticle } from "../../src/ingest/index.js";
import { splitSentences, summarizeArticle } from "../../src/summarize/index.js";
import type { Article } from "../../src/types.js";
import { loadEvalArticles } from "../eval/summarize/load-eval-articles.js";

const SEGMENTATION_FILE = fileURLToPath(new URL("../eval/data/summarize/segmentation.json", import.meta.url));
const SEED_FILE = fileURLToPath(new URL("../../seeds/000_7cdcff967b3c5d01.txt", import.meta.url));
/** Each round runs at least this long, so timer resolution and JIT warm-up do not dominate. */
const MIN_ROUND_MS = 100;
const ROUNDS = 5;

export async function run(): Promise<void> {
  const articles = loadEvalArticles().map((entry) => entry.article);
  const seed = parseTextArticle(readFileSync(SEED_FILE, "utf8"), { source: SEED_FILE });
  const sentences = corpusSentences(articles);

  const texts = [
    ...(JSON.parse(readFileSync(SEGMENTATION_FILE, "utf8")) as { cases: { text: string }[] }).cases.map(
      (item) => item.text,
    ),
    ...articles.flatMap((article) => article.paragraphs.map((block) => block.text)),
  ];
  const sentencesPerPass = texts.reduce((sum, text) => sum + splitSentences(text).length, 0);
  const splitMs = measure(() => {
    for (const text of texts) splitSentences(text);
  });
  print("split.sentences_per_second", Math.round((sentencesPerPass / splitMs) * 1000));

  const thousandWords = articleOfWords(seed, sentences, 1000);
  print("summarize.words_in_long_article", countWords(thousandWords));
  print("summarize.ms_per_1000_word_article", measure(() => summarizeArticle(thousandWords)).toFixed(2));
  const typical = [seed, ...articles];
  print(
    "summarize.ms_per_typical_article",
    (
      measure(() => {
        for (const article of typical) summarizeArticle(article);
      }) / typical.length
    ).toFixed(3),
  );
  print("summarize.ms_seed_article", measure(() => summarizeArticle(seed)).toFixed(3));
  // The batch case of `digest summarize --jsonl`: 1,000 articles in one process.
  const batchMs = measure(() => {
    for (let i = 0; i < 1000; i++) summarizeArticle(typical[i % typical.length]!);
  });
  print("summarize.ms_per_1000_articles_batch", Math.round(batchMs));

  const longTimes: number[] = [];
  const tickerTimes: number[] = [];
  for (const count of [100, 400, 1600]) {
    const long = articleOfSentences(seed, sentences, count);
    const ticker = tickerOfSentences(seed, sentences, count);
    longTimes.push(measure(() => summarizeArticle(long)));
    tickerTimes.push(measure(() => summarizeArticle(ticker)));
    print(`summarize.ms_long_article_${count}_sentences`, longTimes[longTimes.length - 1]!.toFixed(2));
    print(`summarize.ms_ticker_${count}_sentences`, tickerTimes[tickerTimes.length - 1]!.toFixed(2));
  }
  print(
    "summarize.scaling_exponent_long_article_400_to_1600",
    exponent(longTimes[1]!, longTimes[2]!).toFixed(2),
  );
  print(
    "summarize.scaling_exponent_ticker_400_to_1600",
    exponent(tickerTimes[1]!, tickerTimes[2]!).toFixed(2),
  );
}

/**
 * Milliseconds per call: the best of `ROUNDS` rounds, each the mean over at least
 * `MIN_ROUND_MS`, after one warm-up call. The machine is shared, so the minimum (the run least
 * disturbed by other processes) is the honest estimate of the code's own cost.
 */
function measure(task: () => void): number {
  task();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < MIN_ROUND_MS) {
      task();
      calls++;
      elapsed = performance.now() - start;
    }
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

function exponent(smaller: number, larger: number): number {
  return Math.log(larger / smaller) / Math.log(4);
}

function print(name: string, value: string | number): void {
  console.log(`${name}: ${value}`);
}

function corpusSentences(articles: readonly Article[]): string[] {
  return articles.flatMap((article) =>
    article.paragraphs
      .filter((block) => block.kind === "text")
      .flatMap((block) => splitSentences(block.text)),
  );
}

function countWords(article: Article): number {
  return article.paragraphs.reduce((sum, block) => sum + block.text.split(/\s+/).length, 0);
}

/** Paragraphs of three corpus sentences each until the body has at least `words` words. */
function articleOfWords(base: Article, sentences: readonly string[], words: number): Article {
  const paragraphs: Article["paragraphs"] = [];
  let total = 0;
  for (let i = 0; total < words; i += 3) {
    const text = [0, 1, 2].map((offset) => sentences[(i + offset) % sentences.length]).join(" ");
    paragraphs.push({ kind: "text", text });
    total += text.split(/\s+/).length;
  }
  return { ...base, paragraphs };
}

function articleOfSentences(base: Article, sentences: readonly string[], count: number): Article {
  const paragraphs: Article["paragraphs"] = [];
  for (let i = 0; i < count; i += 4) {
    const text = [0, 1, 2, 3].map((offset) => sentences[(i + offset) % sentences.length]).join(" ");
    paragraphs.push({ kind: "text", text });
  }
  return { ...base, paragraphs };
}

/** A live ticker: one summary paragraph plus updates of two sentences each, newest first. */
function tickerOfSentences(base: Article, sentences: readonly string[], count: number): Article {
  const updates: Article["updates"] = [];
  for (let i = 0; i < count; i += 2) {
    updates.push({
      label: `Update vom 14. März, ${String(Math.floor(i / 60) % 24).padStart(2, "0")}.${String(i % 60).padStart(2, "0")} Uhr`,
      time: null,
      paragraphs: [`${sentences[i % sentences.length]} ${sentences[(i + 1) % sentences.length]}`],
    });
  }
  return { ...base, paragraphs: base.paragraphs.slice(0, 1), updates };
}
