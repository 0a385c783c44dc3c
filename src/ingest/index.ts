/**
 * The ingest stage: files, folders and URLs → Article[].
 * Readers (`read*`) do the I/O; parsers (`parse*`) are pure text → data.
 */
export {
  charsetFromContentType,
  type DecodedText,
  decodeBytes,
  decodeBytesDetailed,
  isBinaryBytes,
  type SniffedEncoding,
  sniffEncoding,
} from "./decode-bytes.js";
export { deriveArticleId } from "./derive-article-id.js";
export { FEED_FORMAT, type ParseFeedOptions, parseFeed } from "./feed/index.js";
export {
  type FormatHints,
  type FormatParseOptions,
  findFormat,
  INPUT_FORMATS,
  type InputFormat,
  isSupportedFileName,
  JSON_FORMAT,
  TEXT_FORMAT,
} from "./formats.js";
export { HTML_FORMAT, type ParseHtmlOptions, parseHtmlArticle } from "./html/index.js";
export { MARKERS, NEWSROOM_TIME_ZONE } from "./markers.js";
export { normalizeInline, normalizeText } from "./normalize-text.js";
export { parseGermanDate } from "./parse-german-date.js";
export { type ParseInputBytesOptions, parseInputBytes } from "./parse-input-bytes.js";
export { type ParseJsonOptions, parseJsonArticles } from "./parse-json-articles.js";
export { type ParseTextOptions, parseTextArticle } from "./parse-text-article.js";
export {
  DEFAULT_MAX_INPUT_BYTES,
  MAX_FOLDER_DEPTH,
  type ReadInputsOptions,
  type ReadInputsResult,
  readInputs,
} from "./read-inputs.js";
export {
  createUrlReader,
  MAX_REDIRECTS,
  READ_URL_TIMEOUT_MS,
  readUrl,
  readUrlInput,
  type UrlReaderOptions,
} from "./read-url.js";
export {
  type FetchedInput,
  isUrlInput,
  type UrlReader,
  type UrlReadOptions,
} from "./url-reader.js";
