/**
 * No source file in src/ grows past MAX_SOURCE_LINES (a file a reader can hold). Data tables are
 * the only exception, and each is named here, so a new exception is a visible decision.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/run-digest.js";

const MAX_SOURCE_LINES = 400;
/** Word lists and term tables: long by nature, no logic in them. */
const DATA_TABLES = new Set(["src/select/data/politics-terms.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

function lineCount(file: string): number {
  const text = readFileSync(file, "utf8");
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

describe("src/ layout", () => {
  const files = sourceFiles(join(ROOT, "src")).map((file) => relative(ROOT, file).split("\\").join("/"));

  it(`keeps every source file at or under ${MAX_SOURCE_LINES} lines, data tables excepted`, () => {
    const long = files
      .filter((file) => !DATA_TABLES.has(file))
      .map((file) => ({ file, lines: lineCount(join(ROOT, file)) }))
      .filter((entry) => entry.lines > MAX_SOURCE_LINES);
    expect(long).toEqual([]);
  });

  it("names only data tables that exist and live in a data/ folder", () => {
    for (const table of DATA_TABLES) {
      expect(files).toContain(table);
      expect(table).toMatch(/\/data\//);
    }
  });
});
