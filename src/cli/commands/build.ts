import { EXIT } from "../../errors.js";
import { readEdition } from "../../pipeline.js";
import { COMMON_HELP, COMMON_OPTIONS, INPUT_HELP, INPUT_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { resolveEditionOptions } from "../edition-options.js";

const OPTIONS = { ...COMMON_OPTIONS, ...INPUT_OPTIONS } as const;

/** `digest build`: prints the edition JSON. */
export const buildCommand: Command = {
  name: "build",
  summary: "print the edition (date, subject, preheader, stories) as JSON",
  help: `Usage: digest build [options]

Builds the edition from the inputs and prints it as JSON on stdout: date, dateLine, subject,
preheader and stories (headline, kicker, authors, teaser, keyPoints[{text, paragraph, sentence}],
url, image). Writes no files.

Options:
${INPUT_HELP}
${COMMON_HELP}
`,
  async run(ctx) {
    const { values } = parseCommandArgs("build", ctx.argv, OPTIONS);
    const { config, date } = resolveEditionOptions(ctx, values);
    const { edition } = await readEdition(
      { config, date },
      { cwd: ctx.cwd, onWarning: ctx.logger.warn, signal: ctx.signal },
    );
    ctx.stdout.write(`${JSON.stringify(edition, null, 2)}\n`);
    return EXIT.OK;
  },
};
