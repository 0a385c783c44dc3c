/**
 * `npm run bench`: imports every `*.bench.ts` in this folder (sorted by name) and awaits its
 * `run()`, which prints `name: value` lines. Benchmarks run one after another, never in parallel,
 * so their timings do not disturb each other.
 */
import { fileURLToPath } from "node:url";
import { runModules } from "../support/run-modules.js";

const failed = await runModules(fileURLToPath(new URL(".", import.meta.url)), ".bench.ts");
if (failed > 0) process.exitCode = 1;
