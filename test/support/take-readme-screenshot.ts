/**
 * Takes docs/images/email.png, the README's picture of the email: the edition of the mixed example
 * folder (test/fixtures/web/mixed) on 2026-11-26, rendered as `digest preview` renders it and shot
 * in Debian's Chromium at 600 px, top part only (masthead, top story, the first further headlines)
 * to keep the file small. Re-run after a template change:
 *
 *   npm run build && npx tsx test/support/take-readme-screenshot.ts
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium, openEmailPage } from "./chromium.js";
import { ROOT, runDigest } from "./run-digest.js";

const OUT = join(ROOT, "docs/images/email.png");
const WIDTH_PX = 600;
const HEIGHT_PX = 1500;

// The built CLI, as a user runs it (npm run build first).
const dir = await mkdtemp(join(tmpdir(), "digest-readme-shot-"));
const args = ["preview", "--input", "test/fixtures/web/mixed", "--date", "2026-11-26", "--out", dir];
const run = await runDigest(args, { cwd: ROOT });
if (run.code !== 0) throw new Error(`digest ${args.join(" ")} failed (exit ${run.code}): ${run.stderr}`);
const html = await readFile(join(dir, "digest.html"), "utf8");
const browser = await launchChromium();
try {
  const page = await openEmailPage(browser, { html }, { width: WIDTH_PX, height: HEIGHT_PX });
  await page.screenshot({ path: OUT, clip: { x: 0, y: 0, width: WIDTH_PX, height: HEIGHT_PX } });
} finally {
  await browser.close();
}
process.stdout.write(`${OUT}\n`);
