/**
 * digest as a library: the pipeline's stages, each usable on its own.
 *
 * @example
 * import { buildEdition, createRenderer, loadConfig, readInputs } from "digest";
 * const { config } = loadConfig({ cwd: process.cwd() });
 * const { articles } = await readInputs(["seeds"], { cwd: process.cwd(), maxBytes: config.limits.inputBytes });
 * const { edition } = buildEdition(articles, { config, date: "2026-11-26" });
 * const email = await createRenderer().renderPreview(edition, config);
 */
export { type CheckReport, checkEdition, type Finding } from "./check/index.js";
export { formatZoned, localDate, zonedTime } from "./clock.js";
export { type Config, type ConfigInput, ConfigSchema, loadConfig, parseConfig } from "./config/index.js";
export {
  createLedger,
  createOutboxTransport,
  createSmtpTransport,
  type DeliveryReport,
  type Ledger,
  readRecipients,
  type SendEditionOptions,
  sendEdition,
  signUnsubscribeToken,
  type Transport,
  verifyUnsubscribeToken,
  writePreview,
} from "./deliver/index.js";
export { DigestError, ERROR_CODES, type ErrorCode, EXIT, isDigestError } from "./errors.js";
export {
  decodeBytes,
  normalizeText,
  parseFeed,
  parseHtmlArticle,
  parseJsonArticles,
  parseTextArticle,
  readInputs,
} from "./ingest/index.js";
export {
  type BuiltEdition,
  buildEdition,
  type EditionRequest,
  type EditionRun,
  type EditionSink,
  type EditionSource,
  editionTime,
  type GateRequest,
  readEdition,
  runEdition,
} from "./pipeline.js";
export { createRenderer, formatGermanDate, personalize, type Renderer } from "./render/index.js";
export { createFireSchedule, runSchedule } from "./schedule/index.js";
export { selectStories } from "./select/index.js";
export { splitSentences, summarizeArticle } from "./summarize/index.js";
export * from "./types.js";
