/**
 * The summarize stage: German sentences, teaser and key points. Pure functions only.
 */
export { joinQuotedSentences, type QuotedUnit } from "./join-quoted-sentences.js";
export { splitSentences } from "./split-sentences.js";
export { DEFAULT_SUMMARIZE_OPTIONS, type SummarizeOptions, summarizeArticle } from "./summarize-article.js";
export { stemWord, tokenizeWords, toTerms } from "./tokenize-terms.js";
