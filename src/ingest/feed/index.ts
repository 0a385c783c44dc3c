/** RSS and Atom feeds: the parser and the format entry of the ingest registry. */
export { FEED_FORMAT, isFeedText, xmlDeclaredCharset } from "./feed-format.js";
export { type ParseFeedOptions, parseFeed } from "./parse-feed.js";
