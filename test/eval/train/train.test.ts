/**
 * `npm run train` is deterministic and the shipped data files are exactly what it produces from
 * the development half of shared/devdata (skipped, with the reason, when the data is absent).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDevdata } from "../summarize/devdata.js";
import { buildTrainingFiles } from "./build-training-files.js";

const devdata = findDevdata();

describe.skipIf(devdata === null)("npm run train (needs shared/devdata)", () => {
  it("produces the same files twice, equal to the shipped ones", () => {
    const first = buildTrainingFiles(devdata ?? "");
    const second = buildTrainingFiles(devdata ?? "");
    expect(second).toEqual(first);
    for (const [path, content] of Object.entries(first)) {
      expect(readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8"), path).toBe(content);
    }
  }, 180_000);
});
