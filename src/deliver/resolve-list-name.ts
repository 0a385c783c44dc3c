import { basename, extname } from "node:path";
import { type Config, LIST_NAME } from "../config/index.js";
import { DigestError } from "../errors.js";
import { quoteLogValue } from "../unsafe-chars.js";

/** The list a send is for, and where its name came from. */
export interface ResolvedList {
  name: string;
  /** `flag` (--list), `config` (list.id) or `file` (derived from the recipients file name). */
  from: "flag" | "config" | "file";
  /** For a derived name: the warning to log once the run's prerequisites are checked; else null. */
  notice: string | null;
}

/**
 * The list identity of a send: `--list`, else config `list.id`, else the recipients file name
 * without its extension. The name is part of the edition key and signed into every unsubscribe
 * token, so a derived name breaks old unsubscribe links when the file is renamed: `notice` then
 * says which name was derived and how to pin it.
 *
 * @throws DigestError E_USAGE when the name holds anything but letters, digits, ".", "_" and "-".
 * @example
 * resolveListName({ flag: undefined, config, recipientsFile: "/srv/abonnenten.csv" }).name; // "abonnenten"
 */
export function resolveListName(input: {
  flag: string | undefined;
  config: Config;
  recipientsFile: string;
}): ResolvedList {
  const resolved: Omit<ResolvedList, "notice"> =
    input.flag !== undefined
      ? { name: input.flag, from: "flag" }
      : input.config.list.id !== null
        ? { name: input.config.list.id, from: "config" }
        : { name: basename(input.recipientsFile, extname(input.recipientsFile)), from: "file" };
  if (!LIST_NAME.test(resolved.name)) {
    throw new DigestError(
      "E_USAGE",
      `the list name ${quoteLogValue(resolved.name)}${resolved.from === "file" ? " (from the recipients file name)" : ""} may hold only letters, digits, ".", "_" and "-" (at most 64) - pass --list NAME or set list.id in the config`,
      {
        where:
          resolved.from === "flag" ? "--list" : resolved.from === "config" ? "list.id" : input.recipientsFile,
      },
    );
  }
  const notice =
    resolved.from === "file"
      ? `no list id given - using "${resolved.name}" from the recipients file name; it is signed into every unsubscribe link, so set "list": { "id": "${resolved.name}" } in the config (or pass --list) before renaming the file`
      : null;
  return { ...resolved, notice };
}
