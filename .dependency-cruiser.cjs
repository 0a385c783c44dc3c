/**
 * The import rules of digest, checked by `npm run deps` (part of `npm run lint`, so CI runs it).
 * Paths are relative to the repository; only src/ is cruised, tests are left out.
 *
 * Stages are the folders that build an edition: ingest, select, summarize, render and check;
 * deliver sends it; src/pipeline.ts is the only module that chains them.
 */
const STAGES = "^src/(ingest|select|summarize|render|check)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles, type-only imports included.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "commands-through-pipeline",
      severity: "error",
      comment:
        "Commands, the studio and the scheduler make editions through src/pipeline.ts (runEdition), never by " +
        "calling a stage themselves; type-only imports are allowed. The exceptions are deliberate and listed: " +
        "the single-stage inspection commands (digest parse, summarize, sentences run one stage on its own) and " +
        "the studio's and the desk's page templates, which escape HTML with render's escapeHtml.",
      from: {
        path: "^src/(cli|studio|schedule)/",
        pathNot: [
          "^src/cli/commands/(parse|summarize|sentences)\\.ts$",
          "^src/studio/render-studio-page\\.ts$",
          "^src/studio/desk/render-desk-(page|shell)\\.ts$",
        ],
      },
      to: { path: STAGES, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "stages-not-up",
      severity: "error",
      comment: "No stage (nor deliver, web, config or the pipeline) imports cli, studio or schedule.",
      from: {
        path: ["^src/(ingest|select|summarize|render|check|deliver|web|config)/", "^src/pipeline\\.ts$"],
      },
      to: { path: "^src/(cli|studio|schedule)/" },
    },
    {
      name: "stages-not-pipeline",
      severity: "error",
      comment: "The pipeline chains the stages; no stage calls back into it.",
      from: { path: "^src/(ingest|select|summarize|render|check|deliver|web|config)/" },
      to: { path: "^src/pipeline\\.ts$" },
    },
    {
      name: "deliver-independent",
      severity: "error",
      comment: "deliver imports neither schedule nor check: the gate runs before it, in the pipeline.",
      from: { path: "^src/deliver/" },
      to: { path: "^src/(schedule|check)/" },
    },
    {
      name: "stage-entry-points",
      severity: "error",
      comment: "Across folders, import a folder's index.ts, not its internals.",
      from: { path: "^src/([^/]+)/" },
      to: {
        path: "^src/([^/]+)/.+",
        pathNot: ["^src/$1/", "^src/[^/]+/index\\.ts$"],
      },
    },
  ],
  required: [
    {
      name: "edition-paths-use-pipeline",
      severity: "error",
      comment:
        "Every path that makes an edition calls the pipeline: digest preview, build, check, send, the " +
        "scheduler's edition sender and the studio's snapshot.",
      module: {
        path: [
          "^src/cli/commands/(preview|build|check|send)\\.ts$",
          "^src/schedule/create-edition-sender\\.ts$",
          "^src/studio/read-studio-snapshot\\.ts$",
        ],
      },
      to: { path: "^src/pipeline\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
