/**
 * Evaluates near-duplicate merging (src/select/merge-duplicates.ts) on labelled article pairs in
 * test/eval/data/dedupe/pairs.jsonl: for each pair, are the two articles merged into one story?
 * The pairs were written by a session that never saw the merge rules or their thresholds:
 * same-story kinds (agency reprints, feed item vs. its page, rewrites by a second outlet, updated
 * versions) and different-story kinds (same topic, template headlines, follow-ups, shared quotes).
 * Prints precision and recall of "merged" and the result per kind, with the wrong pairs.
 * Run through `npm run eval`, or alone: `npx tsx test/eval/dedupe.eval.ts`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseJsonArticles } from "../../src/ingest/index.js";
import { mergeDuplicates } from "../../src/select/index.js";

interface LabelledPair {
  same: boolean;
  kind: string;
  note: string;
  a: Record<string, unknown>;
  b: Record<string, unknown>;
}

const DATA_FILE = fileURLToPath(new URL("./data/dedupe/pairs.jsonl", import.meta.url));

export async function run(): Promise<void> {
  const pairs = readFileSync(DATA_FILE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LabelledPair);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const byKind = new Map<string, { right: number; total: number; same: boolean }>();
  const wrong: string[] = [];
  pairs.forEach((pair, index) => {
    const articles = parseJsonArticles(JSON.stringify([pair.a, pair.b]), { source: `pair ${index + 1}` });
    const merged = mergeDuplicates(articles).length === 1;
    if (merged && pair.same) tp++;
    else if (merged) fp++;
    else if (pair.same) fn++;
    else tn++;
    const tally = byKind.get(pair.kind) ?? { right: 0, total: 0, same: pair.same };
    tally.total++;
    if (merged === pair.same) tally.right++;
    else
      wrong.push(
        `  [${pair.kind}] ${merged ? "merged" : "kept apart"}: ${pair.a.headline} | ${pair.b.headline}`,
      );
    byKind.set(pair.kind, tally);
  });
  const same = tp + fn;
  console.log(`dedupe.pairs: ${pairs.length} (${same} same story, ${pairs.length - same} different)`);
  console.log(`dedupe.accuracy: ${((tp + tn) / pairs.length).toFixed(3)}`);
  console.log(`dedupe.merge_precision: ${(tp / Math.max(1, tp + fp)).toFixed(3)}`);
  console.log(`dedupe.merge_recall: ${(tp / Math.max(1, same)).toFixed(3)}`);
  for (const [kind, tally] of [...byKind].sort((x, y) => Number(y[1].same) - Number(x[1].same))) {
    console.log(`dedupe.correct.${tally.same ? "same" : "different"}.${kind}: ${tally.right}/${tally.total}`);
  }
  console.log(`dedupe.wrong: ${wrong.length}`);
  for (const line of wrong) console.log(line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
