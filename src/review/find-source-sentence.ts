import { splitSentences } from "../summarize/index.js";
import type { Article, KeyPoint } from "../types.js";

/**
 * The article sentence a key point was taken from (pure), as `splitSentences` numbers them: what
 * the desk shows beside each point so an edit can be checked against the article. Null for a
 * point an editor wrote, or a position the article does not have.
 *
 * @example
 * findSourceSentence(article, { text: "…", paragraph: 2, sentence: 0 }); // "Der Kanzler sagte …"
 */
export function findSourceSentence(
  article: Article,
  point: Pick<KeyPoint, "paragraph" | "sentence" | "update" | "written">,
): string | null {
  if (point.written) return null;
  const paragraph =
    point.update === undefined
      ? article.paragraphs[point.paragraph]?.text
      : article.updates[point.update]?.paragraphs[point.paragraph];
  if (paragraph === undefined) return null;
  return splitSentences(paragraph)[point.sentence] ?? null;
}
