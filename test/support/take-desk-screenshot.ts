/**
 * Takes docs/images/desk.png, the README's picture of the desk: the studio (`digest preview
 * --serve`, from the sources) on the seed and the check fixtures' articles on 2026-11-26, Anna
 * signed in, the intro written and saved - shot in Debian's Chromium at 1280 px, top part only,
 * to keep the file small. Re-run after a desk change:
 *
 *   npx tsx test/support/take-desk-screenshot.ts
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "./chromium.js";
import { ROOT } from "./run-digest.js";
import { startStudioProcess } from "./studio-process.js";

const OUT = join(ROOT, "docs/images/desk.png");
const WIDTH_PX = 1280;
const HEIGHT_PX = 960;
const DATE = "2026-11-26";

const dir = await mkdtemp(join(tmpdir(), "digest-desk-shot-"));
await cp(join(ROOT, "seeds"), join(dir, "inputs"), { recursive: true });
await cp(join(ROOT, "test/fixtures/check/articles"), join(dir, "inputs"), { recursive: true });
const base = JSON.parse(await readFile(join(ROOT, "test/fixtures/check/configs/base.json"), "utf8"));
const editors = [{ id: "anna", name: "Anna Schmidt", signature: "Chefin vom Dienst" }];
await writeFile(
  join(dir, "digest.config.json"),
  JSON.stringify({ ...base, inputs: ["inputs"], review: { editors, mode: "required" } }),
);
const studio = await startStudioProcess(["--port", "0", "--date", DATE], { cwd: dir });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: WIDTH_PX, height: HEIGHT_PX } });
  await page.goto(`${studio.url}desk?date=${DATE}`);
  await page.getByLabel("Redakteurin / Redakteur").selectOption("anna");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page
    .getByLabel(/^Einleitung/)
    .fill(
      "Die Koalition hat sich in der Nacht geeinigt: was das für den Haushalt 2027 heißt, lesen Sie gleich hier.",
    );
  await page.getByRole("button", { name: "Speichern" }).click();
  await page.locator("#notice.saved").waitFor();
  await page.frameLocator("#preview-desktop iframe").getByText("Anna Schmidt, Chefin vom Dienst").waitFor();
  await page.screenshot({ path: OUT, clip: { x: 0, y: 0, width: WIDTH_PX, height: HEIGHT_PX } });
} finally {
  await browser.close();
  await studio.stop();
  await rm(dir, { recursive: true, force: true });
}
process.stdout.write(`${OUT}\n`);
