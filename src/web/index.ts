/**
 * The web stage (I/O): `digest web`, the reader's side - one-click unsubscribe and its
 * confirmation page, the archive of sent editions and their Atom feed.
 */
export { createRateLimiter, type RateLimiter } from "./create-rate-limiter.js";
export { MAX_FEED_ENTRIES } from "./handle-newsletter.js";
export { MAX_BODY_BYTES } from "./read-form.js";
export { renderArchiveHtml } from "./render-archive-html.js";
export { type FeedEntry, renderAtomFeed } from "./render-atom-feed.js";
export { maskAddress } from "./render-web-page.js";
export {
  MAX_URL_CHARS,
  startWebServer,
  type WebServer,
  type WebServerOptions,
} from "./start-web-server.js";
