import { DigestError } from "../errors.js";

/**
 * Returns the positional arguments, or throws E_USAGE naming what was expected.
 *
 * @example
 * const files = requirePositionals("parse", positionals, "FILE");
 */
export function requirePositionals(command: string, positionals: string[], what: string): string[] {
  if (positionals.length === 0) {
    throw new DigestError("E_USAGE", `digest ${command}: missing ${what} - see 'digest ${command} --help'`);
  }
  return positionals;
}
