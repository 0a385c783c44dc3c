export { writeFilesAtomically } from "./write-files-atomically.js";
export { type PreviewFiles, writePreview } from "./write-preview.js";
