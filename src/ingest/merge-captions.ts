import type { TickerHeader } from "./parse-ticker-header.js";

/** A credit-only line ("© AFP") adopts the line above as its caption only when it is this short. */
const MAX_ADOPTED_CAPTION_CHARS = 250;

/** One line of an article body after sorting: text, a photo caption or a ticker entry header. */
export type TextItem =
  | { type: "text"; text: string; group: number }
  | { type: "caption"; caption: string | null; credit: string | null; group: number }
  | { type: "update"; header: TickerHeader };

/** An image's caption and credit. */
export interface ImageParts {
  caption: string | null;
  credit: string | null;
}

/**
 * Turns caption items into images and removes the caption's duplicate from the text: the seed
 * prints the caption once alone and once followed by "© credit". A credit-only line ("© AFP")
 * adopts a short text line directly above it as its caption, but only when no blank line
 * separates them: paragraphs are blank-line separated, a caption and its credit are not, and
 * losing a paragraph to the image would be worse than an image without caption.
 *
 * @example
 * mergeCaptions([{ type: "caption", caption: "Der Bundestag", credit: "© dpa", group: 4 }]);
 * // [{ caption: "Der Bundestag", credit: "© dpa" }]
 */
export function mergeCaptions(items: TextItem[]): ImageParts[] {
  const images: ImageParts[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item?.type !== "caption") continue;
    let { caption, credit } = item;
    const previous = items[index - 1];
    const textBefore = items.slice(0, index - 1).some((candidate) => candidate.type === "text");
    if (
      caption === null &&
      previous?.type === "text" &&
      previous.group === item.group &&
      textBefore &&
      previous.text.length <= MAX_ADOPTED_CAPTION_CHARS
    ) {
      caption = previous.text;
    }
    if (previous?.type === "text" && caption !== null && isSameCaption(previous.text, caption)) {
      items.splice(index - 1, 1);
      index--;
    } else if (
      previous?.type === "caption" &&
      previous.credit === null &&
      previous.caption !== null &&
      caption !== null
    ) {
      if (isSameCaption(previous.caption, caption)) {
        previous.credit = credit;
        items.splice(index, 1);
        index--;
        const image = images[images.length - 1];
        if (image) image.credit = credit;
        continue;
      }
    }
    const next = items[index + 1];
    if (next?.type === "text" && caption !== null && isSameCaption(next.text, caption))
      items.splice(index + 1, 1);
    images.push({ caption, credit });
  }
  return images;
}

function isSameCaption(a: string, b: string): boolean {
  return a === b || a.startsWith(b) || b.startsWith(a);
}
