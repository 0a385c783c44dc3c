import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { localDate } from "../clock.js";
import { type LoadedConfig, loadConfig } from "../config/index.js";
import { findPackageRoot } from "../package-root.js";
import { parseDateFlag } from "./args.js";
import type { CommandContext } from "./command.js";

/** Parsed values of COMMON_OPTIONS + INPUT_OPTIONS. */
export interface EditionFlags {
  config?: string | undefined;
  input?: string[] | undefined;
  date?: string | undefined;
  section?: string | undefined;
}

/**
 * Loads the config with the input flags applied and resolves the edition date (flag, else today
 * in the configured time zone, read from the injected clock).
 *
 * @example
 * const { config, date } = resolveEditionOptions(ctx, values);
 */
export function resolveEditionOptions(
  ctx: Pick<CommandContext, "cwd" | "env">,
  flags: EditionFlags,
  extra: { stateDir?: string | undefined; previewDir?: string | undefined; now?: Date } = {},
): LoadedConfig & { date: string } {
  const date = flags.date === undefined ? undefined : parseDateFlag(flags.date);
  const loaded = loadConfig({
    file: flags.config,
    cwd: ctx.cwd,
    env: ctx.env,
    overrides: {
      section: flags.section,
      inputs: flags.input,
      stateDir: extra.stateDir,
      previewDir: extra.previewDir,
    },
  });
  const { config } = loaded;
  // The embedded default: run outside a project (no config, no seeds/ here), preview the bundled seed.
  if (
    flags.input === undefined &&
    loaded.file === null &&
    config.inputs.length === 1 &&
    config.inputs[0] === "seeds"
  ) {
    if (!existsSync(resolve(ctx.cwd, "seeds"))) config.inputs = [join(findPackageRoot(), "seeds")];
  }
  return { ...loaded, date: date ?? localDate(extra.now ?? new Date(), config.timeZone) };
}
