import { resolve } from "node:path";
import { writePreview } from "../../deliver/index.js";
import { EXIT } from "../../errors.js";
import { formatCount } from "../../format-count.js";
import { createRenderer, runEdition } from "../../pipeline.js";
import { COMMON_HELP, COMMON_OPTIONS, INPUT_HELP, INPUT_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { resolveEditionOptions } from "../edition-options.js";
import { serveStudio } from "../serve-studio.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...INPUT_OPTIONS,
  out: { type: "string", short: "o" },
  serve: { type: "boolean" },
  port: { type: "string" },
  templates: { type: "string" },
} as const;

/** `digest preview`: writes the edition as preview files (the default command). */
export const previewCommand: Command = {
  name: "preview",
  summary: "write the edition as preview files (digest.html, digest.txt, digest.json)",
  help: `Usage: digest preview [options]

Builds the edition from the inputs and writes DIR/digest.html, DIR/digest.txt and DIR/digest.json
(the edition), then prints their paths. Sends nothing.

Options:
${INPUT_HELP}
  -o, --out DIR        folder for the preview files (default: config "previewDir", i.e. preview/)
  --serve              instead of writing files, serve the preview studio on 127.0.0.1 (desktop,
                       mobile, dark mode, text, headers, edition JSON, check; live reload)
  --port N             studio port (default 7530; the next free one when taken)
  --templates DIR      templates folder (default: the package's templates/)
${COMMON_HELP}
`,
  async run(ctx) {
    const { values } = parseCommandArgs("preview", ctx.argv, OPTIONS);
    if (values.serve || values.port !== undefined) return serveStudio(ctx, values);
    const { config, date } = resolveEditionOptions(ctx, values, { previewDir: values.out });
    const renderer = createRenderer(
      values.templates ? { templatesDir: resolve(ctx.cwd, values.templates) } : {},
    );
    const { edition, files } = await runEdition(
      { config, date },
      { cwd: ctx.cwd, renderer, onWarning: ctx.logger.warn, signal: ctx.signal },
      {
        gate: () => null,
        deliver: async ({ edition, email }) => ({
          edition,
          files: await writePreview(resolve(ctx.cwd, config.previewDir), email, edition),
        }),
      },
    );
    ctx.stdout.write(`${files.html}\n${files.text}\n${files.json}\n`);
    const top = edition.stories[0];
    const topDate = top?.updated ?? top?.published ?? null;
    ctx.logger.info(
      `edition ${edition.date}: "${edition.subject}" (${formatCount(edition.stories.length, "story", "stories")}, top story ${topDate === null ? "undated" : `dated ${topDate}`})`,
    );
    return EXIT.OK;
  },
};
