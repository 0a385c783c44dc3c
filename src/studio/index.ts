/**
 * The preview studio (`digest preview --serve`): a local page showing the edition as the reader
 * gets it, live-reloading on changes to templates, inputs and config.
 */
export { listenOnFreePort, MAX_PORT_TRIES } from "./listen-on-free-port.js";
export { readStudioSnapshot, type SnapshotRequest, type StudioSnapshot } from "./read-studio-snapshot.js";
export { renderStudioPage, STUDIO_VIEWS } from "./render-studio-page.js";
export {
  DEFAULT_STUDIO_PORT,
  STUDIO_HOST,
  type Studio,
  type StudioOptions,
  startStudio,
} from "./start-studio.js";
export { type EmailViewOptions, toEmailView } from "./to-email-view.js";
export { type FileWatch, fingerprint, WATCH_INTERVAL_MS, watchFiles } from "./watch-files.js";
