import { loadConfig } from "../../config/index.js";
import { DigestError, EXIT } from "../../errors.js";
import { parseJsonArticles, readInputs } from "../../ingest/index.js";
import { summarizeArticle } from "../../summarize/index.js";
import type { Article } from "../../types.js";
import { COMMON_HELP, COMMON_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { requirePositionals } from "../positionals.js";
import { readLines, writeLine } from "../read-lines.js";

const OPTIONS = { ...COMMON_OPTIONS, jsonl: { type: "boolean" } } as const;

/** `digest summarize`: teaser and key points of every article, whatever its section. */
export const summarizeCommand: Command = {
  name: "summarize",
  summary: "print { headline, teaser, keyPoints } for every article of FILE... (or --jsonl)",
  help: `Usage: digest summarize FILE|DIR... 
       digest summarize --jsonl [FILE|-]

Summarizes every article, whatever its section: prints { headline, teaser, keyPoints } as JSON
(an array when there are several articles).

Options:
  --jsonl              batch mode: each input line is one JSON article (the shape 'digest parse'
                       prints; only headline and paragraphs required); prints one JSON result per line
${COMMON_HELP}
`,
  async run(ctx) {
    const { values, positionals } = parseCommandArgs("summarize", ctx.argv, OPTIONS, true);
    const { config } = loadConfig({ file: values.config, cwd: ctx.cwd, env: ctx.env });
    const options = {
      teaserChars: config.limits.teaserChars,
      keyPointsMin: config.limits.keyPointsMin,
      keyPointsMax: config.limits.keyPointsMax,
      keyPointChars: config.limits.keyPointChars,
    };
    const summarize = (article: Article) => ({
      headline: article.headline,
      ...summarizeArticle(article, options),
    });
    if (values.jsonl) {
      if (positionals.length > 1)
        throw new DigestError("E_USAGE", "digest summarize --jsonl: give at most one FILE (or - for stdin)");
      const file = positionals[0];
      for await (const { line, number } of readLines(file, ctx.stdin, ctx.cwd)) {
        if (line.trim() === "") continue;
        const articles = parseJsonArticles(line, { source: `${file ?? "stdin"}:${number}` });
        for (const article of articles) await writeLine(ctx.stdout, JSON.stringify(summarize(article)));
      }
      return EXIT.OK;
    }
    const inputs = requirePositionals("summarize", positionals, "FILE");
    const { articles } = await readInputs(inputs, {
      cwd: ctx.cwd,
      maxBytes: config.limits.inputBytes,
      onWarning: ctx.logger.warn,
    });
    const results = articles.map(summarize);
    ctx.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    return EXIT.OK;
  },
};
