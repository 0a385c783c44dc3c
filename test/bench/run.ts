/**
 * `npm run bench`: imports every `*.bench.ts` in this folder (sorted by name) and awaits its
 * `run()`, which prints `name: value` lines. Benchmarks run one after another, never in parallel,
 * so their timings do not disturb each other.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
const modules = readdirSync(folder)
  .filter((name) => name.endsWith(".bench.ts"))
  .sort();
let failed = 0;
for (const name of modules) {
  const module = (await import(pathToFileURL(`${folder}${name}`).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== "function") {
    console.error(`${name}: exports no run() - skipped`);
    failed++;
    continue;
  }
  try {
    await module.run();
  } catch (error) {
    failed++;
    console.error(`${name} failed:`, error);
  }
}
if (failed > 0) process.exitCode = 1;
