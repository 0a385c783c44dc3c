/**
 * Runs every module in a folder whose name ends in a suffix (`.bench.ts`, `.eval.ts`), sorted by
 * name, one after another: each exports `run(): Promise<void>` and prints its own lines. Modules
 * never run in parallel, so timings do not disturb each other. A module without `run()` or one that
 * throws is reported on stderr and counted, and the rest still run.
 *
 * @example
 * // test/bench/run.ts
 * const failed = await runModules(fileURLToPath(new URL(".", import.meta.url)), ".bench.ts");
 * if (failed > 0) process.exitCode = 1;
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface RunModulesOptions {
  /** Called before each module runs, e.g. to print a heading. */
  onStart?: (name: string) => void;
}

/** Resolves with the number of modules that failed or export no `run()`. */
export async function runModules(
  folder: string,
  suffix: string,
  options: RunModulesOptions = {},
): Promise<number> {
  const names = readdirSync(folder)
    .filter((name) => name.endsWith(suffix))
    .sort();
  let failed = 0;
  for (const name of names) {
    const module = (await import(pathToFileURL(join(folder, name)).href)) as { run?: () => Promise<void> };
    if (typeof module.run !== "function") {
      console.error(`${name}: exports no run() - skipped`);
      failed++;
      continue;
    }
    options.onStart?.(name);
    try {
      await module.run();
    } catch (error) {
      failed++;
      console.error(`${name} failed:`, error);
    }
  }
  return failed;
}
