import { DigestError } from "../errors.js";

/** A list name: part of the edition key, the List-Id and every unsubscribe token. */
export const LIST_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Validates a `--list NAME` flag; `allowAll` also accepts `*` (every list, for suppressions).
 *
 * @example
 * parseListName("subscribers"); // "subscribers"
 * parseListName("*", { allowAll: true }); // "*"
 */
export function parseListName(value: string, options: { allowAll?: boolean } = {}): string {
  if (options.allowAll && value === "*") return value;
  if (!LIST_NAME.test(value)) {
    throw new DigestError(
      "E_USAGE",
      `--list ${JSON.stringify(value)} may hold only letters, digits, ".", "_" and "-" (at most 64)${options.allowAll ? ", or * for every list" : ""}`,
    );
  }
  return value;
}
