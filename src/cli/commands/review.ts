import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { formatZoned } from "../../clock.js";
import type { Config } from "../../config/index.js";
import { formatIssues } from "../../config/index.js";
import { createLedger, LEDGER_FILE } from "../../deliver/index.js";
import { DigestError, EXIT, type ExitCode } from "../../errors.js";
import { formatCheckReport } from "../../pipeline.js";
import {
  createDesk,
  type Desk,
  type DraftChange,
  type DraftView,
  describeConflict,
  EditableEditionSchema,
  formatIntro,
} from "../../review/index.js";
import { escapeControlChars, quoteLogValue } from "../../unsafe-chars.js";
import { COMMON_HELP, COMMON_OPTIONS, INPUT_HELP, INPUT_OPTIONS, parseCommandArgs } from "../args.js";
import type { Command, CommandContext } from "../command.js";
import { resolveEditionOptions } from "../edition-options.js";

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...INPUT_OPTIONS,
  state: { type: "string" },
  json: { type: "boolean" },
  file: { type: "string" },
  by: { type: "string" },
  version: { type: "string" },
  reason: { type: "string" },
} as const;

const SUBCOMMANDS = ["show", "edit", "approve", "hold", "log"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/** `digest review`: the desk from the command line (for scripts and tests). */
export const reviewCommand: Command = {
  name: "review",
  summary: "the desk from the command line: show, edit, approve or hold a draft; its change log",
  help: `Usage: digest review show --date D [--json]
       digest review edit --date D --file EDITION.json --by NAME [--version N]
       digest review approve --date D --by NAME
       digest review hold --date D --by NAME --reason TEXT
       digest review log --date D

A draft is the machine's proposal for an edition plus the editors' changes, kept in the ledger
with a version number and a state (proposed, edited, approved, held, sent). With config
"review.mode": "required", 'digest send' and the scheduler send only the approved rendering.
See docs/desk.md.

  show       open the draft (created from the inputs, or its proposal rebuilt while untouched)
             and print it; --json prints the shape 'edit' reads
  edit       replace the editable fields (subject, preheader, intro, story order, teasers, key
             points) from a JSON file in the shape 'show --json' prints; refused when the draft
             moved on since --version N (default: the file's "version")
  approve    run the pre-send gate and approve: the rendering is frozen and its hash recorded
  hold       hold the edition with a reason: it is not sent
  log        every change: who, when, field, before, after

Options:
${INPUT_HELP}
  --by NAME            the editor (an id in config "review.editors")
  --file FILE          edit: the JSON file
  --version N          edit: the version the edit started from
  --reason TEXT        hold: why
  --json               show/log: print JSON
  --state DIR          state folder holding ledger.sqlite (default: DIGEST_STATE_DIR, else config
                       "delivery.stateDir", i.e. state/)
${COMMON_HELP}

Exit codes: 0 ok, 2 bad usage, unknown editor, invalid edit, stale version (conflict) or a
failing pre-send gate, 3 no story for the edition.
`,
  async run(ctx) {
    const { values, positionals } = parseCommandArgs("review", ctx.argv, OPTIONS, true);
    const [sub, ...extra] = positionals;
    if (!isSubcommand(sub) || extra.length > 0) {
      throw new DigestError(
        "E_USAGE",
        `digest review: ${sub === undefined ? "name a subcommand" : `unknown subcommand or extra argument '${escapeControlChars(extra[0] ?? sub)}'`} - one of ${SUBCOMMANDS.join(", ")} (see 'digest review --help')`,
      );
    }
    const needs = (flag: "by" | "file" | "reason"): string => {
      const value = values[flag];
      if (value !== undefined && value !== "") return value;
      throw new DigestError(
        "E_USAGE",
        `digest review ${sub}: --${flag} is required - see 'digest review --help'`,
      );
    };
    const { config, date } = resolveEditionOptions(ctx, values, { stateDir: values.state });
    const stateDir = resolve(ctx.cwd, config.delivery.stateDir);
    if (sub === "log" && !existsSync(resolve(stateDir, LEDGER_FILE))) {
      throw new DigestError(
        "E_REVIEW",
        `there is no draft of ${date} - the ledger ${stateDir} does not exist yet`,
      );
    }
    const ledger = createLedger({ stateDir });
    try {
      const desk = createDesk({
        config,
        cwd: ctx.cwd,
        store: ledger.drafts,
        onWarning: ctx.logger.warn,
        signal: ctx.signal,
      });
      switch (sub) {
        case "show": {
          const draft = await desk.openDraft(date);
          ctx.stdout.write(values.json ? `${JSON.stringify(draft, null, 2)}\n` : formatDraft(draft, config));
          return EXIT.OK;
        }
        case "edit":
          return await edit(desk, ctx, {
            date,
            by: needs("by"),
            file: needs("file"),
            version: values.version,
          });
        case "approve": {
          const result = await desk.approveDraft(date, { by: needs("by") });
          if (result.outcome === "conflict")
            throw new DigestError("E_CONFLICT", describeConflict(result.conflict));
          if (result.outcome === "gate-failed") {
            ctx.stdout.write(formatCheckReport(result.report));
            const rules = [
              ...new Set(result.report.findings.filter((f) => f.severity === "error").map((f) => f.rule)),
            ];
            throw new DigestError(
              "E_CHECK",
              `could not approve the draft of ${date} - it fails the pre-send gate (${rules.join(", ")}); fix the findings above with 'digest review edit' and approve again`,
            );
          }
          const { approved } = result.draft;
          ctx.stdout.write(
            `approved the draft of ${date} (version ${result.draft.version}) by ${approved?.by}; frozen rendering sha256 ${approved?.hash}\n`,
          );
          return EXIT.OK;
        }
        case "hold": {
          const result = await desk.holdDraft(date, { by: needs("by"), reason: needs("reason") });
          if (result.outcome === "conflict")
            throw new DigestError("E_CONFLICT", describeConflict(result.conflict));
          ctx.stdout.write(
            `held the draft of ${date} (version ${result.draft.version}): ${quoteLogValue(result.draft.held?.reason ?? "")}\n`,
          );
          return EXIT.OK;
        }
        case "log": {
          const changes = desk.draftLog(date);
          ctx.stdout.write(
            values.json ? `${JSON.stringify(changes, null, 2)}\n` : formatLog(changes, config),
          );
          return EXIT.OK;
        }
      }
    } finally {
      ledger.close();
    }
  },
};

async function edit(
  desk: Desk,
  ctx: CommandContext,
  input: { date: string; by: string; file: string; version: string | undefined },
): Promise<ExitCode> {
  const path = resolve(ctx.cwd, input.file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new DigestError(
      "E_INPUT",
      `could not read the edit ${input.file} - ${(error as Error).message}. Expected the JSON 'digest review show --json' prints (or its "edition")`,
      { where: input.file, cause: error },
    );
  }
  // The whole `show --json` output, or just its edition.
  const wrapper = isObject(parsed) && isObject(parsed.edition) ? parsed : null;
  const result = EditableEditionSchema.safeParse(wrapper ? wrapper.edition : parsed);
  if (!result.success) {
    throw new DigestError("E_INPUT", `invalid edit ${input.file} - ${formatIssues(result.error.issues)}`, {
      where: input.file,
    });
  }
  const version = parseVersion(input.version, wrapper?.version);
  const saved = await desk.saveDraft(input.date, result.data, { by: input.by, version });
  if (saved.outcome === "conflict") throw new DigestError("E_CONFLICT", describeConflict(saved.conflict));
  ctx.stdout.write(
    saved.changes.length === 0
      ? `nothing changed in the draft of ${input.date} (version ${saved.draft.version})\n`
      : `saved the draft of ${input.date} as version ${saved.draft.version} (${saved.changes.filter((c) => c.field !== "state").length} field(s) changed, state ${saved.draft.state})\n`,
  );
  return EXIT.OK;
}

function parseVersion(flag: string | undefined, fromFile: unknown): number {
  if (flag === undefined) {
    if (typeof fromFile === "number" && Number.isInteger(fromFile) && fromFile >= 1) return fromFile;
    throw new DigestError(
      "E_USAGE",
      "digest review edit: pass --version N (the version your edit started from) or keep the \"version\" of 'review show --json' in the file",
    );
  }
  const version = Number(flag);
  if (!Number.isInteger(version) || version < 1) {
    throw new DigestError("E_USAGE", `--version ${escapeControlChars(flag)} is not a positive whole number`);
  }
  return version;
}

/** The draft as a few readable lines (terminal-safe: every value escaped). */
function formatDraft(draft: DraftView, config: Config): string {
  const safe = escapeControlChars;
  const lines = [
    `draft ${draft.key} - version ${draft.version}, ${draft.state} (last change by ${draft.updatedBy} at ${at(draft.updatedAt, config)})`,
    `subject:   ${safe(draft.edition.subject)}`,
    `preheader: ${safe(draft.edition.preheader)}`,
    `intro:     ${safe(formatIntro(draft.edition.intro ?? null) ?? "(the standard line)")}`,
  ];
  draft.edition.stories.forEach((story, index) => {
    lines.push(`${index === 0 ? "top" : `${index}.`.padEnd(3)}  ${safe(story.headline)}  [${story.id}]`);
    story.keyPoints.forEach((point, j) => {
      const source = draft.sources[story.id]?.[j];
      lines.push(`       ${j + 1}. ${safe(point.text)}`);
      lines.push(`          ${source ? `source: ${safe(source)}` : "(written at the desk)"}`);
    });
  });
  const fresh = draft.candidates.filter((c) => c.isNew).length;
  lines.push(
    `candidates: ${draft.candidates.length}${fresh > 0 ? ` (${fresh} new since the first edit)` : ""} - see --json`,
  );
  if (draft.approved)
    lines.push(
      `approved by ${draft.approved.by} at ${at(draft.approved.at, config)}, sha256 ${draft.approved.hash}`,
    );
  if (draft.held)
    lines.push(`held by ${draft.held.by} at ${at(draft.held.at, config)}: ${safe(draft.held.reason)}`);
  if (draft.fallback)
    lines.push(`deadline fallback ${draft.fallback.action} at ${at(draft.fallback.at, config)}`);
  if (draft.sent) lines.push(`sent at ${at(draft.sent.at, config)} (${draft.sent.editionKey})`);
  return `${lines.join("\n")}\n`;
}

function formatLog(changes: readonly DraftChange[], config: Config): string {
  const show = (value: string | null) => (value === null ? "(none)" : quoteLogValue(value));
  return changes
    .map(
      (c) =>
        `v${c.version}  ${at(c.at, config)}  ${c.by}  ${c.field}: ${show(c.before)} → ${show(c.after)}\n`,
    )
    .join("");
}

function at(stamp: string, config: Config): string {
  const instant = new Date(stamp);
  return Number.isNaN(instant.getTime()) ? stamp : formatZoned(instant, config.timeZone);
}

function isSubcommand(value: string | undefined): value is Subcommand {
  return (SUBCOMMANDS as readonly (string | undefined)[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
