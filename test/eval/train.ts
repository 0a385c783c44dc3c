/**
 * `npm run train`: rebuilds the learned data files of the summarize stage from the development
 * half of `shared/devdata/` (docs/summarize-quality.md) - never from the held-out half:
 *
 * 1. src/summarize/data/sentence-weights.json - the teaser model for articles without a lead
 *    (logistic regression over sentence-features.ts). Labels: the sentences the greedy oracle
 *    picks to cover the article's own lead (withheld from the input).
 * 2. src/summarize/data/learned-abbreviations.json - Punkt-style abbreviation statistics
 *    (learn-abbreviations.ts).
 *
 * Deterministic: the same data gives byte-identical files (a test pins it).
 * Run `npm run train -- --check` to compare with the shipped files without writing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findDevdata } from "./summarize/devdata.js";
import { buildTrainingFiles } from "./train/build-training-files.js";

const devdata = findDevdata();
if (devdata === null) {
  console.error(
    "train: shared/devdata not found beside the checkout or its parents - set DIGEST_DEVDATA to the folder",
  );
  process.exit(2);
}
const files = buildTrainingFiles(devdata);
const check = process.argv.includes("--check");
let differing = 0;
for (const [relative, content] of Object.entries(files)) {
  const path = fileURLToPath(new URL(`../../${relative}`, import.meta.url));
  if (check) {
    const same = readFileSync(path, "utf8") === content;
    if (!same) differing++;
    console.log(`${relative}: ${same ? "up to date" : "differs from what training produces"}`);
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${relative}`);
  }
}
if (differing > 0) process.exitCode = 1;
