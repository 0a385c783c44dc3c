import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { DigestError } from "../errors.js";

/**
 * Lines of a file, or of standard input for "-" or no file, streamed (batch modes never hold the
 * whole input in memory).
 *
 * @example
 * for await (const { line, number } of readLines(undefined, process.stdin, cwd)) …
 */
export async function* readLines(
  file: string | undefined,
  stdin: Readable,
  cwd: string,
): AsyncGenerator<{ line: string; number: number }> {
  const input = file === undefined || file === "-" ? stdin : createReadStream(resolve(cwd, file), "utf8");
  if (input !== stdin) {
    await new Promise<void>((ok, fail) => {
      input.once("open", () => ok());
      input.once("error", (error: NodeJS.ErrnoException) =>
        fail(
          new DigestError(
            "E_INPUT",
            `could not read ${file} - ${error.code === "ENOENT" ? "no such file" : error.message}`,
            {
              where: file,
              cause: error,
            },
          ),
        ),
      );
    });
  } else {
    stdin.setEncoding?.("utf8");
  }
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    yield { line: number === 1 ? line.replace(/^\uFEFF/, "") : line, number };
  }
}

/** Writes to a stream, waiting for drain when its buffer is full (batch output stays bounded). */
export async function writeLine(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(`${text}\n`)) await new Promise<void>((ok) => stream.once("drain", () => ok()));
}
