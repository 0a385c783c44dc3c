import { loadConfig } from "../../config/index.js";
import { EXIT } from "../../errors.js";
import { readInputs } from "../../ingest/index.js";
import { COMMON_HELP, COMMON_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { requirePositionals } from "../positionals.js";

const OPTIONS = { ...COMMON_OPTIONS } as const;

/** `digest parse FILE...`: prints parsed articles. */
export const parseCommand: Command = {
  name: "parse",
  summary: "print the parsed article(s) of FILE... as JSON",
  help: `Usage: digest parse FILE|DIR|URL...

Parses article files (scraped text, JSON, HTML, RSS/Atom) and prints the Article JSON: one object
for one article, an array for several. A JSON file in this shape is itself a valid input.

Options:
${COMMON_HELP}
`,
  async run(ctx) {
    const { values, positionals } = parseCommandArgs("parse", ctx.argv, OPTIONS, true);
    const inputs = requirePositionals("parse", positionals, "FILE");
    const { config } = loadConfig({ file: values.config, cwd: ctx.cwd, env: ctx.env });
    const { articles } = await readInputs(inputs, {
      cwd: ctx.cwd,
      maxBytes: config.limits.inputBytes,
      onWarning: ctx.logger.warn,
    });
    const output = articles.length === 1 ? articles[0] : articles;
    ctx.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT.OK;
  },
};
