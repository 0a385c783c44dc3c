/**
 * The preview studio (`digest preview --serve`): a local page showing the edition as the reader
 * gets it, live-reloading on changes to templates, inputs and config.
 */
export { createDraftRoutes, type DraftRoutesOptions } from "./desk/create-draft-routes.js";
export {
  createStudioDesk,
  type DeskAnswer,
  type DeskRequest,
  type DraftRoutes,
  type StudioDesk,
  type StudioDeskOptions,
} from "./desk/create-studio-desk.js";
export {
  type DeskAccess,
  type DeskEditor,
  deskTokenVariable,
  MIN_TOKEN_CHARS,
  PICK_HOSTS,
  resolveDeskAccess,
} from "./desk/desk-access.js";
export { isLoopbackHost, isStudioHost, studioUrl } from "./is-studio-host.js";
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
