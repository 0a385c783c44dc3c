import { joinQuotedSentences, splitSentences } from "../summarize/index.js";
import type { Article, KeyPoint } from "../types.js";

/**
 * The article sentence a key point was taken from (pure), as `splitSentences` numbers them: what
 * the desk shows beside each point so an edit can be checked against the article. A point made
 * of a quotation of several sentences points at its first one and gets the whole quotation, as
 * the summarizer took it. Null for a point an editor wrote, or a position the article does not
 * have.
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
  const sentences = splitSentences(paragraph);
  const unit = joinQuotedSentences(sentences).find((candidate) => candidate.first === point.sentence);
  return unit?.text ?? sentences[point.sentence] ?? null;
}
