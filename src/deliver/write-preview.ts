import { join, resolve } from "node:path";
import type { Edition, RenderedEmail } from "../types.js";
import { writeFilesAtomically } from "./write-files-atomically.js";

/** The three preview files of an edition. */
export interface PreviewFiles {
  html: string;
  text: string;
  json: string;
}

/**
 * Writes `digest.html`, `digest.txt` and `digest.json` (the edition) into `dir`, all or none.
 *
 * @example
 * const files = await writePreview("preview", email, edition);
 * console.log(files.html); // /abs/path/preview/digest.html
 */
export async function writePreview(
  dir: string,
  email: RenderedEmail,
  edition: Edition,
): Promise<PreviewFiles> {
  const files: PreviewFiles = {
    html: resolve(join(dir, "digest.html")),
    text: resolve(join(dir, "digest.txt")),
    json: resolve(join(dir, "digest.json")),
  };
  await writeFilesAtomically([
    { path: files.html, content: email.html },
    { path: files.text, content: email.text },
    { path: files.json, content: `${JSON.stringify(edition, null, 2)}\n` },
  ]);
  return files;
}
