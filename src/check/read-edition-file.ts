import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { formatIssues } from "../config/index.js";
import { DigestError } from "../errors.js";
import { type Edition, EditionSchema } from "../types.js";

/**
 * Reads an edition JSON as `digest build` prints it (or `digest.json` of a preview), from a file
 * or from standard input for "-", and validates it against the Edition schema.
 *
 * @throws DigestError E_INPUT naming the file and every invalid key.
 * @example
 * const edition = await readEditionFile("preview/digest.json", { cwd, stdin });
 */
export async function readEditionFile(file: string, io: { cwd: string; stdin: Readable }): Promise<Edition> {
  const shown = file === "-" ? "standard input" : file;
  let text: string;
  try {
    text = file === "-" ? await readStream(io.stdin) : await readFile(resolve(io.cwd, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DigestError(
      "E_INPUT",
      `could not read the edition ${shown} - ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
      { cause: error, where: shown },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DigestError(
      "E_INPUT",
      `could not read the edition ${shown} - it is not JSON (${(error as Error).message}). Expected what 'digest build' prints`,
      { cause: error, where: shown },
    );
  }
  const result = EditionSchema.safeParse(data);
  if (!result.success) {
    throw new DigestError(
      "E_INPUT",
      `could not read the edition ${shown} - ${formatIssues(result.error.issues)}. Expected what 'digest build' prints`,
      { where: shown },
    );
  }
  return result.data;
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
