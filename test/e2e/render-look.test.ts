/**
 * The rendered email's details a desk editor looks at, checked in Debian's Chromium: the photo
 * with its caption and credit (shown and blocked), type sizes, and the feedback address on a
 * phone. The email is rendered in-process from the render fixtures and loaded with setContent;
 * no request leaves the machine (the photo is answered by the route handler or aborted).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenderer } from "../../src/render/index.js";
import type { Edition, Story } from "../../src/types.js";
import { loadConfig, loadEdition } from "../fixtures/render/fixtures.js";
import { launchChromium, openEmailPage, screenshotPath } from "../support/chromium.js";

// The evaluate callbacks run in Chromium; the project compiles without the DOM library.
interface BrowserElement {
  parentElement: BrowserElement | null;
  textContent: string | null;
  getClientRects(): { length: number };
  querySelectorAll(selector: string): ArrayLike<BrowserElement>;
}
declare const document: {
  body: BrowserElement;
  documentElement: { scrollWidth: number };
  querySelector(selector: string): BrowserElement | null;
  createTreeWalker(root: BrowserElement, show: number): { nextNode(): unknown; currentNode: BrowserElement };
};
declare const window: { innerWidth: number };
declare const NodeFilter: { SHOW_TEXT: number };
declare function getComputedStyle(element: unknown): { fontSize: string };

const PHOTO_URL = "https://www.example-zeitung.de/bilder/koalition.jpg";
const MIN_FONT_PX = 14;
/** The placeholder's min-height in templates/partials/head.hbs. */
const MIN_PHOTO_BLOCK_PX = 140;

let browser: Browser;
let html: string;
let photo: Buffer;

beforeAll(async () => {
  browser = await launchChromium();
  const base = loadEdition("edition-full");
  const top = base.stories[0] as Story;
  const edition: Edition = {
    ...base,
    stories: [
      { ...top, image: { ...(top.image ?? { caption: null, credit: null, alt: null }), url: PHOTO_URL } },
      ...base.stories.slice(1),
    ],
  };
  html = (await createRenderer().renderPreview(edition, loadConfig())).html;
  // A 16:9 "photo": a screenshot of a plain page, so the test needs no image file or library.
  const painter = await browser.newPage({ viewport: { width: 1200, height: 675 } });
  await painter.setContent('<body style="margin:0;background:#3c5a80"></body>');
  photo = await painter.screenshot();
  await painter.close();
});

afterAll(async () => {
  await browser?.close();
});

function openEmail(width: number, images: "on" | "off"): Promise<Page> {
  return openEmailPage(
    browser,
    { html },
    {
      width,
      answer: (url) =>
        images === "on" && url === PHOTO_URL ? { contentType: "image/png", body: photo } : null,
    },
  );
}

describe("the rendered email in Chromium", () => {
  it.each([600, 375])(
    "at %i px: the photo fills the column, caption and credit beneath it",
    async (width) => {
      const page = await openEmail(width, "on");
      const image = page.locator(`img[src="${PHOTO_URL}"]`);
      expect(
        await image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth),
      ).toBe(1200);
      const imageBox = (await image.boundingBox())!;
      // The column is 600 px minus 2 × 32 px padding on desktop, the screen minus 2 × 20 px on a phone.
      expect(imageBox.width).toBe(width >= 600 ? 536 : width - 40);
      expect(imageBox.height).toBeCloseTo((imageBox.width * 675) / 1200, 0);
      const caption = page.getByText("Foto:\u00a0Kay Nietfeld/dpa", { exact: false });
      const captionBox = (await caption.boundingBox())!;
      expect(captionBox.y).toBeGreaterThanOrEqual(imageBox.y + imageBox.height);
      expect(captionBox.y - (imageBox.y + imageBox.height)).toBeLessThan(16);
      await expect(caption.textContent()).resolves.toContain("Die Koalitionsspitzen nach der Nachtsitzung");
      await page.screenshot({ path: screenshotPath(`render-photo-${width}`), fullPage: true });
      await page.close();
    },
  );

  it.each([600, 375])(
    "at %i px with images off: the alt text sits on a block that keeps the photo's place",
    async (width) => {
      const page = await openEmail(width, "off");
      const image = page.locator(`img[src="${PHOTO_URL}"]`);
      const box = (await image.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(MIN_PHOTO_BLOCK_PX);
      expect(box.width).toBe(width >= 600 ? 536 : width - 40);
      const style = await image.evaluate((element) => {
        const computed = getComputedStyle(element) as unknown as Record<string, string>;
        return { font: computed.fontFamily, size: computed.fontSize, background: computed.backgroundColor };
      });
      expect(style.font).toMatch(/Helvetica|Arial|sans-serif/);
      expect(style.size).toBe("16px");
      expect(style.background).toBe("rgb(233, 228, 218)");
      await page.screenshot({ path: screenshotPath(`render-images-off-${width}`), fullPage: true });
      await page.close();
    },
  );

  it.each([600, 375, 320])(
    "at %i px: every visible text is at least 14 px, nothing scrolls sideways",
    async (width) => {
      const page = await openEmail(width, "off");
      const small = await page.evaluate((min) => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          const element = node.parentElement;
          if (!element || !node.textContent?.trim() || element.getClientRects().length === 0) continue;
          const size = Number.parseFloat(getComputedStyle(element).fontSize);
          if (size < min) found.push(`${size}px: ${node.textContent.trim().slice(0, 40)}`);
        }
        return found;
      }, MIN_FONT_PX);
      // The hidden preheader has no client rects and is skipped; everything a reader sees counts.
      expect(small).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await page.close();
    },
  );

  it.each([375, 320])(
    "at %i px: the feedback address breaks only after „@“ or before a dot",
    async (width) => {
      const page = await openEmail(width, "off");
      const link = page.locator('a[href="mailto:politik-newsletter@example-zeitung.de"]');
      await expect(link.textContent()).resolves.toBe("politik-newsletter@example-zeitung.de");
      const partLines = await link.evaluate((element) =>
        Array.from((element as unknown as BrowserElement).querySelectorAll("span")).map(
          (span) => span.getClientRects().length,
        ),
      );
      // Each part ("politik-newsletter@", "example-zeitung", ".de") stays on one line.
      expect(partLines).toEqual([1, 1, 1]);
      await page.close();
    },
  );
});
