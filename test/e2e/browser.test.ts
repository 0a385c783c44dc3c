/**
 * How the email looks in a real browser (Debian's Chromium, headless): the preview at 600 and
 * 375 px, dark mode and images off, with screenshots in test-output/screenshots/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Edition } from "../../src/types.js";
import { launchChromium, openEmailPage, screenshotPath } from "../support/chromium.js";
import { type StudioProcess, startStudioProcess } from "../support/studio-process.js";

// The page.evaluate callbacks run inside Chromium. The project compiles without the DOM library
// (src/ must not use it), so the few browser globals they touch are declared here, for this file only.
interface BrowserElement {
  parentElement: BrowserElement | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  body: BrowserElement;
  documentElement: { scrollWidth: number };
  querySelector(selector: string): BrowserElement | null;
  createTreeWalker(root: BrowserElement, show: number): { nextNode(): unknown; currentNode: BrowserElement };
};
declare const window: { innerWidth: number };
declare const NodeFilter: { SHOW_TEXT: number };
declare function getComputedStyle(element: unknown): {
  color: string;
  backgroundColor: string;
  fontSize: string;
};

const DATE = "2026-11-26";
/** The seed plus three fictional politics articles: a top story with URL and photo, and "Weitere Themen". */
const INPUTS = ["-i", "seeds", "-i", "test/fixtures/check/articles"];
/** WCAG 2.x AA for body text. */
const MIN_CONTRAST = 4.5;
/** Apple HIG / WCAG 2.5.5: a finger needs about 44 CSS px. */
const MIN_TOUCH_PX = 44;
const MIN_BODY_FONT_PX = 14;

let browser: Browser;
let studio: StudioProcess;
let edition: Edition;

beforeAll(async () => {
  [browser, studio] = await Promise.all([
    launchChromium(),
    startStudioProcess(["--port", "0", "--date", DATE, ...INPUTS]),
  ]);
  edition = (await (await fetch(`${studio.url}edition.json`)).json()) as Edition;
});

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

function openEmail(width: number, options: { dark?: boolean; query?: string } = {}): Promise<Page> {
  const url = `${studio.url}email.html${options.query ?? ""}`;
  return openEmailPage(browser, { url }, { width, dark: options.dark ?? false });
}

/** Text colour and the first opaque background behind the element, as a WCAG contrast ratio. */
function contrastOf(page: Page, text: string): Promise<number> {
  return page.evaluate((needle) => {
    const parse = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    // Inside the content wrapper: the hidden preheader before it repeats the teaser's words.
    const root = document.querySelector('[role="article"]') ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let element: BrowserElement | null = null;
    while (walker.nextNode()) {
      if (walker.currentNode.textContent?.includes(needle)) {
        element = walker.currentNode.parentElement;
        break;
      }
    }
    if (!element) throw new Error(`text not found: ${needle}`);
    const color = parse(getComputedStyle(element).color);
    let background = [255, 255, 255];
    for (let node: BrowserElement | null = element; node; node = node.parentElement) {
      const value = parse(getComputedStyle(node).backgroundColor);
      if (value.length === 3 || (value.length === 4 && value[3]! > 0.5)) {
        background = value.slice(0, 3);
        break;
      }
    }
    const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  }, text);
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe("the email in Chromium", () => {
  it.each([600, 375])(
    "at %i px: headline, teaser and key points visible, no horizontal scroll",
    async (width) => {
      const page = await openEmail(width);
      const top = edition.stories[0]!;
      await expect(page.getByRole("heading", { level: 1, name: top.headline }).isVisible()).resolves.toBe(
        true,
      );
      const content = page.locator('[role="article"]');
      await expect(content.getByText(top.teaser, { exact: false }).isVisible()).resolves.toBe(true);
      for (const point of top.keyPoints) {
        const item = page.getByRole("listitem").filter({ hasText: point.text.slice(0, 40) });
        await expect(item.isVisible()).resolves.toBe(true);
        const box = await item.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      }
      for (const story of edition.stories.slice(1)) {
        await expect(page.getByRole("heading", { level: 3, name: story.headline }).isVisible()).resolves.toBe(
          true,
        );
      }
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const teaserSize = await content
        .getByText(top.teaser.slice(0, 40))
        .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      expect(teaserSize).toBeGreaterThanOrEqual(MIN_BODY_FONT_PX);
      expect(await contrastOf(page, top.teaser.slice(0, 40))).toBeGreaterThanOrEqual(MIN_CONTRAST);
      await page.screenshot({ path: screenshotPath(`email-${width}`), fullPage: true });
      await page.close();
    },
  );

  it("has touch-sized links: the Weiterlesen button and the footer links", async () => {
    const page = await openEmail(375);
    const button = page.getByRole("link", { name: /^Weiterlesen/ });
    const buttonBox = await button.boundingBox();
    expect(buttonBox!.height).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    for (const name of ["Abmelden", "Impressum", "Datenschutz"]) {
      const box = await page.getByRole("link", { name, exact: true }).boundingBox();
      expect(box!.height, name).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    }
    await page.close();
  });

  it.each([600, 375])("in dark mode at %i px: dark background, light text, contrast kept", async (width) => {
    const page = await openEmail(width, { dark: true });
    const top = edition.stories[0]!;
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    expect(await contrastOf(page, top.teaser.slice(0, 40))).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(await contrastOf(page, top.keyPoints[0]!.text.slice(0, 40))).toBeGreaterThanOrEqual(MIN_CONTRAST);
    const schemes = await page.evaluate(() =>
      document.querySelector('meta[name="color-scheme"]')?.getAttribute("content"),
    );
    expect(schemes).toContain("dark");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`email-dark-${width}`), fullPage: true });
    await page.close();
  });

  it.each([600, 375])("with images off at %i px: alt text shown, layout holds", async (width) => {
    const page = await openEmail(width, { query: "?images=off" });
    const top = edition.stories[0]!;
    const image = page.locator("img").first();
    expect(await image.getAttribute("alt")).toBe(top.image?.alt);
    const box = await image.boundingBox();
    expect(box!.height).toBeGreaterThan(0);
    await expect(page.getByRole("heading", { level: 1, name: top.headline }).isVisible()).resolves.toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`email-images-off-${width}`), fullPage: true });
    await page.close();
  });

  it("the studio page shows the views, the verdict of the gate, and the email in its frames", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${studio.url}#mobile`);
    await expect(page.locator("#status").textContent()).resolves.toMatch(/check passed/);
    const frame = page.frameLocator("#view-mobile iframe");
    await expect(frame.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      edition.stories[0]!.headline,
    );
    expect(await page.locator("#view-mobile iframe").evaluate((element) => element.clientWidth)).toBe(375);
    await page.screenshot({ path: screenshotPath("studio-mobile"), fullPage: true });
    await page.click('nav a[data-view="desktop"]');
    expect(await page.locator("#view-desktop iframe").evaluate((element) => element.clientWidth)).toBe(600);
    await page.screenshot({ path: screenshotPath("studio-desktop"), fullPage: true });
    // The studio's dark view applies the email's own dark rules, whatever the editor's system setting.
    await page.click('nav a[data-view="dark"]');
    const darkBody = await page
      .frameLocator("#view-dark iframe")
      .locator("body")
      .evaluate((body) => getComputedStyle(body).backgroundColor);
    const [r = 255, g = 255, b = 255] = (darkBody.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.screenshot({ path: screenshotPath("studio-dark"), fullPage: true });
    await page.close();
  });
});
