/**
 * `npm run eval`: runs every evaluation module in this folder (`*.eval.ts`, sorted by name), each
 * exporting `run(): Promise<void>` that prints its own report. A module that throws fails the run
 * (exit 1) after the others have run.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
const modules = readdirSync(folder)
  .filter((name) => name.endsWith(".eval.ts"))
  .sort();
let failed = 0;
for (const name of modules) {
  const module = (await import(pathToFileURL(`${folder}${name}`).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== "function") {
    console.error(`${name}: exports no run() - skipped`);
    failed++;
    continue;
  }
  console.log(`\n## ${name.replace(/\.eval\.ts$/, "")}\n`);
  try {
    await module.run();
  } catch (error) {
    failed++;
    console.error(`${name} failed:`, error);
  }
}
if (failed > 0) process.exitCode = 1;
