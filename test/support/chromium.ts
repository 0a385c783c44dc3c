/**
 * Launches Debian's Chromium headless through playwright-core for the real-browser tests. CI
 * installs it with apt (.ci/run); DIGEST_CHROMIUM overrides the path.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { ROOT } from "./run-digest.js";

export const CHROMIUM_PATH = process.env.DIGEST_CHROMIUM ?? "/usr/bin/chromium";
/** Screenshots land here (gitignored); CI keeps the folder as an artefact. */
export const SCREENSHOT_DIR = join(ROOT, "test-output/screenshots");

/** No sandbox (containers lack the user namespaces it needs), no GPU, and nothing phoning home. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/**
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH} - install it (apt-get install -y chromium) or set DIGEST_CHROMIUM to its path`,
    );
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Path of a screenshot file in SCREENSHOT_DIR. */
export function screenshotPath(name: string): string {
  return join(SCREENSHOT_DIR, `${name}.png`);
}
