import { createHash } from "node:crypto";

/** Hex digits of an id: 64 bits, like the seed's file name, enough for a morning's inputs. */
const ID_HEX_CHARS = 16;

/**
 * A stable article id from where it came from and its headline: the same page read twice gets
 * the same id, two items of one feed get different ones.
 *
 * @example
 * makeArticleId("feeds/politik.xml", "Bundestag beschließt Haushalt") // → "3f0c…" (16 hex digits)
 */
export function makeArticleId(source: string | null, headline: string): string {
  return createHash("sha256")
    .update(`${source ?? ""}\n${headline}`)
    .digest("hex")
    .slice(0, ID_HEX_CHARS);
}
