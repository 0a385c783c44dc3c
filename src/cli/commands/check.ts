import { resolve } from "node:path";
import { composeSampleMessage, UNSUBSCRIBE_SECRET_ENV } from "../../deliver/index.js";
import { DigestError, EXIT } from "../../errors.js";
import {
  CHECK_RULES,
  type CheckReport,
  createRenderer,
  type EditionSink,
  formatCheckReport,
  readEditionFile,
  runEdition,
} from "../../pipeline.js";
import type { Edition } from "../../types.js";
import { COMMON_HELP, COMMON_OPTIONS, INPUT_HELP, INPUT_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { resolveEditionOptions } from "../edition-options.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...INPUT_OPTIONS,
  json: { type: "boolean" },
  sending: { type: "boolean" },
  edition: { type: "string" },
  templates: { type: "string" },
} as const;

const RULE_LIST = Object.entries(CHECK_RULES)
  .map(([id, rule]) => `  ${id.padEnd(20)} ${rule.severity.padEnd(8)} ${rule.summary}`)
  .join("\n");

/** `digest check`: the pre-send gate on the edition, as `digest send` runs it. */
export const checkCommand: Command = {
  name: "check",
  summary: "run the pre-send gate on the edition (size, links, footer, accessibility …)",
  help: `Usage: digest check [options]

Builds and renders the edition as 'digest preview' does and checks it against every rule below.
Prints each finding (rule, where, what, how to fix). Exit 0 when there are no errors (warnings
are allowed), 2 when at least one error blocks the send; the failing rules are named on stderr.
'digest send' runs the same gate and refuses a failing edition unless --force is given.

Options:
${INPUT_HELP}
  --edition FILE       check this edition JSON (as 'digest build' prints it; - for stdin)
                       instead of building one from the inputs
  --templates DIR      templates folder (default: the package's templates/)
  --sending            check as for a send: the message 'digest send' would write for a
                       sample reader (its size, its List-Unsubscribe headers)
  --json               print the report as JSON: { ok, findings: [{ rule, severity, where,
                       message, fix }] }
${COMMON_HELP}

Rules:
${RULE_LIST}
`,
  async run(ctx) {
    const { values } = parseCommandArgs("check", ctx.argv, OPTIONS);
    const { config, date } = resolveEditionOptions(ctx, values);
    const renderer = createRenderer(
      values.templates ? { templatesDir: resolve(ctx.cwd, values.templates) } : {},
    );
    const sending = values.sending === true;
    // The sink's gate is never null, so every run carries a report.
    const toReport = async (run: { edition: Edition; report: CheckReport | null }) => ({
      edition: run.edition,
      report: run.report as CheckReport,
    });
    const sink: EditionSink<{ edition: Edition; report: CheckReport }> = {
      gate: () => ({
        sending,
        // As `digest send` would write it for one sample reader: the gate measures and reads its headers.
        ...(sending
          ? {
              sample: (rendered) => ({
                mime: composeSampleMessage(rendered, config, {
                  now: new Date(),
                  secret: ctx.env[UNSUBSCRIBE_SECRET_ENV],
                }).mime,
              }),
            }
          : {}),
      }),
      deliver: toReport,
      deliverUnrendered: toReport,
    };
    const { edition, report } = await runEdition(
      {
        config,
        date,
        ...(values.edition
          ? { source: { from: "edition", edition: await readEditionFile(values.edition, ctx) } }
          : {}),
      },
      { cwd: ctx.cwd, renderer, onWarning: ctx.logger.warn, signal: ctx.signal },
      sink,
    );
    ctx.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheckReport(report));
    if (!report.ok) {
      const rules = [...new Set(report.findings.filter((f) => f.severity === "error").map((f) => f.rule))];
      throw new DigestError(
        "E_CHECK",
        `edition ${edition.date} failed the pre-send gate: ${rules.join(", ")} - see the findings above for where and how to fix`,
      );
    }
    ctx.logger.info(`edition ${edition.date}: "${edition.subject}" passed the pre-send gate`);
    return EXIT.OK;
  },
};
