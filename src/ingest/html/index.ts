/** HTML article pages: parsers and the format entry of the ingest registry. */
export { HTML_FORMAT, htmlDeclaredCharset, isHtmlText } from "./html-format.js";
export { type HtmlBody, htmlToBlocks, textOf } from "./html-to-blocks.js";
export { parseDateValue } from "./parse-date-value.js";
export { type ParseHtmlOptions, parseHtmlArticle } from "./parse-html-article.js";
export { type JsonLdArticle, parseJsonLd } from "./parse-json-ld.js";
