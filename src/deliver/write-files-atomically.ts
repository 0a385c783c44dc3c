import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { DigestError } from "../errors.js";

/**
 * Writes several files so that a reader never sees a half-written set: every file is written to a
 * temporary name next to its target first, and only when all succeeded are they renamed into place.
 *
 * @example
 * await writeFilesAtomically([{ path: "preview/digest.html", content: html }]);
 */
export async function writeFilesAtomically(
  files: readonly { path: string; content: string }[],
): Promise<void> {
  const suffix = `.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const written: string[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(`${file.path}${suffix}`, file.content, "utf8");
      written.push(file.path);
    }
    for (const path of written) await rename(`${path}${suffix}`, path);
  } catch (error) {
    await Promise.all(written.map((path) => rm(`${path}${suffix}`, { force: true })));
    const where = (error as NodeJS.ErrnoException).path ?? files[0]?.path ?? "";
    throw new DigestError("E_DELIVER", `could not write ${where} - ${(error as Error).message}`, {
      where,
      cause: error,
    });
  }
}
