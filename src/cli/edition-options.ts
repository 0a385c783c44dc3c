import { localDate } from "../clock.js";
import { type LoadedConfig, loadConfig } from "../config/index.js";
import type { CommandContext } from "./command.js";
import { parseDateFlag } from "./args.js";

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
  return { ...loaded, date: date ?? localDate(extra.now ?? new Date(), loaded.config.timeZone) };
}
