import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/index.js";
import { findPackageRoot } from "../package-root.js";
import { type Studio, startStudio } from "./start-studio.js";

const ROOT = findPackageRoot();
const CONFIG = join(ROOT, "test/fixtures/check/configs/base.json");
const controller = new AbortController();
let studio: Studio;

beforeAll(async () => {
  studio = await startStudio({
    port: 0,
    cwd: ROOT,
    loadConfig: () =>
      loadConfig({ file: CONFIG, cwd: ROOT, overrides: { inputs: [join(ROOT, "seeds")] } }).config,
    configFile: CONFIG,
    date: "2026-11-26",
    signal: controller.signal,
    now: () => new Date("2026-11-26T06:30:00Z"),
    watchIntervalMs: 60_000,
  });
});

afterAll(async () => {
  controller.abort();
  await studio.closed;
});

/** A GET with an explicit Host header (fetch would not let a test set it). */
function get(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: studio.port, path, headers: { host } }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

// Issue 12, item 10: the studio answered any Host (DNS rebinding) and showed today's edition for
// an invalid ?date=.
describe("startStudio", () => {
  it("answers only to its own address: any other Host is refused (DNS rebinding)", async () => {
    for (const host of [
      "evil.test",
      `evil.test:${studio.port}`,
      "127.0.0.1:1",
      `127.0.0.1.nip.io:${studio.port}`,
    ]) {
      const response = await get("/edition.json", host);
      expect([host, response.status]).toEqual([host, 403]);
      expect(response.body).not.toContain("stories");
    }
  });

  it("serves the edition to 127.0.0.1:PORT and localhost:PORT", async () => {
    for (const host of [`127.0.0.1:${studio.port}`, `localhost:${studio.port}`]) {
      const response = await get("/edition.json", host);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body).date).toBe("2026-11-26");
    }
  });

  it.each(["2026-13-01", "2026-02-30", "yesterday", "", "2026-11-26<script>"])(
    "answers 400 for ?date=%s instead of another edition",
    async (date) => {
      const response = await get(
        `/edition.json?date=${encodeURIComponent(date)}`,
        `127.0.0.1:${studio.port}`,
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatch(/\?date= must be a calendar date YYYY-MM-DD/);
    },
  );
});
