/**
 * The render stage: Edition → RenderedEdition (HTML and text split around personal slots) →
 * RenderedEmail per reader. Pure apart from reading the templates once in createRenderer.
 */
export {
  createRenderer,
  HTML_TEMPLATE_FILE,
  PARTIALS_DIR,
  type Renderer,
  type RendererOptions,
  TEXT_TEMPLATE_FILE,
} from "./create-renderer.js";
export { derivePreheader, MAX_PREHEADER_CHARS, MIN_PREHEADER_CHARS } from "./derive-preheader.js";
export { deriveSubject, type EditionStories, MAX_SUBJECT_CHARS } from "./derive-subject.js";
export { escapeHtml, toSafeHttpUrl } from "./escape-html.js";
export { formatGermanDate } from "./format-german-date.js";
export { formatGreeting, personalize, resolveWebViewUrl } from "./personalize.js";
