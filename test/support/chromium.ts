/**
 * Launches Debian's Chromium headless through playwright-core for the real-browser tests. CI
 * installs it with apt (.ci/run); DIGEST_CHROMIUM overrides the path.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
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

/** How an email page is opened: its viewport, colour scheme and answers to outside requests. */
export interface EmailPageOptions {
  width: number;
  /** Viewport height in CSS px (default 900). */
  height?: number;
  /** Emulate `prefers-color-scheme: dark`. */
  dark?: boolean;
  /**
   * Answers one request that would leave the machine (a photo, say); null, or no function, aborts
   * it - which is also what "images off" looks like. Requests to 127.0.0.1 always go through.
   */
  answer?: (url: string) => { contentType: string; body: Buffer } | null;
}

/**
 * Opens an email in a new page of `browser`: from a URL (the studio's `/email.html`) or from an
 * HTML string. Nothing leaves the machine: image hosts are fictional.
 *
 * @example
 * const page = await openEmailPage(browser, { url: `${studio.url}email.html` }, { width: 375, dark: true });
 * const page = await openEmailPage(browser, { html }, { width: 600, answer: (url) => (url === PHOTO ? png : null) });
 */
export async function openEmailPage(
  browser: Browser,
  source: { url: string } | { html: string },
  options: EmailPageOptions,
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width, height: options.height ?? 900 },
    colorScheme: options.dark ? "dark" : "light",
  });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    const answer = options.answer?.(route.request().url()) ?? null;
    return answer ? route.fulfill({ status: 200, ...answer }) : route.abort();
  });
  if ("url" in source) await page.goto(source.url);
  else await page.setContent(source.html, { waitUntil: "load" });
  return page;
}
