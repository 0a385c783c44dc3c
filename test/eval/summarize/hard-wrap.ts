/**
 * Re-wraps a text as a plain-text feed or an old newspaper file would: every paragraph after the
 * first line (the headline) broken into lines of at most `width` characters at spaces, the
 * headline and the paragraphs separated by single line breaks. The gold sentences stay the same,
 * so a splitter can be scored on hard-wrapped text (two PCC documents are hard-wrapped).
 *
 * @example
 * hardWrap("Titel\n\nEin langer Absatz …", 72); // → "Titel\nEin langer Absatz …" wrapped at 72
 */
export function hardWrap(text: string, width: number): string {
  const paragraphs = text.split(/\n[ \t]*\n/).map((paragraph) => paragraph.trim());
  const [headline = "", ...body] = paragraphs;
  return [headline, ...body.map((paragraph) => wrapParagraph(paragraph, width))].join("\n");
}

function wrapParagraph(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/\s+/).filter((part) => part.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.join("\n");
}
