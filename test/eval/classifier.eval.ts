/**
 * Evaluates the German politics classifier (src/select/classify-politics.ts) on two hand-written,
 * labelled sets (politics vs. Sport, Wirtschaft, Kultur, Panorama, Wissen, Reise, Auto):
 *
 * - `articles.jsonl` (130 short articles): the development set, written by the author of the
 *   weights and looked at while tuning them - its figures are optimistic;
 * - `heldout.jsonl` (100 longer articles): written later, by a session that never saw the term
 *   list, and not used to tune it - the honest figure (`classifier.heldout.*`).
 *
 * Prints accuracy, precision, recall and the misclassified headlines per set. Run through
 * `npm run eval`, or alone: `npx tsx test/eval/classifier.eval.ts`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { classifyPolitics } from "../../src/select/index.js";

interface LabelledArticle {
  section: string;
  headline: string;
  text: string;
}

const SETS = [
  { prefix: "classifier", file: "articles.jsonl" },
  { prefix: "classifier.heldout", file: "heldout.jsonl" },
] as const;

export async function run(): Promise<void> {
  for (const set of SETS) {
    evaluate(set.prefix, fileURLToPath(new URL(`./data/classifier/${set.file}`, import.meta.url)));
  }
}

function evaluate(prefix: string, file: string): void {
  const articles = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LabelledArticle);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  const wrong: string[] = [];
  const bySection = new Map<string, { right: number; total: number }>();
  for (const article of articles) {
    const actual = article.section === "Politik";
    const verdict = classifyPolitics({ headline: article.headline, text: article.text });
    if (verdict.politics && actual) tp++;
    else if (verdict.politics) fp++;
    else if (actual) fn++;
    else tn++;
    const tally = bySection.get(article.section) ?? { right: 0, total: 0 };
    tally.total++;
    if (verdict.politics === actual) tally.right++;
    bySection.set(article.section, tally);
    if (verdict.politics !== actual) {
      wrong.push(
        `  [${article.section}] ${article.headline} (score ${verdict.score}: ${verdict.evidence.join(", ")})`,
      );
    }
  }
  const total = articles.length;
  const politics = tp + fn;
  console.log(`${prefix}.articles: ${total} (${politics} Politik, ${total - politics} other sections)`);
  console.log(`${prefix}.accuracy: ${((tp + tn) / total).toFixed(3)}`);
  console.log(`${prefix}.precision: ${(tp / Math.max(1, tp + fp)).toFixed(3)}`);
  console.log(`${prefix}.recall: ${(tp / Math.max(1, politics)).toFixed(3)}`);
  for (const [section, tally] of [...bySection].sort((a, b) => b[1].total - a[1].total)) {
    console.log(`${prefix}.correct.${section}: ${tally.right}/${tally.total}`);
  }
  console.log(`${prefix}.misclassified: ${wrong.length}`);
  for (const line of wrong) console.log(line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
