import { createHash } from "node:crypto";

/** 12 hex digits = 48 bits: collisions are negligible for a morning's few hundred articles. */
const ID_HEX_CHARS = 12;

/**
 * A stable article id: the same source and headline always give the same id, across runs and
 * machines, so the ledger and the preview studio can refer to an article.
 *
 * @example
 * deriveArticleId("seeds/000_7cdcff967b3c5d01.txt", "China will Putin den Rücken stärken") // → 12 hex digits
 */
export function deriveArticleId(source: string | null, headline: string): string {
  return createHash("sha1")
    .update(`${source ?? ""}\n${headline}`)
    .digest("hex")
    .slice(0, ID_HEX_CHARS);
}
