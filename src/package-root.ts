import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The folder holding the project's package.json (works from src/ under tsx and from dist/), where
 * `templates/` and `seeds/` live.
 *
 * @example
 * join(findPackageRoot(), "templates");
 */
export function findPackageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error("could not find the digest package root (no package.json above src/)");
    dir = parent;
  }
  cached = dir;
  return dir;
}
