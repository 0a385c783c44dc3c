/**
 * `npm run eval`: runs every evaluation module in this folder (`*.eval.ts`, sorted by name), each
 * exporting `run(): Promise<void>` that prints its own report under a heading. A module that
 * throws fails the run (exit 1) after the others have run.
 */
import { fileURLToPath } from "node:url";
import { runModules } from "../support/run-modules.js";

const failed = await runModules(fileURLToPath(new URL(".", import.meta.url)), ".eval.ts", {
  onStart: (name) => console.log(`\n## ${name.replace(/\.eval\.ts$/, "")}\n`),
});
if (failed > 0) process.exitCode = 1;
